"""How each long-running process tells an orchestrator it is alive and can work.

- Web: /healthz/ (views.healthz) answers as long as the process serves requests and
  touches nothing else: the liveness probe. /readyz/ runs `readiness()`: the database,
  both caches and the media storage, each in its own thread with a time limit
  (READYZ_TIMEOUT): the readiness probe, which takes an app server out of rotation while
  it cannot serve pages.
- Scheduler: `manage.py run_scheduler` rewrites a heartbeat file every
  SCHEDULER_HEARTBEAT_SECONDS from a job of its own clock (`add_heartbeat`); the file's
  age tells whether the clock still runs (`scheduler_status`).
- Task worker: db_worker (django-tasks-db) keeps no heartbeat, so the queue is judged
  instead (`worker_status`): a task that is due and has waited longer than
  WORKER_MAX_QUEUE_WAIT means no worker takes tasks.

`manage.py healthcheck web|worker|scheduler` turns each into an exit code.
"""

import logging
import os
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

logger = logging.getLogger(__name__)

CACHE_ALIASES = ("default", "pages")
LOG_EVERY_SECONDS = 60


class CheckFailed(Exception):
    """A check that got an answer, but the wrong one (the reason is safe to show)."""


# ----------------------------------------------------------------------------------------
# Readiness of the web process
# ----------------------------------------------------------------------------------------


def check_database():
    """A new connection (the settings' database, never the request's) and `SELECT 1`.
    A fresh connection per check: it proves that the server accepts connections now."""
    connection = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        connection.close()


def check_cache(alias):
    """Set a random value and read it back. The Redis backend turns an unreachable server
    into a miss (metropolregion.cache_backends), so an error never comes: the value not
    coming back is what shows the cache is gone."""
    cache = caches[alias]
    key = f"readyz:{secrets.token_hex(8)}"
    value = secrets.token_hex(8)
    try:
        cache.set(key, value, timeout=30)
        if cache.get(key) != value:
            raise CheckFailed("value not read back")
    finally:
        cache.delete(key)
        cache.close()


def check_storage():
    """The media storage answers: for files on disk, MEDIA_ROOT is a writable folder; for
    object storage (django-storages, S3 API), the bucket answers a lookup."""
    storage = default_storage
    if isinstance(storage, FileSystemStorage):
        location = storage.location
        if not os.path.isdir(location):
            raise CheckFailed("media folder missing")
        if not os.access(location, os.W_OK):
            raise CheckFailed("media folder not writable")
    storage.exists("readyz")


def checks():
    """The readiness checks by name, in the order of the report."""
    named = {"database": check_database}
    for alias in CACHE_ALIASES:
        named[f"cache.{alias}"] = lambda alias=alias: check_cache(alias)
    named["storage"] = check_storage
    return named


@dataclass
class Result:
    name: str
    ok: bool
    ms: float
    reason: str = ""

    def as_json(self):
        data = {"ok": self.ok, "ms": round(self.ms, 1)}
        if self.reason:
            data["reason"] = self.reason
        return data


@dataclass
class Readiness:
    results: list

    @property
    def ok(self):
        return all(result.ok for result in self.results)

    @property
    def failing(self):
        return [result.name for result in self.results if not result.ok]

    def as_json(self):
        data = {
            "status": "ok" if self.ok else "unavailable",
            "checks": {result.name: result.as_json() for result in self.results},
        }
        if not self.ok:
            data["failing"] = self.failing
        return data


_executor = None
_executor_lock = threading.Lock()
_last_logged = {}


def _pool():
    """Threads shared by the requests of one process (made after gunicorn's fork). A check
    that hangs keeps its thread until it returns; the next checks then wait behind it and
    time out, which is the truth: that dependency does not answer."""
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=8, thread_name_prefix="readyz")
        return _executor


def _timed(check):
    started = time.monotonic()
    try:
        check()
    except CheckFailed as exc:
        return False, time.monotonic() - started, str(exc), None
    except Exception as exc:
        # The class only: messages may carry host names, paths or keys.
        return False, time.monotonic() - started, f"error ({type(exc).__name__})", exc
    return True, time.monotonic() - started, "", None


def _log(name, reason, exc):
    now = time.monotonic()
    if now - _last_logged.get(name, -LOG_EVERY_SECONDS) >= LOG_EVERY_SECONDS:
        _last_logged[name] = now
        logger.warning("Readiness check %s failed: %s", name, reason, exc_info=exc)


