"""Write the dates of every recurring event again (events.recurrence.extend_all): a series
without an end keeps RECURRENCE_HORIZON_DAYS of dates ahead. Daily from the scheduler;
safe to run by hand at any time (dates are matched by their original start, so
registrations keep their date)."""

from django.core.management.base import BaseCommand

from events import recurrence


class Command(BaseCommand):
    help = "Writes the dates of recurring events up to the horizon (daily job)."

    def handle(self, *args, **options):
        count = recurrence.extend_all()
        self.stdout.write(f"{count} series brought up to date")
