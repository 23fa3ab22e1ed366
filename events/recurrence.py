"""Recurring events: the rule arithmetic, the dates it gives, and how a rule reads.

An event page repeats when `recurrence` holds an RFC 5545 RRULE value
("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630T215959Z"). Its `start`/`end` are the first date
and its length; `extra_dates` (RDATE), `skipped_dates` (EXDATE, the date is simply not
part of the series: holidays) and `cancelled_dates` (shown as cancelled) are ISO dates at
the series' clock time; `occurrence_changes` move single dates (RECURRENCE-ID).

The arithmetic is python-dateutil's `rrule` on Berlin wall-clock times: a meeting at 19:00
stays at 19:00 across the change to and from daylight-saving time. `materialise(page)`
writes the dates into `EventOccurrence` (up to RECURRENCE_HORIZON_DAYS ahead, at most
MAX_OCCURRENCES), so that lists find them with a join; the scheduler extends open-ended
series daily (`manage.py extend_series`).
"""

import datetime
import logging
from dataclasses import dataclass

from dateutil.rrule import rrulestr
from django.apps import apps
from django.conf import settings
from django.db import transaction

from metropolregion import clock
from metropolregion.clock import BERLIN

from . import dates
from .choices import EventStatus

logger = logging.getLogger(__name__)

MAX_OCCURRENCES = 500

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def horizon_days():
    return getattr(settings, "RECURRENCE_HORIZON_DAYS", 400)


@dataclass(frozen=True)
class Occurrence:
    """One date of a series: where the rule puts it, when it really is, and whether it
    is cancelled."""

    original_start: datetime.datetime
    start: datetime.datetime
    end: datetime.datetime
    cancelled: bool = False
    note: str = ""

    @property
    def day(self):
        return clock.local_date(self.original_start)


# -- reading and writing the rule --


def parse_rule(text):
    """The parts of an RRULE value as a dict ("FREQ" -> "WEEKLY", …); {} when empty.
    Raises ValueError for text that is not a rule dateutil understands."""
    text = (text or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text:
        return {}
    parts = {}
    for item in text.split(";"):
        if not item:
            continue
        name, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"not a rule part: {item!r}")
        parts[name.strip().upper()] = value.strip().upper()
    if parts.get("FREQ") not in FREQUENCIES:
        raise ValueError("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")
    rrulestr(compose_rule(parts), dtstart=datetime.datetime(2026, 1, 1, tzinfo=BERLIN))
    return parts


