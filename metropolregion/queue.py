"""Scheduling rules shared by the background tasks (django-tasks) of every app."""

import datetime

from django.conf import settings
from django.utils import timezone


def retry_later(task, attempts, *args):
    """Queue `task(*args)` again after 1, 2, 4 … minutes (by `attempts` so far), until
    REGISTRATION_MAIL_ATTEMPTS are used up, where the backend can defer (the database one
    can). Otherwise the row stays pending for `send_pending_mail`. Wall-clock time: the
    queue does not run on the calendar's testable clock."""
    if attempts >= settings.REGISTRATION_MAIL_ATTEMPTS or not task.get_backend().supports_defer:
        return False
    pause = datetime.timedelta(minutes=2 ** max(attempts - 1, 0))
    task.using(run_after=timezone.now() + pause).enqueue(*args)
    return True


def repeat_daily(task):
    """Queue `task` to run again in a day (where the backend can defer)."""
    if task.get_backend().supports_defer:
        task.using(run_after=timezone.now() + datetime.timedelta(days=1)).enqueue()
