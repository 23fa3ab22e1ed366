"""Delete the personal data of registrations whose event ended more than
REGISTRATION_RETENTION_DAYS ago (the counts stay), or of one person on request."""

from django.core.management.base import BaseCommand

from events.retention import erase_person, purge_due


class Command(BaseCommand):
    help = "Deletes personal data of old registrations (retention rule) or of one person."

    def add_arguments(self, parser):
        parser.add_argument("--email", help="Erase this person from every registration.")
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Also queue the daily task that repeats the purge (database task backend).",
        )

    def handle(self, *args, email=None, schedule=False, **options):
        if email:
            count = erase_person(email)
            self.stdout.write(f"{count} registration(s) of that person anonymised.")
            return
        count = purge_due()
        self.stdout.write(f"{count} registration(s) anonymised under the retention rule.")
        if schedule:
            from events.tasks import purge_registrations_daily

            purge_registrations_daily.enqueue()
            self.stdout.write("Daily purge queued.")
