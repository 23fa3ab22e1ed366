"""Rendered fragments cached by what they show: the blocks of a page's body, the header's
menu and the footer. The page cache (metropolregion.cache) serves whole pages to anonymous
visitors; everyone else (members, editors' previews, the first visitor after a change,
everyone in a registration rush) renders the page, and this module makes that render cheap.

How a fragment stays fresh
- Every fragment names the *labels* of what it shows: a model label such as
  "news.newspage" (the latest-news block), ANY_PAGE for anything that shows page titles or
  links (the menu, rich text), and always, implicitly, EVERYTHING.
- Each label has a generation number in the shared cache (Redis on several app servers).
  A fragment's key holds the generations of its labels, so bumping one generation makes
  every fragment that shows it out of date at once, on every server.
- After a transaction commits, a change bumps exactly what it touched:
  - a page (saved, published, unpublished, moved, deleted) → its model's label and ANY_PAGE;
  - a row that belongs to a page (a ParentalKey child: tags, programme items, partners) →
    that page model's label and ANY_PAGE;
  - a model an app mapped with `track()` (a registration → "events.eventpage": the free
    places) → that label only;
  - models that never show on a public page (cache.NEVER_SHOWN, renditions, mail in the
    outbox) → nothing;
  - anything else (snippets, settings, images, documents, restrictions, sites, locales …)
    → EVERYTHING: a deny-list that errs on the side of freshness.
  So publishing a news item re-renders the news lists and the menus, never the project grid.
- Fragments also expire after FRAGMENT_CACHE_SECONDS, because time changes them too (an
  event leaves the upcoming list when it ends), like the page cache.
- A render that began before a change stores its result under the generations it read at
  the start, which are no longer current: a slow render cannot put stale content back.
- The cache failing is a miss (logged), never an error. Without a cache shared by every
  process (production without REDIS_URL) FRAGMENT_CACHE_SECONDS is 0 and nothing is cached.

Generations are read once per request (one round trip) and kept for that request only.
"""

import functools
import hashlib
import json
import logging
import threading

from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"  # the page cache's: shared by every process that renders or changes
EVERYTHING = "*"
ANY_PAGE = "page"
_GENERATION_PREFIX = "fragment:generation:"

_tracked = {}  # model label → label it bumps (apps register theirs with track())
# Model labels that never show on a public page, besides cache.NEVER_SHOWN.
_ignored = {"wagtailadmin.formstate"}
_request = threading.local()


def track(model_label, label):
    """A change to `model_label` shows only where `label` is shown (called from ready())."""
    _tracked[model_label.lower()] = label.lower()


def ignore(model_label):
    _ignored.add(model_label.lower())


def seconds():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)


def enabled():
    return seconds() > 0


def _cache():
    return caches[CACHE_ALIAS]


# -- generations --


def generations(labels):
    """{label: generation} for EVERYTHING and `labels`, or None when the cache failed."""
    from .cache import new_generation

    wanted = {EVERYTHING, *labels}
    memo = getattr(_request, "generations", None)
    if memo is not None and wanted <= memo.keys():
        return {label: memo[label] for label in wanted}
    try:
        keys = {_GENERATION_PREFIX + label: label for label in wanted}
        found = _cache().get_many(keys.keys())
        result = {label: found.get(key) for key, label in keys.items()}
        for label, value in result.items():
            if value is None:
                start = new_generation()
                _cache().add(_GENERATION_PREFIX + label, start, timeout=None)
                result[label] = _cache().get(_GENERATION_PREFIX + label) or start
    except Exception:
        logger.warning("Fragment cache not available (generations)", exc_info=True)
        return None
    if memo is not None:
        memo.update(result)
    return result


def bump(labels):
    """Make every fragment that shows one of `labels` out of date once the transaction
    commits (at once outside a transaction)."""
    labels = frozenset(labels)
    if labels:
        transaction.on_commit(lambda: _bump_now(labels))


def _bump_now(labels):
    from .cache import incr_generation

    for label in labels:
        try:
            incr_generation(_cache(), _GENERATION_PREFIX + label)
        except Exception:
            logger.error("Fragment cache could not be invalidated (%s)", label, exc_info=True)


def _start_request(**kwargs):
    _request.generations = {}


def _end_request(**kwargs):
    _request.generations = None


# -- fragments --


