"""Which page answers a path, remembered per process while no page changes.

Every page request Wagtail does not get from a cache finds its page anew: the active
locale, the site's root page made specific, the pages on the way (metropolregion/routing.py,
one query), the page made specific, then its ancestors' aliases and their view
restrictions: six queries before the first line of the template, the largest fixed cost of
a member's page view, a preview's or the first visitor's after a change.

`RouteMemoMiddleware` remembers the answer (the specific page, the route's arguments and
whether any view restriction applies) per site, language and path, stamped with the
fragments' generations of EVERYTHING and ANY_PAGE (metropolregion/fragments.py): any page
saved, published, moved or deleted bumps ANY_PAGE; a site, locale or view restriction bumps
EVERYTHING. The stamp is read before the route is found, so a change that commits while a
request is routed stores its answer under the old stamp, never under the new one. Read once
per request and shared with the fragments, it costs no extra round trip to the cache.

The answer is kept pickled and unpickled for every request (20 µs against 1 ms for the
queries): no page object is shared between requests or threads. A page with a view
restriction is still checked against it on every request (Wagtail's own hook); only a page
known to have none skips the two queries that look for one.

Only when the fragments are on (FRAGMENT_CACHE_SECONDS > 0 with a cache shared by every
process, as in production); at most MAX_ENTRIES paths per process. A form's POST (a
registration) finds its page the same way: the route does not depend on the method.
"""

import logging
import pickle  # nosec B403 - only our own pickles, kept in this process's memory
import threading
from collections import OrderedDict

from django.utils.translation import get_language

from . import fragments
from .site_lookup import SKIP

logger = logging.getLogger(__name__)

MAX_ENTRIES = 2000
# Never pages: the admin and the API (and what the site lookup skips).
NOT_PAGES = ("/admin/", "/api/")

_lock = threading.Lock()
_memo = OrderedDict()  # (site, root, language, path) -> (stamp, pickled route)


def forget():
    with _lock:
        _memo.clear()


def _stamp():
    found = fragments.generations([fragments.ANY_PAGE])
    if found is None:
        return None
    return (found[fragments.EVERYTHING], found[fragments.ANY_PAGE])


class RouteMemoMiddleware:
    """Hands Wagtail's `serve` view the remembered route (`request._wagtail_route_for_request`,
    Wagtail's own per-request cache of `Page.route_for_request`); on a miss it marks the
    request so that `remember()` (a before_serve_page hook) keeps the route found."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            fragments.enabled()
            and not SKIP.match(request.path_info)
            and not request.path_info.startswith(NOT_PAGES)
        ):
            self._look_up(request)
        return self.get_response(request)

    def _look_up(self, request):
        site = getattr(request, "_wagtail_site", None)
        if site is None:
            return
        stamp = _stamp()
        if stamp is None:  # the cache failed: route as Wagtail does
            return
        key = (site.pk, site.root_page_id, get_language(), request.path_info)
        found = _memo.get(key)
        if found is not None and found[0] == stamp:
            try:
                page, args, kwargs, unrestricted = pickle.loads(found[1])  # noqa: S301  # nosec B301
            except Exception:
                logger.warning("Route memo could not be read", exc_info=True)
            else:
                from wagtail.url_routing import RouteResult

                page._known_unrestricted = unrestricted
                request._wagtail_route_for_request = RouteResult(page, args, kwargs)
                return
        request._route_memo = (key, stamp)


def remember(page, request, serve_args, serve_kwargs):
    """before_serve_page: keep the route just found (before anything renders the page)."""
    pending = getattr(request, "_route_memo", None)
    route = getattr(request, "_wagtail_route_for_request", None)
    if pending is None or route is None or route.page is not page:
        return None
    request._route_memo = None
    key, stamp = pending
    try:
        unrestricted = not page.get_view_restrictions().exists()
        data = pickle.dumps(
            (page, tuple(serve_args), dict(serve_kwargs), unrestricted),
            protocol=pickle.HIGHEST_PROTOCOL,
        )
    except Exception:  # a route argument that does not pickle: route it every time
        logger.debug("Route not remembered: %s", key, exc_info=True)
        return None
    with _lock:
        _memo[key] = (stamp, data)
        while len(_memo) > MAX_ENTRIES:
            _memo.popitem(last=False)
    return None