def readiness(timeout=None):
    """Run every check at once; each fails on an error, a wrong answer or no answer within
    `timeout` seconds (READYZ_TIMEOUT). Never raises."""
    timeout = settings.READYZ_TIMEOUT if timeout is None else timeout
    named = checks()
    started = time.monotonic()
    try:
        futures = {name: _pool().submit(_timed, check) for name, check in named.items()}
    except RuntimeError:  # the interpreter is shutting down: not ready, certainly
        return Readiness([Result(name, False, 0.0, "not run") for name in named])
    wait_for(futures.values(), timeout=timeout)
    results = []
    for name, future in futures.items():
        if future.done():
            ok, seconds, reason, exc = future.result()
        else:
            future.cancel()
            ok, seconds, reason, exc = False, time.monotonic() - started, "timed out", None
        if not ok:
            _log(name, reason, exc)
        results.append(Result(name, ok, seconds * 1000, reason))
    return Readiness(results)


# ----------------------------------------------------------------------------------------
# The scheduler's heartbeat
# ----------------------------------------------------------------------------------------


def heartbeat_file():
    return Path(settings.SCHEDULER_HEARTBEAT_FILE)


def beat(path=None):
    """Write the time of now into the heartbeat file (a new file moved into place, so that
    a reader never sees half of one). A file that cannot be written is logged; the jobs go
    on, and the health check reports the missing heartbeat."""
    path = Path(path) if path else heartbeat_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(f"{time.time():.3f} {os.getpid()}\n")
        os.replace(partial, path)
    except OSError:
        logger.exception("Scheduler: heartbeat file %s not written", path)
        return False
    return True


def add_heartbeat(clock):
    """Beat from the scheduler's own clock: the beats stop when its loop stops."""
    from apscheduler.triggers.interval import IntervalTrigger

    seconds = settings.SCHEDULER_HEARTBEAT_SECONDS
    clock.add_job(
        beat,
        IntervalTrigger(seconds=seconds, timezone=settings.TIME_ZONE),
        id="heartbeat",
        name="Lebenszeichen",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=seconds,
    )


def scheduler_status(path=None, max_age=None):
    """(healthy, reason): the heartbeat is at most `max_age` seconds old (three beats)."""
    path = Path(path) if path else heartbeat_file()
    max_age = max_age if max_age is not None else 3 * settings.SCHEDULER_HEARTBEAT_SECONDS
    try:
        stamp = float(path.read_text().split()[0])
    except FileNotFoundError:
        return False, f"no heartbeat at {path}"
    except (OSError, ValueError, IndexError):
        return False, f"unreadable heartbeat at {path}"
    age = time.time() - stamp
    if age > max_age:
        return False, f"last heartbeat {age:.0f} s ago (limit {max_age} s)"
    return True, f"last heartbeat {max(age, 0):.0f} s ago"


# ----------------------------------------------------------------------------------------
# The task queue
# ----------------------------------------------------------------------------------------


def oldest_wait(queue_names=("default",), backend="default", now=None):
    """Seconds the longest-waiting due task of these queues has waited, or None. A task
    without a start time waits from when it was enqueued, one with a start time from then."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = now or timezone.now()
    due = DBTaskResult.objects.ready().filter(backend_name=backend)
    if "*" not in queue_names:
        due = due.filter(queue_name__in=queue_names)
    unscheduled = (
        due.filter(run_after=get_date_max())
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    scheduled = (
        due.exclude(run_after=get_date_max())
        .order_by("run_after")
        .values_list("run_after", flat=True)
        .first()
    )
    waiting_since = [moment for moment in (unscheduled, scheduled) if moment is not None]
    if not waiting_since:
        return None
    return max((now - min(waiting_since)).total_seconds(), 0.0)


def worker_status(max_wait=None, queue_names=("default",), backend="default"):
    """(healthy, reason): the database answers and no due task waited over `max_wait`."""
    max_wait = max_wait if max_wait is not None else settings.WORKER_MAX_QUEUE_WAIT
    try:
        waited = oldest_wait(queue_names, backend)
    except Exception as exc:
        return False, f"task queue unreadable ({type(exc).__name__})"
    if waited is None:
        return True, "no task waiting"
    if waited > max_wait:
        return False, f"a due task has waited {waited:.0f} s (limit {max_wait} s)"
    return True, f"oldest due task waiting {waited:.0f} s"
