"""Full-page cache for anonymous visitors, always fresh.

How it works
- `PageCacheMiddleware` sits near the top of the middleware stack. A GET or HEAD without a
  session cookie is looked up in the cache alias "pages"; on a hit the stored response goes
  out without touching the database, the session or the page tree.
- A miss renders normally and stores the response if nobody could tell it apart from the
  next visitor's: status 200, no Set-Cookie (a CSRF token or a message for this visitor
  always comes with one), not private/no-store, the user anonymous, and the path not
  excluded (admin, accounts, search, documents).
- Freshness: every key contains a *generation* number kept in the same cache. Any change
  to content that a public page may show (a page published, unpublished, moved or deleted,
  a snippet, a setting, an image, a view restriction, a registration that changes the free
  places …) increments the generation after its transaction commits, so every cached
  page is out of date at once, on every app server that shares the cache (Redis). We
  chose one generation over per-page dependencies: navigation, home-page blocks and lists
  mean that almost any change shows up on many pages, and a miss costs only one render.
- A render that began before a change stores its result under the generation it read at
  the start, which is no longer current: a slow request cannot put stale content back.
- Pages also expire after PAGE_CACHE_SECONDS, because time changes them too (an event
  moves from "upcoming" to the archive when it ends).

Forms on pages (event registration, feedback) are served from the cache as well: see
`metropolregion.csrf.PageFormCsrfMiddleware`.
"""

import hashlib
import logging
import re
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import cc_delim_re

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
GENERATION_KEY = "pagecache:generation"
HIT_HEADER = "X-Page-Cache"
MAX_PATH_LENGTH = 1024  # longer URLs (fuzzers, tracking junk) are rendered, not stored

# Changes to these models never change what an anonymous visitor sees; everything else
# (pages, snippets, settings, images, documents, tags, restrictions, registrations …)
# invalidates the cache. A deny-list errs on the side of freshness: a model added later
# invalidates until someone decides it need not.
NEVER_SHOWN = {
    "auth.group",
    "auth.permission",
    "auth.user",
    "axes.accessattempt",
    "axes.accessattemptexpiration",  # a failed log-in must not empty the cache either
    "axes.accessfailurelog",
    "axes.accesslog",
    "contenttypes.contenttype",
    "django_tasks_database.dbtaskresult",  # queued mails (a password reset queues one)
    "events.notification",
    "metropolregion.feedbacksubmission",
    "sessions.session",
    "wagtailadmin.admin",
    "wagtailadmin.editingsession",
    "wagtailcore.comment",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.referenceindex",
    "wagtailcore.commentreply",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.revision",
    "wagtailcore.task",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflow",
    "wagtailcore.workflowstate",
    "wagtailcore.workflowtask",
    "wagtailforms.formsubmission",
    "wagtailsearch.indexentry",
    # Search terms and promotions appear on the search page only, which is never cached
    # (the public search stores no terms any more: metropolregion/search.py).
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
    "wagtailsearchpromotions.searchpromotion",
    "wagtailusers.userprofile",
    "wagtail_localize.stringsegment",
    "wagtail_localize.stringtranslation",
    "wagtail_localize.translationlog",
}


def page_cache():
    return caches[CACHE_ALIAS]


def enabled():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


def new_generation():
    """Where a generation starts when its key is missing (first use, Redis restarted or
    evicted it): the time in microseconds, so a restarted count never repeats a number an
    earlier one handed out (a process may still hold work stamped with it, such as the
    route memo, metropolregion/route_memo.py)."""
    return time.time_ns() // 1000


def current_generation():
    """The generation number; a cache that fails counts as a miss, never as an error."""
    try:
        generation = page_cache().get(GENERATION_KEY)
        if generation is None:
            page_cache().add(GENERATION_KEY, new_generation(), timeout=None)
            generation = page_cache().get(GENERATION_KEY)
        return generation
    except Exception:
        logger.warning("Page cache not available (get generation)", exc_info=True)
        return None


def invalidate():
    """Make every cached page out of date (now, or when the current transaction commits)."""
    transaction.on_commit(_bump_generation)


def incr_generation(cache, key):
    """Count a generation up (also the fragments': metropolregion.fragments); when it is
    gone (expired, evicted, first change) a new one starts."""
    try:
        cache.incr(key)
    except ValueError:
        cache.add(key, new_generation(), timeout=None)
        cache.incr(key)


def _bump_generation():
    try:
        incr_generation(page_cache(), GENERATION_KEY)
    except Exception:
        # If the cache is down nothing is served from it either; log for the operator.
        logger.error("Page cache could not be invalidated", exc_info=True)


def _excluded(path):
    return any(re.match(pattern, path) for pattern in settings.PAGE_CACHE_EXCLUDE)


def _cache_key(request, generation):
    full = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(full.encode("utf-8", "surrogatepass")).hexdigest()
    return f"pagecache:{generation}:{digest}"