def digest(value):
    """A short stable digest of a block's raw (JSON) value or any other key part."""
    data = json.dumps(value, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def key(name, parts, labels):
    """The cache key of a fragment, or None when the cache failed."""
    current = generations(labels)
    if current is None:
        return None
    stamp = ".".join(f"{label}{current[label]}" for label in sorted(current))
    return f"fragment:{name}:{get_language()}:{digest([parts, stamp])}"


def fragment(name, parts, labels, render, request=None):
    """The HTML of `render()`, from the cache when a fragment with the same name, key parts,
    language and generations of `labels` is there (or was fetched for this request by
    `page_is_rendered()`)."""
    if not enabled():
        return render()
    cache_key = key(name, parts, labels)
    if cache_key is None:
        return render()
    html = getattr(request, "_fragments_fetched", {}).get(cache_key)
    if html is None:
        try:
            html = _cache().get(cache_key)
        except Exception:
            logger.warning("Fragment cache not available (get)", exc_info=True)
    if html is not None:
        return mark_safe(html)  # noqa: S308 - our own rendered template output  # nosec B308, B703
    html = render()
    try:
        _cache().set(cache_key, str(html), seconds())
    except Exception:
        logger.warning("Fragment cache not available (set)", exc_info=True)
    return html


def page_fragments(page, request):
    """(name, key parts, labels) of the fragments templates/base.html caches for a page
    whose content is shared (`content_fragment_shows`); the tag {% fragment %} computes
    the same keys."""
    parts = [request.get_host(), request.get_full_path()]
    return [
        ("head", parts, (ANY_PAGE,)),
        ("header", parts, (ANY_PAGE,)),
        ("content", parts, (ANY_PAGE, *page.content_fragment_shows)),
        ("footer", parts[:1], (ANY_PAGE,)),
    ]


def page_is_rendered(page, request):
    """Whether every fragment of the page (head, header, content, footer) is in the cache: then its `get_context()` need not compute anything (see `unless_rendered`).
    The fragments found are kept on the request, so the page is rendered from exactly
    these, even if they expire a moment later."""
    if (
        not enabled()
        or request.method not in ("GET", "HEAD")
        or getattr(request, "is_preview", False)
        or getattr(page, "content_fragment_shows", None) is None
    ):
        return False
    keys = [key(name, parts, labels) for name, parts, labels in page_fragments(page, request)]
    if None in keys:
        return False
    try:
        found = _cache().get_many(keys)
    except Exception:
        logger.warning("Fragment cache not available (get_many)", exc_info=True)
        return False
    if len(found) < len(keys):
        return False
    request._fragments_fetched = found
    return True


def unless_rendered(get_context):
    """Decorates a page's get_context(): when the page's fragments are all cached, only
    Wagtail's own context (page, request) is made, and none of the queries for lists,
    hubs and registrations run."""

    @functools.wraps(get_context)
    def wrapper(self, request, *args, **kwargs):
        if page_is_rendered(self, request):
            from wagtail.models import Page

            return Page.get_context(self, request, *args, **kwargs)
        return get_context(self, request, *args, **kwargs)

    return wrapper


# -- what a change touches --


def labels_for(model):
    """The labels a change to a row of `model` bumps (see the module docstring)."""
    from wagtail.images.models import AbstractRendition
    from wagtail.models import Page

    from .cache import NEVER_SHOWN
    from .outbox import OutboxMixin

    label = model._meta.label_lower
    if label in _tracked:
        return {_tracked[label]}
    if label in NEVER_SHOWN or label in _ignored:
        return set()
    if issubclass(model, (AbstractRendition, OutboxMixin)):
        return set()
    if issubclass(model, Page):
        return {label, ANY_PAGE}
    owner = _owning_page_model(model)
    if owner is not None:
        return {owner._meta.label_lower, ANY_PAGE}
    return {EVERYTHING}


def _owning_page_model(model):
    """The page model a row belongs to through a ParentalKey (tags, inline items)."""
    from modelcluster.fields import ParentalKey
    from wagtail.models import Page

    for field in model._meta.get_fields():
        if isinstance(field, ParentalKey):
            related = field.related_model
            if isinstance(related, type) and issubclass(related, Page):
                return related
    return None


def _changed(sender, **kwargs):
    if kwargs.get("raw"):  # loading fixtures
        return
    bump(labels_for(sender))


def _m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        bump(labels_for(type(instance)))


def _page_changed(sender, **kwargs):
    bump(labels_for(sender))


def connect_signals():
    """Called from the core app's ready()."""
    from .cache import connect_change_signals

    connect_change_signals("fragments", _changed, _m2m_changed, _page_changed)
    request_started.connect(_start_request, dispatch_uid="fragments-request-started")
    request_finished.connect(_end_request, dispatch_uid="fragments-request-finished")
