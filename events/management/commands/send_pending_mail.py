"""Send the registration mails still waiting in the outbox, and the mails of feedback
reports still waiting (e.g. after the mail server was down). Safe to run at any time and
from cron; several runs never send a mail twice."""

from django.core.management.base import BaseCommand

from events.mail import send_pending
from events.models import Notification, NotificationStatus
from metropolregion import feedback
from metropolregion.models import FeedbackSubmission, MailStatus


class Command(BaseCommand):
    help = "Sends the registration and feedback mails that are still waiting."

    def handle(self, *args, **options):
        sent = send_pending() + feedback.send_pending()
        left = (
            Notification.objects.filter(status=NotificationStatus.PENDING).count()
            + FeedbackSubmission.objects.filter(mail_status=MailStatus.PENDING).count()
        )
        self.stdout.write(f"{sent} mail(s) sent, {left} still waiting.")
