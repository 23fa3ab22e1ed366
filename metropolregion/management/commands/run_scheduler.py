"""Run the portal's clock (metropolregion/scheduler.py): scheduled publishing every minute,
the daily purges, the mail outbox sweep. One process, started next to the web server and
the task worker (`make run`, Docker: `python manage.py run_scheduler`)."""

import signal
import threading

from django.core.management.base import BaseCommand

from metropolregion import health, scheduler


def stop_handler(clock):
    """SIGTERM stops the scheduler whenever it arrives. While the clock runs it shuts down
    (the job in hand finishes). Before `clock.start()` (during the first run of
    publish_scheduled) the job in hand finishes too, and the clock then stops as it starts
    (`stop_on_start`). No exception is raised into the job: one raised from a signal handler
    can land anywhere (a library that catches it, a half-done publication) and the clock
    would then start and run on after `terminate()`."""
    requested = threading.Event()

    def stop(*_):
        requested.set()
        if clock.running:
            clock.shutdown(wait=False)

    def stop_on_start(event):
        if requested.is_set():
            clock.shutdown(wait=False)

    from apscheduler.events import EVENT_SCHEDULER_STARTED

    clock.add_listener(stop_on_start, EVENT_SCHEDULER_STARTED)
    stop.requested = requested
    return stop


class Command(BaseCommand):
    help = "Runs scheduled publishing and the daily purges on their schedule (APScheduler)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run every job once now and stop (for checks)."
        )

    def handle(self, *args, once=False, **options):
        if once:
            for job in scheduler.jobs():
                scheduler.run_job(job, stdout=self.stdout)
            return
        clock = scheduler.build_scheduler()
        # Liveness for `manage.py healthcheck scheduler`: a heartbeat file, written now
        # and then by the clock itself (metropolregion/health.py).
        health.beat()
        health.add_heartbeat(clock)
        signal.signal(signal.SIGTERM, stop_handler(clock))
        for job in clock.get_jobs():
            self.stdout.write(f"  {job.name}: {job.trigger}")
        self.stdout.write("Scheduler läuft (Strg+C beendet).")
        try:
            # Publish what is due right away, then on the schedule.
            scheduler.run_job(next(j for j in scheduler.jobs() if j.command == "publish_scheduled"))
            clock.start()
        except KeyboardInterrupt:
            pass
