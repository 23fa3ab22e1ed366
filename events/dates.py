"""Time in the calendar: which events are upcoming, which days an event covers, and how
its date reads in German ("Di., 24. Juni 2025, 10:00-16:30 Uhr"). "Now" and "today" come
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
from django.utils.translation import pgettext

from metropolregion import clock
from metropolregion.clock import BERLIN, local_date

ONE_DAY = datetime.timedelta(days=1)


def midnight(day):
    """00:00 in Berlin on `day`, as an aware datetime (correct on days of a DST change)."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=BERLIN)


def upcoming_condition(at=None):
    """A filter for events that have not ended at `at`: timed events whose end lies ahead,
    all-day events whose last day is today or later (in Berlin)."""
    at = at or clock.now()
    return Q(end__gt=at) | Q(all_day=True, end__gte=midnight(clock.today(at)))


def overlapping_condition(first_day, last_day):
    """A filter for events that may touch the days `first_day`..`last_day` (inclusive);
    `days_covered` decides exactly."""
    return Q(start__lt=midnight(last_day + ONE_DAY), end__gte=midnight(first_day))


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


# -- how dates read --


def format_day(day, with_year=True):
    """ "Di., 24. Juni 2025" (German) / "Tue, 24 June 2025" (English)."""
    if with_year:
        return date_format(day, pgettext("weekday and date", "D, j F Y"))
    return date_format(day, pgettext("weekday and date without year", "D, j F"))


def format_time(moment):
    return date_format(moment.astimezone(BERLIN), "H:i")


def with_clock(text):
    """ "10:00" → "10:00 Uhr" (German)."""
    return pgettext("a clock time or a range of them", "%(time)s") % {"time": text}


def format_moment(moment):
    """One instant in Berlin: "Di., 24. Juni 2025, 10:00 Uhr" (e.g. a registration deadline)."""
    return _("%(date)s, %(time)s") % {
        "date": format_day(local_date(moment)),
        "time": with_clock(format_time(moment)),
    }


def format_when(start, end, all_day):
    """The date (and times) of an event as a reader expects it, in the active language."""
    first, last = first_and_last_day(start, end, all_day)
    if all_day:
        if first == last:
            return format_day(first)
        return _("%(start)s – %(end)s") % {
            "start": format_day(first, with_year=first.year != last.year),
            "end": format_day(last),
        }
    start_time, end_time = format_time(start), format_time(end)
    if first == last:
        times = start_time if end <= start else f"{start_time}–{end_time}"
        return _("%(date)s, %(time)s") % {"date": format_day(first), "time": with_clock(times)}
    return _("%(start)s – %(end)s") % {
        "start": _("%(date)s, %(time)s")
        % {"date": format_day(first), "time": with_clock(start_time)},
        "end": _("%(date)s, %(time)s") % {"date": format_day(last), "time": with_clock(end_time)},
    }
