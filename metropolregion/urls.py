from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import search, views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("favicon.ico", views.favicon, name="favicon"),
]

if settings.SERVE_MEDIA:
    # Development and tests only; production serves media from a web server or object store.
    # Never documents or original images (views.PRIVATE_MEDIA): /documents/ serves those.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", views.media, name="media"))

# German pages live at /, English ones at /en/ (and any further language at its prefix).
urlpatterns += i18n_patterns(
    path("suche/", search.search, name="search"),
    path("konto/", include("metropolregion.membership.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
