"""Background tasks of the events app (django-tasks): sending registration mails."""

from django_tasks import task

from metropolregion.queue import repeat_daily, retry_later

from . import mail


@task()
def send_notification(notification_id):
    """Send one mail from the outbox; on failure try again later, with growing pauses
    (metropolregion.queue.retry_later)."""
    from .models import Notification

    sent = mail.send(notification_id)
    if sent is False:
        attempts = Notification.objects.filter(pk=notification_id).values_list(
            "attempts", flat=True
        )
        retry_later(send_notification, next(iter(attempts), 0), notification_id)
    return sent


@task()
def purge_registrations_daily():
    """Delete personal data that has had its time, then run again in a day (started once
    by `manage.py purge_registrations --schedule`; the database backend keeps it)."""
    from .retention import purge_due

    count = purge_due()
    repeat_daily(purge_registrations_daily)
    return count
