"""The site's clock: "now", and "today" in Europe/Berlin, the region's time zone. The
calendar, the news dates and the daily testimonial rotation all ask it, so tests freeze
time in one place: they patch `now` (the `frozen` fixture in tests/events/conftest.py).
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

BERLIN = ZoneInfo("Europe/Berlin")


def now() -> datetime.datetime:
    """The current instant, time-zone aware."""
    return timezone.now()


def today(at=None) -> datetime.date:
    """The calendar day in Berlin at the instant `at` (default: now)."""
    return local_date(at or now())


def local_date(moment) -> datetime.date:
    """The calendar day in Berlin of an aware instant."""
    return moment.astimezone(BERLIN).date()
