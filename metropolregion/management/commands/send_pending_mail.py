"""Send the mails still waiting in every outbox (metropolregion.outbox: registration
mails, feedback reports, …), e.g. after the mail server was down. Safe to run at any time
and from cron; several runs never send a mail twice. The scheduler runs it hourly."""

from django.core.management.base import BaseCommand

from metropolregion import outbox


class Command(BaseCommand):
    help = "Sends the mails that are still waiting in the outbox."

    def handle(self, *args, **options):
        sent = outbox.send_pending()
        left = outbox.pending_count()
        self.stdout.write(f"{sent} mail(s) sent, {left} still waiting.")
