"""Background tasks of the core app (django-tasks): the mails of the feedback form and the
daily purge of its personal data."""

from django_tasks import task

from . import feedback
from .queue import repeat_daily, retry_later


@task()
def send_feedback_mail(submission_id):
    """Send the mail of one feedback report; on failure try again later, with growing
    pauses (metropolregion.queue.retry_later)."""
    from .models import FeedbackSubmission

    sent = feedback.send(submission_id)
    if sent is False:
        attempts = FeedbackSubmission.objects.filter(pk=submission_id).values_list(
            "mail_attempts", flat=True
        )
        retry_later(send_feedback_mail, next(iter(attempts), 0), submission_id)
    return sent


@task()
def purge_feedback_daily():
    """Delete the personal data of old feedback reports, then run again in a day (started
    once by `manage.py purge_feedback --schedule`)."""
    count = feedback.purge_due()
    repeat_daily(purge_feedback_daily)
    return count
