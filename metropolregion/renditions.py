"""Image renditions made before a visitor asks for them.

A page's template asks for its pictures in several formats and sizes (`{% picture %}`);
Wagtail makes each rendition the first time a template needs it, inside that request. A
gallery of eight pictures costs seconds, a busy machine minutes. So the renditions are
made ahead of time, by rendering the page once where nobody waits:

- `load_demo_content` renders every live page at the end (`render_live_pages`);
- publishing a page queues the task `prepare_renditions` after the commit: the worker
  renders the page and the live pages above it (its listing, the home page), which show
  its picture as a card.

A page is rendered with Wagtail's `make_preview_request`: the page's live content, through
the whole middleware stack, at the page's own address (or an allowed fallback host; over
https behind a TLS proxy), as an anonymous visitor, without view restrictions (members'
pages get their renditions too). Its response is marked private, so the page cache never
stores it. Rendering never fails a publish: errors are logged with the page's id and the
next page goes on.

The core imports no content app: it sees pages only as Wagtail pages.
"""

import contextlib
import logging
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import translation
from django_tasks import task
from wagtail.models import Page

logger = logging.getLogger(__name__)

# True while publishing needs no task (a command renders everything itself at the end).
_suspended = ContextVar("renditions_suspended", default=False)


def visitor_headers():
    """The stand-in for a visitor's request whose headers Wagtail copies into the dummy
    request: behind a TLS proxy (SECURE_PROXY_SSL_HEADER) the page is asked for over
    https, as visitors ask for it, not redirected there by SECURE_SSL_REDIRECT."""
    request = HttpRequest()
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure = settings.SECURE_PROXY_SSL_HEADER
        request.META[header] = secure
    return request


def render_page(page):
    """Render `page` (a specific page with an address) once, as a visitor would see it;
    its HTTP status. The caller's active language stays as it was. The response is not
    closed: closing sends `request_finished`, whose `close_old_connections` would drop the
    database connection inside a transaction (the test client avoids it likewise)."""
    with translation.override(translation.get_language()):
        response = page.make_preview_request(
            original_request=visitor_headers(), preview_mode=page.default_preview_mode
        )
    return response.status_code


def render_pages(pages):
    """Render each page that has an address; how many rendered. A page that fails is
    logged (by its id) and skipped."""
    rendered = 0
    for page in pages:
        if page.get_url_parts() is None:  # in no site: nobody can visit it
            continue
        try:
            status = render_page(page)
        except Exception:
            logger.exception("Renditions of page %s not prepared: rendering failed", page.pk)
            continue
        if status != 200:
            logger.warning("Renditions of page %s not prepared: status %s", page.pk, status)
            continue
        rendered += 1
    return rendered


def live_pages():
    """Every live page below the tree's root, the sites' root pages first."""
    return Page.objects.live().filter(depth__gte=2).order_by("path").specific()


def render_live_pages():
    """Render every live page with an address once; (pages rendered, pages failed,
    seconds taken)."""
    started = time.monotonic()
    pages = [page for page in live_pages() if page.get_url_parts() is not None]
    rendered = render_pages(pages)
    return rendered, len(pages) - rendered, time.monotonic() - started


def pages_showing(page):
    """The published page and the live pages above it (nearest first), which list it."""
    ancestors = page.get_ancestors().live().filter(depth__gte=2).order_by("-depth").specific()
    return [page, *ancestors]


@task()
def prepare_renditions(page_id):
    """Make the renditions of a page just published (and of the pages above it, which show
    it as a card); how many pages were rendered."""
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if page is None:  # unpublished or deleted in the meantime
        return 0
    return render_pages(pages_showing(page))


def enqueue(page_id):
    try:
        prepare_renditions.enqueue(page_id)
    except Exception:
        logger.exception("Renditions of page %s not queued", page_id)


def queue_after_publish(sender, instance, **kwargs):
    """page_published: queue `prepare_renditions` once the transaction commits."""
    if _suspended.get():
        return
    page_id = instance.pk
    transaction.on_commit(lambda: enqueue(page_id))


@contextlib.contextmanager
def suspended():
    """Publish without queueing renditions (for a command that renders all pages itself)."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def connect_signals():
    """Called from the core's AppConfig.ready()."""
    from wagtail.signals import page_published

    page_published.connect(queue_after_publish, dispatch_uid="renditions-after-publish")
