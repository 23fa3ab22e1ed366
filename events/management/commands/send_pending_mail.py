"""Send the registration mails still waiting in the outbox (e.g. after the mail server
was down). Safe to run at any time and from cron; several runs never send a mail twice."""

from django.core.management.base import BaseCommand

from events.mail import send_pending
from events.models import Notification, NotificationStatus


class Command(BaseCommand):
    help = "Sends the registration mails that are still waiting in the outbox."

    def handle(self, *args, **options):
        sent = send_pending()
        left = Notification.objects.filter(status=NotificationStatus.PENDING).count()
        self.stdout.write(f"{sent} mail(s) sent, {left} still waiting.")