def _anonymous_request(request):
    return request.method in ("GET", "HEAD") and (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    # `Vary: Cookie` only says that the session was looked at (is anybody logged in?): for a
    # request without a session cookie the answer is the same for every visitor. Content
    # made for one visitor sets a cookie (CSRF token, messages) and is refused above.
    if "*" in {v.strip() for v in cc_delim_re.split(response.get("Vary", ""))}:
        return False
    control = {v.strip().lower() for v in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not control & {"private", "no-store", "no-cache"}


class PageCacheMiddleware:
    """Serves and stores whole pages for anonymous visitors (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not _anonymous_request(request):
            return self.get_response(request)
        try:
            host = request.get_host()
        except Exception:  # DisallowedHost: let Django answer it
            return self.get_response(request)
        path = request.get_full_path()
        if len(path) > MAX_PATH_LENGTH or _excluded(request.path_info) or not host:
            return self.get_response(request)

        generation = current_generation()
        if generation is None:
            return self.get_response(request)
        key = _cache_key(request, generation)
        try:
            stored = page_cache().get(key)
        except Exception:
            logger.warning("Page cache not available (get page)", exc_info=True)
            stored = None
        if stored is not None:
            return self._from_cache(request, stored)

        response = self.get_response(request)
        if request.method == "GET" and _storable(request, response):
            self._store(key, response)
            response[HIT_HEADER] = "miss"
        return response

    def _store(self, key, response):
        content = response.content
        response["ETag"] = f'"{hashlib.sha256(content).hexdigest()[:32]}"'
        response["Cache-Control"] = "no-cache"  # browsers and proxies ask again (ETag)
        headers = [(k, v) for k, v in response.items() if k.lower() not in {"date", "vary"}]
        try:
            page_cache().set(
                key, (response.status_code, headers, content), settings.PAGE_CACHE_SECONDS
            )
        except Exception:
            logger.warning("Page cache not available (set page)", exc_info=True)

    def _from_cache(self, request, stored):
        status, headers, content = stored
        etag = dict((k.lower(), v) for k, v in headers).get("etag")
        if etag and etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
            response["ETag"] = etag
        else:
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
        response[HIT_HEADER] = "hit"
        return response


# -- invalidation --


def _content_changed(sender, **kwargs):
    if kwargs.get("raw"):  # loading fixtures
        return
    if sender._meta.label_lower in NEVER_SHOWN or _is_rendition(sender):
        return
    invalidate()
    # The HTTP cache in front drops only what the change shows on (after the bump above:
    # a purge must never be answered from this cache's old generation).
    from wagtail.models import Page

    from . import dependencies, purge

    instance = kwargs.get("instance")
    if isinstance(instance, Page):
        # Saves: the publish, unpublish or move that follows says more. Deletions: once,
        # for the page's own type (not again for the rows of its base classes).
        # A page made live without publishing (add_child(live=True) in a script): as new.
        deleted = kwargs.get("signal") is post_delete and sender is instance.specific_class
        if deleted or (kwargs.get("created") and instance.live):
            purge.record(lambda: dependencies.page_changed(instance))
        return
    purge.record(lambda: dependencies.row_changed(instance))


def _is_rendition(model):
    from wagtail.images.models import AbstractRendition

    return issubclass(model, AbstractRendition)


def _page_tree_changed(sender, instance, **kwargs):
    invalidate()
    from . import dependencies, purge

    purge.record(
        lambda: dependencies.page_changed(
            instance,
            old_url_path=kwargs.get("url_path_before"),
            old_parent=kwargs.get("parent_page_before"),
        )
    )


def connect_signals():
    """Called from the app config's ready(): every model's saves and deletes, page moves
    and publishing (which also save), m2m changes (tags, topics)."""
    connect_change_signals("pagecache", _content_changed, _m2m_changed, _page_tree_changed)
    # What the HTTP cache in front needs to know (metropolregion/dependencies.py).
    from .dependencies import connect_signals as connect_dependencies

    connect_dependencies()


def connect_change_signals(name, changed, m2m, page_changed):
    """Connect the handlers of one listener to every change of content: saves and deletes
    of any model, m2m changes, and Wagtail's publish, unpublish and move."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(changed, dispatch_uid=f"{name}-save")
    post_delete.connect(changed, dispatch_uid=f"{name}-delete")
    m2m_changed.connect(m2m, dispatch_uid=f"{name}-m2m")
    page_published.connect(page_changed, dispatch_uid=f"{name}-publish")
    page_unpublished.connect(page_changed, dispatch_uid=f"{name}-unpublish")
    post_page_move.connect(page_changed, dispatch_uid=f"{name}-move")


def _m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        _content_changed(type(instance), instance=instance)


def all_models_covered():
    """Model labels that invalidate the cache (for the tests and for curious operators)."""
    return sorted(
        m._meta.label_lower
        for m in apps.get_models()
        if m._meta.label_lower not in NEVER_SHOWN and not _is_rendition(m)
    )
