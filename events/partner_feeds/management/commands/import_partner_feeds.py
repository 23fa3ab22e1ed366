"""Import every active partner feed (hourly from the scheduler, metropolregion/scheduler.py)."""

from django.core.management.base import BaseCommand

from events.partner_feeds import importer
from events.partner_feeds.models import ImportRun, PartnerFeed


class Command(BaseCommand):
    help = "Imports the events of every active partner calendar (ICS feed); --feed for one."

    def add_arguments(self, parser):
        parser.add_argument("--feed", type=int, help="Only the feed with this id (also inactive).")

    def handle(self, *args, feed=None, **options):
        feeds = (
            PartnerFeed.objects.filter(pk=feed) if feed else PartnerFeed.objects.filter(active=True)
        )
        for partner_feed in feeds:
            run = importer.import_feed(partner_feed)
            style = (
                self.style.WARNING
                if run.outcome == ImportRun.Outcome.FAILED
                else self.style.SUCCESS
            )
            self.stdout.write(style(f"{partner_feed.name}: {run.summary}"))
        if not feeds:
            self.stdout.write("Keine aktiven Partnerkalender.")
