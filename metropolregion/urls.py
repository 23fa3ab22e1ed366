from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import guards, search, views
from .sitemaps import LocalizedSitemap

# A malformed request (an unreadable body, a broken multipart form) gets a plain German 400
# page that reads nothing from the request (Django's own view runs the CSRF check again).
handler400 = "metropolregion.errors.bad_request"

urlpatterns = [
    # Ahead of Wagtail's own URLs of the same name (metropolregion/guards.py): log-out only
    # by POST, a guessing limit on document passwords.
    path("admin/logout/", guards.admin_logout, name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        guards.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", views.healthz, name="healthz"),
    path("readyz/", views.readyz, name="readyz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": LocalizedSitemap}}, name="sitemap"),
    path("favicon.ico", views.favicon, name="favicon"),
    # The read-only API and the embeddable list for partner sites (docs/api.md): one
    # address each, `?lang=en` for English, so partners and the page cache see one URL.
    path("", include("events.api_urls")),
    path("", include("news.api_urls")),
]

if settings.SERVE_MEDIA:
    # Development and tests only; production serves media from a web server or object store.
    # Never documents or original images (views.PRIVATE_MEDIA): /documents/ serves those.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", views.media, name="media"))

# German pages live at /, English ones at /en/ (and any further language at its prefix).
urlpatterns += i18n_patterns(
    path("suche/", search.search, name="search"),
    # The member's registrations (events) beside the account pages (membership).
    path("konto/anmeldungen/", include("events.urls")),
    path("konto/", include("metropolregion.membership.urls")),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        guards.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