def compose_rule(parts):
    """The RRULE value of `parts` (FREQ first, the rest in a fixed order)."""
    order = ["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "COUNT", "UNTIL"]
    names = order + sorted(set(parts) - set(order))
    return ";".join(f"{name}={parts[name]}" for name in names if parts.get(name))


def rule_of(page):
    """The parts of the page's rule; {} for none, and for a rule that cannot be read (it
    came from elsewhere: an import, an old revision): the page is then a one-off event
    on its first date, and a warning names it."""
    try:
        return parse_rule(page.recurrence)
    except ValueError:
        logger.warning("Event %s: its repetition rule cannot be read; shown once", page.pk)
        return {}


def until_value(day):
    """UNTIL for a series whose last date is `day` (Berlin): the end of that day, in UTC
    (RFC 5545 requires UTC when DTSTART has a time zone)."""
    end = dates.midnight(day + dates.ONE_DAY) - datetime.timedelta(seconds=1)
    return end.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def until_day(parts):
    """The last day (Berlin) an UNTIL allows, or None."""
    value = parts.get("UNTIL")
    if not value:
        return None
    if "T" not in value:
        return datetime.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    moment = datetime.datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
    moment = moment.replace(tzinfo=datetime.UTC if value.endswith("Z") else BERLIN)
    return clock.local_date(moment)


def iso_days(values):
    """Dates from a list of ISO strings (or dates), sorted, without repeats; bad ones are
    dropped (the admin form validates what editors type)."""
    found = set()
    for value in values or ():
        if isinstance(value, datetime.date):
            found.add(value if not isinstance(value, datetime.datetime) else value.date())
            continue
        try:
            found.add(datetime.date.fromisoformat(str(value)[:10]))
        except ValueError:
            continue
    return sorted(found)


def is_recurring(page):
    return bool(page.recurrence or page.extra_dates)


# -- the dates --


def _at_series_time(page, day):
    """The series' clock time (Berlin) on `day`."""
    first = page.start.astimezone(BERLIN)
    return datetime.datetime.combine(day, first.timetz().replace(tzinfo=None), tzinfo=BERLIN)


def normalise(moment):
    """A Berlin wall-clock time as a real instant (a time that does not exist on the
    day the clocks go forward moves on by the gap)."""
    return moment.astimezone(datetime.UTC).astimezone(BERLIN)


def rule_starts(page, until):
    """The starts (Berlin) the rule and the extra dates give up to `until`, without the
    skipped dates, at most MAX_OCCURRENCES."""
    first = page.start.astimezone(BERLIN)
    starts = set()
    parts = rule_of(page)
    if parts:
        rule = rrulestr(compose_rule(parts), dtstart=first)
        for index, moment in enumerate(rule):
            if moment > until or index >= MAX_OCCURRENCES:
                break
            starts.add(moment)
    else:
        starts.add(first)
    for day in iso_days(page.extra_dates):
        moment = _at_series_time(page, day)
        if moment <= until:
            starts.add(moment)
    skipped = set(iso_days(page.skipped_dates))
    return sorted(moment for moment in starts if moment.date() not in skipped)[:MAX_OCCURRENCES]


def occurrences(page, until=None, changes=None):
    """The dates of `page`'s series up to `until` (default: all of a series with an end,
    RECURRENCE_HORIZON_DAYS ahead of an open-ended one), with
    moved and cancelled dates applied; `changes` defaults to the page's moved dates."""
    if until is None:
        until = dates.midnight(clock.today() + datetime.timedelta(days=horizon_days()))
        parts = rule_of(page)
        if parts.get("COUNT") or parts.get("UNTIL"):
            # A series with an end is written out whole (at most MAX_OCCURRENCES dates).
            until = dates.midnight(clock.today() + datetime.timedelta(days=366 * 30))
    length = page.end - page.start
    cancelled = set(iso_days(page.cancelled_dates))
    if changes is None:
        changes = list(page.occurrence_changes.all())
    moved = {change.original_date: change for change in changes}
    found = []
    for moment in rule_starts(page, until):
        day = moment.date()
        change = moved.get(day)
        if change is not None and change.start and change.end:
            start, end, note = change.start, change.end, change.note
        else:
            start = normalise(moment)
            end = normalise(moment + length)
            note = ""
        found.append(
            Occurrence(
                original_start=normalise(moment),
                start=start,
                end=end,
                cancelled=day in cancelled,
                note=note,
            )
        )
    return found


def materialise(page):
    """Write the dates of `page`'s series into EventOccurrence (none for a page without a
    rule). Rows are matched by their original start, so registrations keep their date."""
    EventOccurrence = apps.get_model("events", "EventOccurrence")
    with transaction.atomic():
        if not is_recurring(page):
            EventOccurrence.objects.filter(event=page).delete()
            return 0
        wanted = {occ.original_start: occ for occ in occurrences(page)}
        existing = {row.original_start: row for row in EventOccurrence.objects.filter(event=page)}
        stale = [row.pk for key, row in existing.items() if key not in wanted]
        if stale:
            EventOccurrence.objects.filter(pk__in=stale).delete()
        new, changed = [], []
        for key, occ in wanted.items():
            row = existing.get(key)
            if row is None:
                new.append(
                    EventOccurrence(
                        event=page,
                        original_start=occ.original_start,
                        start=occ.start,
                        end=occ.end,
                        cancelled=occ.cancelled,
                        note=occ.note,
                    )
                )
            elif (row.start, row.end, row.cancelled, row.note) != (
                occ.start,
                occ.end,
                occ.cancelled,
                occ.note,
            ):
                row.start, row.end, row.cancelled, row.note = (
                    occ.start,
                    occ.end,
                    occ.cancelled,
                    occ.note,
                )
                changed.append(row)
        EventOccurrence.objects.bulk_create(new)
        if changed:
            EventOccurrence.objects.bulk_update(changed, ["start", "end", "cancelled", "note"])
        return len(wanted)


def extend_all():
    """Re-materialise every live series (the daily job): open-ended rules reach the horizon
    again. Returns the number of series."""
    EventPage = apps.get_model("events", "EventPage")
    count = 0
    pages = EventPage.objects.exclude(recurrence="").prefetch_related("occurrence_changes")
    for page in pages.iterator(chunk_size=100):
        materialise(page)
        count += 1
    return count


# -- one date of a series on a page --


def apply(page, *, original_start, start, end, cancelled=False, note=""):
    """Show `page` as one date of its series: its start, end and status become the
    date's (the series' stay in `series_start`/`series_end`/`series_status`), and
    `occurrence_start` names the date (registrations are per date)."""
    if not hasattr(page, "series_start"):
        page.series_start, page.series_end = page.start, page.end
        page.series_status = page.status
    page.start, page.end = start, end
    page.status = EventStatus.CANCELLED if cancelled else page.series_status
    page.occurrence_start = original_start
    page.occurrence_note = note or ""
    return page


def apply_occurrence(page, occurrence):
    return apply(
        page,
        original_start=occurrence.original_start,
        start=occurrence.start,
        end=occurrence.end,
        cancelled=occurrence.cancelled,
        note=occurrence.note,
    )


def choose(found, day=None, at=None):
    """The occurrence a page shows: the one on `day` (its date in the series or the day
    it moved to), else the next that has not ended, else the last one."""
    if day is not None:
        for occurrence in found:
            if occurrence.day == day:
                return occurrence
        for occurrence in found:
            if clock.local_date(occurrence.start) == day:
                return occurrence
    at = at or clock.now()
    for occurrence in found:
        if occurrence.end > at:
            return occurrence
    return found[-1] if found else None


def parse_day(text):
    """A date from "2026-12-08" (the `termin` parameter), or None."""
    try:
        return datetime.date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def occurrence_query(page):
    """ "?termin=2026-12-08" for a page shown as one date of its series, else ""."""
    original = getattr(page, "occurrence_start", None)
    return f"?termin={clock.local_date(original).isoformat()}" if original else ""
