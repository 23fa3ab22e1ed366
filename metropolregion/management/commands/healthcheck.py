"""`python manage.py healthcheck web|worker|scheduler`: exit 0 when the process is healthy,
1 when not, and one line saying why (metropolregion/healthcheck.py, which containers call
as `python -m metropolregion.healthcheck …` to skip loading the apps)."""

import sys

from django.core.management.base import BaseCommand

from metropolregion import healthcheck


class Command(BaseCommand):
    help = "Checks one process (web, worker or scheduler): exit 0 healthy, 1 unhealthy."
    # No system checks first: a health check should be quick.
    requires_system_checks = []

    def add_arguments(self, parser):
        healthcheck.add_arguments(parser)

    def handle(self, *args, process, **options):
        known = ("url", "timeout", "max_wait", "queue_name", "max_age", "heartbeat")
        healthy, line = healthcheck.check(
            process, setup=False, **{key: options[key] for key in known}
        )
        self.stdout.write(line)
        if not healthy:
            sys.exit(1)
