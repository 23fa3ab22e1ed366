"""Small views of the core app that are not Wagtail pages."""

import posixpath

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.static import serve

# Folders of MEDIA_ROOT that are never public: documents go through Wagtail's view, which
# checks collection privacy and sends them as downloads; original images may carry
# metadata (camera, place) that the renditions on the pages leave out.
PRIVATE_MEDIA = ("documents", "original_images")


@require_GET
def healthz(request):
    """Liveness and readiness for the load balancer: answers 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return JsonResponse({"status": "ok"})


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /suche/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico on their own; send them to the hashed static file."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


@require_GET
def media(request, path):
    """Uploads for development and tests (SERVE_MEDIA); production's web server serves
    /media/ and must refuse the same folders."""
    top = posixpath.normpath(path.replace("\\", "/")).lstrip("/").split("/", 1)[0].lower()
    if top in PRIVATE_MEDIA:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
