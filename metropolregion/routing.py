"""Routing a request to its page in one query instead of two per level.

Wagtail's `Page.route()` walks the URL one segment at a time: for /news/some-article/ it
loads the child "news" of the home page, makes it specific, then its child "some-article",
and makes that specific (four queries below the site root, two more per level deeper).
`route_by_url_path()` loads every page on the way at once by `url_path` (the home page's
url_path plus each prefix of the request path), then hands over exactly where Wagtail
would have: to the first page on the way that has routes of its own (a RoutablePage, with
the rest of the path, when one of its routes matches it), or else to the last page (with
no path left), whose own `route()` checks that it is live. A path with no page at some level is a 404, as before.
"""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def route_by_url_path(root, request, path_components):
    prefixes = []
    url_path = root.url_path
    for component in path_components:
        url_path = f"{url_path}{component}/"
        prefixes.append(url_path)
    by_url_path = {page.url_path: page for page in Page.objects.filter(url_path__in=prefixes)}
    parent = root
    for depth, prefix in enumerate(prefixes, start=1):
        page = by_url_path.get(prefix)
        if page is None or page.depth != root.depth + depth:
            raise Http404
        page._cached_parent_obj = parent  # treebeard's get_parent() uses it
        remaining = path_components[depth:]
        if remaining and _has_route(page, remaining):
            return page.specific.route(request, remaining)
        parent = page
    return parent.specific.route(request, [])


def _has_route(page, remaining):
    """Whether a live RoutablePage would answer the rest of the path with a route of its
    own (RoutablePageMixin.route tries its routes first, then its children)."""
    page_class = page.specific_class or Page
    if not (page.live and issubclass(page_class, RoutablePageMixin)):
        return False
    try:
        page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Http404:
        return False
    return True
