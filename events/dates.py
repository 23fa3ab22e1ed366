"""Time in the calendar: which events are upcoming, which days an event covers, and how
its date reads: "Di., 24. Juni 2025, 10:00-16:30 Uhr" in German, "Tue, 24 June 2025,
10:00-16:30 CEST" in English (times in Berlin with the zone). "Now" and "today" come
from the site's clock, `metropolregion.clock`.

Start and end of an event are aware datetimes. An all-day event is stored from midnight
(Berlin) of its first day to midnight of its last day: its end *date* is inclusive, as
editors enter it. Plain functions, tested without HTTP; tests move the clock by patching
`metropolregion.clock.now`.
"""

import datetime

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from metropolregion import clock
from metropolregion.clock import BERLIN, local_date

ONE_DAY = datetime.timedelta(days=1)


def midnight(day):
    """00:00 in Berlin on `day`, as an aware datetime (correct on days of a DST change)."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=BERLIN)


def upcoming_condition(at=None, end="end"):
    """A filter for events that have not ended at `at`: timed events whose end lies ahead,
    all-day events whose last day is today or later (in Berlin). `end`: the field (or
    annotation) that holds the end."""
    at = at or clock.now()
    return Q(**{f"{end}__gt": at}) | Q(all_day=True, **{f"{end}__gte": midnight(clock.today(at))})


def overlapping_condition(first_day, last_day, start="start", end="end"):
    """A filter for events that may touch the days `first_day`..`last_day` (inclusive);
    `days_covered` decides exactly."""
    return Q(**{f"{start}__lt": midnight(last_day + ONE_DAY), f"{end}__gte": midnight(first_day)})


def first_and_last_day(start, end, all_day):
    """The first and last calendar day (Berlin) an event covers. A timed event that ends
    at midnight does not cover the day that begins then."""
    first, last = local_date(start), local_date(end)
    if not all_day and end > start and end == midnight(last):
        last -= ONE_DAY
    return first, max(first, last)


def days_covered(start, end, all_day):
    first, last = first_and_last_day(start, end, all_day)
    return [first + ONE_DAY * n for n in range((last - first).days + 1)]


def normalise_all_day(start, end):
    """Start and end of an all-day event: midnight of its first and of its last day."""
    return midnight(local_date(start)), midnight(local_date(end))


# -- how dates read (the formats per language: metropolregion/formats/) --


def format_day(day, with_year=True):
    """ "Di., 24. Juni 2025" (German) / "Tue, 24 June 2025" (English)."""
    return date_format(day, "WEEKDAY_DATE_FORMAT" if with_year else "WEEKDAY_MONTH_DAY_FORMAT")


def format_time(moment):
    """The clock time in Berlin: "10:00"."""
    return date_format(moment.astimezone(BERLIN), "TIME_FORMAT")


def clock_suffix(moment):
    """What follows a clock time: "Uhr" (German), the zone in Berlin at `moment` ("CET",
    "CEST", English)."""
    return date_format(moment.astimezone(BERLIN), "CLOCK_SUFFIX_FORMAT")


def at_clock(moment):
    """ "10:00 Uhr" / "10:00 CEST"."""
    time, suffix = format_time(moment), clock_suffix(moment)
    return f"{time} {suffix}" if suffix else time


def clock_range(start, end):
    """ "10:00-16:30 Uhr" / "10:00-16:30 CET" within a day; one time for an event without
    length; each time with its zone when the clocks change in between ("01:00 CEST-04:00
    CET"; German says "Uhr" once, as always)."""
    if end <= start:
        return at_clock(start)
    begin = format_time(start) if clock_suffix(start) == clock_suffix(end) else at_clock(start)
    return f"{begin}–{at_clock(end)}"


def day_and_time(day, time):
    return _("%(date)s, %(time)s") % {"date": format_day(day), "time": time}


def format_moment(moment):
    """One instant in Berlin: "Di., 24. Juni 2025, 10:00 Uhr" (e.g. a registration deadline)."""
    return day_and_time(local_date(moment), at_clock(moment))


def format_when(start, end, all_day):
    """The date (and times) of an event as a reader expects it, in the active language:
    "Tue, 1 December 2026, 10:00-16:30 CET"; "Mon, 1 September - Tue, 30 September 2025"
    (all day); "Tue, 1 December 2026, 22:00 CET - Wed, 2 December 2026, 02:00 CET"."""
    first, last = first_and_last_day(start, end, all_day)
    if all_day:
        if first == last:
            return format_day(first)
        return _("%(start)s – %(end)s") % {
            "start": format_day(first, with_year=first.year != last.year),
            "end": format_day(last),
        }
    if first == last:
        return day_and_time(first, clock_range(start, end))
    return _("%(start)s – %(end)s") % {
        "start": day_and_time(first, at_clock(start)),
        "end": day_and_time(last, at_clock(end)),
    }
