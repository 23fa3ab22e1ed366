"""Delete the records of failed log-ins once they no longer lock anyone out.

django-axes keeps a record per user name and address (with the browser's user agent) of
failed log-ins. It deletes expired records itself, but only when someone logs in; this
command does it regardless (safe to run daily from cron). Records younger than the cool-off
(AXES_COOLOFF_TIME) are kept: they are what a current lock-out rests on.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


def purge_login_attempts(now=None):
    """Delete failure records older than the cool-off, and any access logs (none are
    written while AXES_DISABLE_ACCESS_LOG is on). Returns the number of rows deleted."""
    threshold = (now or timezone.now()) - settings.AXES_COOLOFF_TIME
    deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=threshold).delete()
    for model in (AccessLog, AccessFailureLog):
        count, _ = model.objects.filter(attempt_time__lt=threshold).delete()
        deleted += count
    return deleted


class Command(BaseCommand):
    help = "Delete records of failed log-ins older than the lock-out's cool-off."

    def handle(self, *args, **options):
        deleted = purge_login_attempts()
        self.stdout.write(f"{deleted} record(s) of log-ins deleted.")
