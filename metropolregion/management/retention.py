"""The shape every retention command shares (purge_registrations, purge_feedback): purge
what the rule says is due, or erase one person on request; optionally queue the daily
task that repeats the purge."""

from django.core.management.base import BaseCommand


class RetentionCommand(BaseCommand):
    """Subclasses set `records` (plural noun for the output) and implement the three hooks."""

    records = "records"

    def purge_due(self):
        raise NotImplementedError

    def erase_person(self, email):
        raise NotImplementedError

    def daily_task(self):
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument(
            "--email", help=f"Erase this person from every one of the {self.records}."
        )
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Also queue the daily task that repeats the purge (database task backend).",
        )

    def handle(self, *args, email=None, schedule=False, **options):
        if email:
            count = self.erase_person(email)
            self.stdout.write(f"{count} of the {self.records} of that person anonymised.")
            return
        count = self.purge_due()
        self.stdout.write(f"{count} of the {self.records} anonymised under the retention rule.")
        if schedule:
            self.daily_task().enqueue()
            self.stdout.write("Daily purge queued.")
