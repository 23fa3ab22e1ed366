"""Run the portal's clock (metropolregion/scheduler.py): scheduled publishing every minute,
the daily purges, the mail outbox sweep. One process, started next to the web server and
the task worker (`make run`, Docker: `python manage.py run_scheduler`)."""

import signal

from django.core.management.base import BaseCommand

from metropolregion import health, scheduler


def stop_handler(clock):
    """SIGTERM stops the scheduler whenever it arrives. Before `clock.start()` (during the
    first run of publish_scheduled) there is no loop to shut down: the process exits at
    once. SystemExit, not an exception: run_job logs and swallows exceptions, and the
    clock would then start and run on after `terminate()`."""

    def stop(*_):
        if clock.running:
            clock.shutdown(wait=False)
        else:
            raise SystemExit(0)

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
