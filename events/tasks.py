"""Background tasks of the events app (django-tasks): sending registration mails."""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from . import mail


@task()
def send_notification(notification_id):
    """Send one mail from the outbox; on failure try again later, with growing pauses
    (1, 2, 4 … minutes), where the task backend can defer (the database backend can)."""
    sent = mail.send(notification_id)
    if sent is False:
        retry_later(notification_id)
    return sent


def retry_later(notification_id):
    from .models import Notification

    attempts = Notification.objects.filter(pk=notification_id).values_list("attempts", flat=True)
    attempts = next(iter(attempts), 0)
    backend = send_notification.get_backend()
    if attempts >= settings.REGISTRATION_MAIL_ATTEMPTS or not backend.supports_defer:
        return  # left in the outbox: `send_pending_mail` sends it when the server is back
    pause = datetime.timedelta(minutes=2 ** (attempts - 1))
    # The queue runs on wall-clock time, not on the calendar's (testable) clock.
    send_notification.using(run_after=timezone.now() + pause).enqueue(notification_id)


@task()
def purge_registrations_daily():
    """Delete personal data that has had its time, then run again in a day (started once
    by `manage.py purge_registrations --schedule`; the database backend keeps it)."""
    from .retention import purge_due

    count = purge_due()
    if purge_registrations_daily.get_backend().supports_defer:
        purge_registrations_daily.using(
            run_after=timezone.now() + datetime.timedelta(days=1)
        ).enqueue()
    return count
