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
from dataclasses import dataclass

from dateutil.rrule import rrulestr
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from metropolregion import clock
from metropolregion.clock import BERLIN

from . import dates

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


def _normalise(moment):
    """A Berlin wall-clock time as a real instant (a time that does not exist on the
    day the clocks go forward moves on by the gap)."""
    return moment.astimezone(datetime.UTC).astimezone(BERLIN)


def rule_starts(page, until):
    """The starts (Berlin) the rule and the extra dates give up to `until`, without the
    skipped dates, at most MAX_OCCURRENCES."""
    first = page.start.astimezone(BERLIN)
    starts = set()
    if page.recurrence:
        rule = rrulestr(compose_rule(parse_rule(page.recurrence)), dtstart=first)
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
    """The dates of `page`'s series up to `until` (default: the horizon from today), with
    moved and cancelled dates applied; `changes` defaults to the page's moved dates."""
    until = until or dates.midnight(clock.today() + datetime.timedelta(days=horizon_days()))
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
            start = _normalise(moment)
            end = _normalise(moment + length)
            note = ""
        found.append(
            Occurrence(
                original_start=_normalise(moment),
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


def occurrence_of(page, day):
    """The occurrence of `page` on `day` (the date in the series or the day it moved to),
    or None."""
    EventOccurrence = apps.get_model("events", "EventOccurrence")
    rows = EventOccurrence.objects.filter(event=page).filter(
        start__gte=dates.midnight(day) - dates.ONE_DAY,
        start__lt=dates.midnight(day + dates.ONE_DAY) + dates.ONE_DAY,
    ) | EventOccurrence.objects.filter(
        event=page,
        original_start__gte=dates.midnight(day),
        original_start__lt=dates.midnight(day + dates.ONE_DAY),
    )
    for row in rows.order_by("start"):
        if clock.local_date(row.original_start) == day:
            return row
    for row in rows.order_by("start"):
        if clock.local_date(row.start) == day:
            return row
    return None


# -- how a rule reads ("jeden zweiten Dienstag im Monat, bis 30. Juni 2027") --


def _weekday_names():
    return {
        "MO": _("Monday"),
        "TU": _("Tuesday"),
        "WE": _("Wednesday"),
        "TH": _("Thursday"),
        "FR": _("Friday"),
        "SA": _("Saturday"),
        "SU": _("Sunday"),
    }


def _ordinal(number):
    return {
        1: _("first"),
        2: _("second"),
        3: _("third"),
        4: _("fourth"),
        5: _("fifth"),
        -1: _("last"),
    }.get(number, str(number))


def _join(words):
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return _("%(list)s and %(last)s") % {"list": ", ".join(words[:-1]), "last": words[-1]}


def _split_byday(value):
    """"2TU" -> (2, "TU"); "TU" -> (None, "TU")."""
    number, day = value[:-2], value[-2:]
    return (int(number) if number else None), day


def describe(recurrence, start):
    """The rule in words, in the active language; "" for no rule."""
    try:
        parts = parse_rule(recurrence)
    except ValueError:
        return ""
    if not parts:
        return ""
    names = _weekday_names()
    interval = int(parts.get("INTERVAL") or 1)
    freq = parts["FREQ"]
    local = start.astimezone(BERLIN)
    byday = [_split_byday(item) for item in parts.get("BYDAY", "").split(",") if item]
    if freq == "DAILY":
        text = (
            _("daily")
            if interval == 1
            else ngettext("every %(n)s days", "every %(n)s days", interval) % {"n": interval}
        )
    elif freq == "WEEKLY":
        days = _join(names[day] for _n, day in byday) or names[WEEKDAYS[local.weekday()]]
        if interval == 1:
            text = _("every week on %(days)s") % {"days": days}
        elif interval == 2:
            text = _("every other week on %(days)s") % {"days": days}
        else:
            text = _("every %(n)s weeks on %(days)s") % {"n": interval, "days": days}
    elif freq == "MONTHLY":
        if byday and byday[0][0] is not None:
            number, day = byday[0]
            text = _("every %(nth)s %(day)s of the month") % {
                "nth": _ordinal(number),
                "day": names[day],
            }
        else:
            day_of_month = parts.get("BYMONTHDAY") or str(local.day)
            text = _("monthly on day %(day)s") % {"day": day_of_month}
        if interval > 1:
            text = _("%(rule)s, every %(n)s months") % {"rule": text, "n": interval}
    else:
        text = _("every year on %(day)s") % {"day": date_format(local.date(), "j. F")}
        if interval > 1:
            text = _("%(rule)s, every %(n)s years") % {"rule": text, "n": interval}
    last = until_day(parts)
    if last is not None:
        text = _("%(rule)s, until %(date)s") % {"rule": text, "date": dates.format_day(last)}
    elif parts.get("COUNT"):
        count = int(parts["COUNT"])
        text = ngettext(
            "%(rule)s, %(n)s date", "%(rule)s, %(n)s dates", count
        ) % {"rule": text, "n": count}
    return text
