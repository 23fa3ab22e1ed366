"""Which Wagtail site answers a request, remembered per host and port for a short while.

Wagtail finds the site with one query per request (`Site.find_for_request`: a CASE over
hostname, port and the default site) and keeps it on the request as `_wagtail_site`.
Sites change almost never (an administrator adds a host or moves a site's root), so
`SiteLookupMiddleware` remembers the answer per (host, port) in this process for
SITE_LOOKUP_SECONDS and hands every request fresh Site and root Page objects made from
it (no model instance is shared between threads). A change to a Site or a root page
empties this process's memory at once (signals); other processes see it within
SITE_LOOKUP_SECONDS.
"""

import re
import threading
import time

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port

_lock = threading.Lock()
_known = {}  # (hostname, port) -> (expires, field values or None)


def _seconds():
    return getattr(settings, "SITE_LOOKUP_SECONDS", 60)


def forget(**kwargs):
    with _lock:
        _known.clear()


def _page_saved(sender, instance, **kwargs):
    if getattr(instance, "depth", 3) <= 2:  # a site's root page (or the tree's)
        forget()


def find(request):
    from wagtail.models import Page, Site

    try:
        key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    except Exception:  # a malformed Host: let Wagtail (and Django) answer it
        return Site.find_for_request(request)
    now = time.monotonic()
    found = _known.get(key)
    if found is None or found[0] < now:
        site = Site._find_for_request(request)
        values = None
        if site is not None:
            values = (_values(site), _values(site.root_page))
        with _lock:
            _known[key] = (now + _seconds(), values)
        return site
    if found[1] is None:
        return None
    site_values, root_values = found[1]
    site = Site(**site_values)
    site.root_page = Page(**root_values)
    return site


def _values(instance):
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.fields}


class SiteLookupMiddleware:
    """Sets `request._wagtail_site` (Wagtail's own per-request cache) from `find()`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _seconds() > 0 and not SKIP.match(request.path_info):
            request._wagtail_site = find(request)
        return self.get_response(request)


# Answers that never ask for the site: health checks (they touch nothing else, not even the
# database), robots.txt, the favicon, static files and media.
SKIP = re.compile(r"^/(healthz|readyz)/|^/robots\.txt$|^/favicon\.ico$|^/(static|media)/")


def connect_signals():
    from wagtail.models import Site

    post_save.connect(forget, sender=Site, dispatch_uid="site_lookup_save")
    post_delete.connect(forget, sender=Site, dispatch_uid="site_lookup_delete")
    post_save.connect(_page_saved, dispatch_uid="site_lookup_root_page")
