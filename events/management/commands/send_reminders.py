"""Queue the reminder mails that are due (events.reminders): confirmed participants hear
from us `reminder_days` days before their event or date. Safe to run at any time and
as often as you like: each reminder is queued and sent once. The scheduler runs it
hourly; the outbox sends the mails after the commit."""

from django.core.management.base import BaseCommand

from events import reminders


class Command(BaseCommand):
    help = "Queues the reminder mails that are due."

    def handle(self, *args, **options):
        count = reminders.queue_due()
        self.stdout.write(f"{count} reminder(s) queued.")
