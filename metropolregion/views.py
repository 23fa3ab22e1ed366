"""Small views of the core app that are not Wagtail pages."""

import posixpath

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe
from django.views.static import serve

from . import health

# Folders of MEDIA_ROOT that are never public: documents go through Wagtail's view, which
# checks collection privacy and sends them as downloads; original images may carry
# metadata (camera, place) that the renditions on the pages leave out.
PRIVATE_MEDIA = ("documents", "original_images")


@require_safe
@never_cache
def healthz(request):
    """Liveness: the process is up and serves requests. Touches no database, cache or
    storage, so an outage of one of them never gets healthy app servers restarted."""
    return JsonResponse({"status": "ok"})


@require_safe
@never_cache
def readyz(request):
    """Readiness for the load balancer: 200 when the database, both caches and the media
    storage answer (metropolregion/health.py), else 503 naming what failed."""
    report = health.readiness()
    return JsonResponse(report.as_json(), status=200 if report.ok else 503)


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
