"""Background tasks of the core app (django-tasks): the mails of the feedback form and the
daily purge of its personal data."""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from . import feedback


@task()
def send_feedback_mail(submission_id):
    """Send the mail of one feedback report; on failure try again later, with growing
    pauses (1, 2, 4 … minutes), where the task backend can defer (the database one can)."""
    sent = feedback.send(submission_id)
    if sent is False:
        retry_later(submission_id)
    return sent


def retry_later(submission_id):
    from .models import FeedbackSubmission

    attempts = FeedbackSubmission.objects.filter(pk=submission_id).values_list(
        "mail_attempts", flat=True
    )
    attempts = next(iter(attempts), 0)
    backend = send_feedback_mail.get_backend()
    if attempts >= settings.REGISTRATION_MAIL_ATTEMPTS or not backend.supports_defer:
        return  # stays pending: `send_pending_mail` sends it when the server is back
    pause = datetime.timedelta(minutes=2 ** (attempts - 1))
    send_feedback_mail.using(run_after=timezone.now() + pause).enqueue(submission_id)


@task()
def purge_feedback_daily():
    """Delete the personal data of old feedback reports, then run again in a day (started
    once by `manage.py purge_feedback --schedule`)."""
    count = feedback.purge_due()
    if purge_feedback_daily.get_backend().supports_defer:
        purge_feedback_daily.using(run_after=timezone.now() + datetime.timedelta(days=1)).enqueue()
    return count
