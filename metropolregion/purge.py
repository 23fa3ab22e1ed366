"""Purges of the HTTP cache in front (Varnish, or a CDN) through Wagtail's frontend cache
(`wagtail.contrib.frontend_cache`, configured in settings/frontend_cache.py).

The page cache's signal handlers (metropolregion/cache.py) report every change that shows
to `record()`, with the URLs it affects (metropolregion/dependencies.py). The URLs of one
transaction are collected and sent once, after it commits: a cache asked to drop a page
before the change is committed could fetch the old page again at once. They go out as
one `PurgeBatch`, so Wagtail's task `purge_urls_from_cache_task` sends them: in the
request right after the commit with TASK_BACKEND=immediate, from the worker (`db_worker`)
with the database backend. A cache that does not answer is logged (by Wagtail's backend, or
here), never an error for the editor or the visitor whose change it was.

Wagtail's own handlers, which purge a page as soon as it is published (inside the
transaction), are left out: `FrontendCacheConfig` stands in for Wagtail's app config.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils.encoding import iri_to_uri
from wagtail.contrib.frontend_cache.apps import WagtailFrontendCacheAppConfig

logger = logging.getLogger(__name__)


class FrontendCacheConfig(WagtailFrontendCacheAppConfig):
    """wagtail.contrib.frontend_cache without its signal handlers: the portal purges
    after the commit, and more than the page itself (see the module docstring)."""

    def ready(self):
        pass


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def record(affected):
    """Purge what `affected` (a callable returning a dependencies.Affected, called only
    when a frontend cache is configured) names once the current transaction commits."""
    if not enabled():
        return
    connection = transaction.get_connection()
    batch = _open_batch(connection)
    if batch is not None and batch.affected.everything:
        return  # nothing to add to "everything"
    try:
        found = affected()
    except Exception:
        # Unknown what the change affects: drop everything rather than serve stale pages.
        logger.exception("Could not tell what a change affects; purging everything")
        from .dependencies import everything

        found = everything()
    if batch is not None:
        batch.affected.add(found)
    elif connection.in_atomic_block:
        transaction.on_commit(Batch(found).flush)
    else:
        Batch(found).flush()


class Batch:
    """The URLs of one transaction, sent when it commits."""

    def __init__(self, affected):
        self.affected = affected
        self.sent = False

    def flush(self):
        self.sent = True
        try:
            send(sorted(iri_to_uri(url) for url in self.affected.purge_urls()))
        except Exception:
            logger.exception("The HTTP cache could not be purged")


def _open_batch(connection):
    """The batch this transaction already has, if any: its flush waits among the
    transaction's on-commit callbacks (a rollback discards it, and its URLs with it)."""
    if not connection.in_atomic_block:
        return None
    for _savepoints, callback, _robust in reversed(connection.run_on_commit):
        batch = getattr(callback, "__self__", None)
        if isinstance(batch, Batch) and not batch.sent:
            return batch
    return None


def send(urls):
    """Hands the URLs to Wagtail's frontend cache (its PurgeBatch and backends)."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    if urls:
        logger.debug("Purging %d URL(s) from the HTTP cache", len(urls))
        PurgeBatch(urls).purge()
