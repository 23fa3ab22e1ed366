"""What runs on a clock: scheduled publishing every minute, the daily purge of personal
data (every holder of metropolregion.retention), the hourly sweep of the mail outbox and
the hourly reminders before events (`send_reminders`).
`manage.py run_scheduler` runs this table with APScheduler (a kept library, in place of
a hand-written loop); the jobs are the same management commands an operator can run by
hand.

One scheduler process per installation is enough (`make run` and the Docker image start
one); should two run, a job that is still running elsewhere is skipped (a PostgreSQL
advisory lock per job), so nothing runs twice at the same moment.
"""

import logging
import zlib
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections, connection

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    command: str
    # Either every `seconds`, or a daily/hourly cron time in Europe/Berlin.
    seconds: int | None = None
    hour: str | None = None
    minute: str = "0"


def jobs():
    """The schedule. Publishing runs every PUBLISH_SCHEDULED_SECONDS (60): a page scheduled
    for 10:00 is live by 10:01 at the latest."""
    return [
        Job(
            "Geplante Seiten veröffentlichen",
            "publish_scheduled",
            seconds=settings.PUBLISH_SCHEDULED_SECONDS,
        ),
        Job("Wartende Mails senden", "send_pending_mail", hour="*", minute="7"),
        Job("Partnerkalender importieren", "import_partner_feeds", hour="*", minute="23"),
        Job("Erinnerungen an Termine senden", "send_reminders", hour="*", minute="20"),
        Job(
            "Personenbezogene Daten nach Frist löschen",
            "purge_personal_data",
            hour="3",
            minute="15",
        ),
        Job("Abgelaufene Sitzungen löschen", "clearsessions", hour="3", minute="30"),
        Job("Termine von Serien fortschreiben", "extend_series", hour="4", minute="5"),
    ]


@contextmanager
def exclusive(name):
    """True inside if this process may run the job now (PostgreSQL: nobody else holds its
    advisory lock; other databases: always)."""
    if connection.vendor != "postgresql":
        yield True
        return
    key = zlib.crc32(f"metropolregion-scheduler:{name}".encode())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def run_job(job, stdout=None):
    """Run one job; a failure is logged and the schedule goes on."""
    close_old_connections()
    try:
        with exclusive(job.command) as mine:
            if not mine:
                logger.info("Scheduler: %s still runs elsewhere; skipped", job.command)
                return False
            options = {"stdout": stdout} if stdout is not None else {}
            if job.command == "publish_scheduled":
                options["verbosity"] = 0
            call_command(job.command, **options)
            return True
    except Exception:
        logger.exception("Scheduler: %s failed", job.command)
        return False
    finally:
        close_old_connections()


def build_scheduler(scheduler_class=None):
    """An APScheduler scheduler with every job of `jobs()` in Europe/Berlin."""
    from apscheduler.schedulers.blocking import BlockingScheduler
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

    scheduler = (scheduler_class or BlockingScheduler)(timezone=settings.TIME_ZONE)
    for job in jobs():
        if job.seconds:
            trigger = IntervalTrigger(seconds=job.seconds, timezone=settings.TIME_ZONE)
        else:
            trigger = CronTrigger(hour=job.hour, minute=job.minute, timezone=settings.TIME_ZONE)
        scheduler.add_job(
            run_job,
            trigger,
            args=[job],
            id=job.command,
            name=job.name,
            max_instances=1,
            coalesce=True,  # after a pause, run once, not once per missed slot
            misfire_grace_time=max(job.seconds or 0, 300),
        )
    return scheduler
