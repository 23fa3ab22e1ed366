"""Demo content of the partner calendars (events.partner_feeds): two partners' ICS feeds
shipped as files (demo/data/partner_feeds/), registered as feeds and imported from the
files through the same importer, without network.

The files' dates are written for the weeks from Monday 5 January 2026 on; they are moved
by whole weeks (weekdays and the series' BYDAY stay right) so that the first lies about
two weeks after the day the demo is loaded. The feeds are registered as inactive ("not
every hour"): their addresses are examples (example.org names), so the scheduler of
`make run` has nothing to fetch; "Jetzt importieren" on them shows in the import log how
an unreachable feed is reported, and changes nothing.
"""

import datetime
import re
from pathlib import Path

from events.partner_feeds import importer
from events.partner_feeds.models import PartnerFeed
from metropolregion import clock
from projects.models import WorkingGroupPage

FILES = Path(__file__).parent / "data" / "partner_feeds"
REFERENCE_MONDAY = datetime.date(2026, 1, 5)
DATE_LINE = re.compile(r"^(DTSTART|DTEND|EXDATE|RDATE|RECURRENCE-ID|RRULE)([;:].*)$", re.M)
DAY = re.compile(r"(\d{8})(?=T\d{6}|[,;\s]|$)")

FEEDS = [
    {
        "file": "stadt-zwickau.ics",
        "name": "Stadt Zwickau (Beispiel)",
        "url": "https://kalender.zwickau.example/veranstaltungen.ics",
        "organiser_name": "Stadt Zwickau",
        "organiser_url": "https://www.zwickau.example/",
        "default_topics": "Fachkräfte, Strukturwandel",
        "group": "fachkraefte-und-bildung",
        "needs_approval": False,
    },
    {
        "file": "hochschule-merseburg.ics",
        "name": "Hochschule Merseburg (Beispiel)",
        "url": "https://www.hs-merseburg.example/termine.ics",
        "organiser_name": "Hochschule Merseburg",
        "organiser_url": "https://www.hs-merseburg.example/",
        "default_topics": "Wasserstoff, Forschung",
        "group": "wasserstoff-und-energie",
        "needs_approval": False,
    },
]


def shift_weeks(today):
    """Whole weeks from the files' reference Monday to the Monday after next."""
    target = today + datetime.timedelta(days=14 - today.weekday())
    return (target - REFERENCE_MONDAY).days // 7


def moved(text, weeks):
    """The ICS text with every date of its date lines `weeks` later."""

    def move_day(match):
        day = datetime.datetime.strptime(match.group(1), "%Y%m%d").date()
        return (day + datetime.timedelta(weeks=weeks)).strftime("%Y%m%d")

    def move_line(match):
        return match.group(1) + DAY.sub(move_day, match.group(2))

    return DATE_LINE.sub(move_line, text)


def create(stdout, home_page):
    weeks = shift_weeks(clock.today())
    feeds = []
    for entry in FEEDS:
        values = {k: v for k, v in entry.items() if k not in ("file", "url", "group")}
        values["working_group"] = WorkingGroupPage.objects.filter(slug=entry["group"]).first()
        values["active"] = False
        feed, _created = PartnerFeed.objects.update_or_create(url=entry["url"], defaults=values)
        text = moved((FILES / entry["file"]).read_text(encoding="utf-8"), weeks)
        run = importer.import_text(feed, text)
        stdout.write(f"• Partnerkalender „{feed.name}“: {run.summary}")
        feeds.append(feed)
    return feeds, []
