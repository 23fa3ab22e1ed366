"""iCalendar (RFC 5545) for one event and for the calendar's feeds, with the icalendar
library.

- UIDs are stable: the page's translation key (shared by its translations) at the site's
  host, so a calendar client updates an event instead of adding it twice.
- Times carry TZID=Europe/Berlin with a VTIMEZONE generated from the time-zone database,
  so they stay right across daylight-saving changes; all-day events are DATE values with
  an exclusive DTEND (the day after the last day).
- DTSTAMP is the time of the response and LAST-MODIFIED the last publication: feeds are
  published (METHOD:PUBLISH) and clients replace what they hold on every refresh.
- Addresses follow the request (feeds) or the configured base URL (mail attachments), see
  metropolregion.site_urls. The online join link appears only where the public may see it
  (events.join_links.public_join_link), or in a participant's own attachment.
"""

import datetime
from email.utils import parseaddr
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from metropolregion.site_urls import page_url
from metropolregion.topics import topic_name

from . import dates, recurrence
from .choices import ICAL_STATUS
from .join_links import public_join_link

PRODID = "-//Metropolregion Mitteldeutschland//Terminkalender//DE"
CONTENT_TYPE = "text/calendar; charset=utf-8"
REFRESH_INTERVAL = datetime.timedelta(hours=6)


def uid(event, host):
    """The series' (or event's) UID; a page shown as one date of its series (a
    participant's attachment) gets a UID of that date, so it stands alone in a calendar."""
    original = getattr(event, "occurrence_start", None)
    if original is not None:
        return f"{event.translation_key}-{dates.local_date(original):%Y%m%d}@{host}"
    return f"{event.translation_key}@{host}"


def build_calendar(events, request, name, description="", join_url=None):
    """A VCALENDAR with one VEVENT per event (events as `EventPage`s with topics loaded).
    `join_url`: in a participant's own calendar (a mail), the join link they may see;
    None (feeds, downloads) for each event's public one."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    if description:
        calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL))
    stamp = timezone.now().astimezone(datetime.UTC)
    events = list(events)
    host = site_host(request, events)
    for event in events:
        calendar.add_component(vevent(event, request, host, stamp, join_url))
        for component in series_overrides(event, request, host, stamp, join_url):
            calendar.add_component(component)
    if events:
        # VTIMEZONE with the transitions of the years the events fall in (not 1970-2038).
        first = min(dates.local_date(event.start) for event in events)
        last = max(dates.local_date(event.end) for event in events)
        calendar.add_missing_timezones(
            first_date=datetime.date(first.year - 1, 1, 1),
            last_date=datetime.date(last.year + 1, 12, 31),
        )
    return calendar.to_ical()


def site_host(request, events):
    """The host for UIDs: the request's, or (in a mail, without a request) the site's."""
    if request is not None:
        url = request.build_absolute_uri("/")
    else:
        url = page_url(events[0]) if events else ""
    return urlsplit(url or "").hostname or "localhost"


def vevent(event, request, host, stamp, join_url=None):
    component = icalendar.Event()
    component.add("uid", uid(event, host))
    component.add("dtstamp", stamp)
    first, last = dates.first_and_last_day(event.start, event.end, event.all_day)
    if event.all_day:
        component.add("dtstart", first)
        component.add("dtend", last + dates.ONE_DAY)
    else:
        component.add("dtstart", event.start.astimezone(dates.BERLIN))
        component.add("dtend", max(event.end, event.start).astimezone(dates.BERLIN))
    component.add("summary", event.title)
    component.add("description", description(event, request))
    url = page_url(event, request)
    if url:
        component.add("url", url)
    place = location(event, join_url)
    if place:
        component.add("location", place)
    component.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    component.add("sequence", getattr(event, "sequence", 0) or 0)
    if recurrence.is_recurring(event) and getattr(event, "occurrence_start", None) is None:
        add_rule(component, event)
    if event.last_published_at:
        published = event.last_published_at.astimezone(datetime.UTC)
        component.add("last-modified", published)
    names = [topic_name(tag) for tag in event.topics.all()]
    if names:
        component.add("categories", names)
    return component


# -- series: RRULE, RDATE, EXDATE on the event; a moved or cancelled date as a VEVENT
# with RECURRENCE-ID (RFC 5545 3.8.4.4) --


def _series_moment(event, day):
    """The series' start time on `day`: a DATE for all-day series, else Berlin time."""
    if event.all_day:
        return day
    first = event.start.astimezone(dates.BERLIN)
    return recurrence.normalise(datetime.datetime.combine(day, first.time(), tzinfo=dates.BERLIN))


def add_rule(component, event):
    parts = recurrence.rule_of(event)
    if parts:
        if event.all_day and "T" in parts.get("UNTIL", ""):
            parts["UNTIL"] = recurrence.until_day(parts).strftime("%Y%m%d")
        component.add("rrule", icalendar.vRecur.from_ical(recurrence.compose_rule(parts)))
    extra = recurrence.iso_days(event.extra_dates)
    if extra:
        component.add("rdate", [_series_moment(event, day) for day in extra])
    skipped = recurrence.iso_days(event.skipped_dates)
    if skipped:
        component.add("exdate", [_series_moment(event, day) for day in skipped])


def series_overrides(event, request, host, stamp, join_url=None):
    """The VEVENTs of a series' moved and cancelled dates (same UID, RECURRENCE-ID)."""
    if not recurrence.is_recurring(event) or getattr(event, "occurrence_start", None):
        return []
    moved = {change.original_date: change for change in event.occurrence_changes.all()}
    cancelled = set(recurrence.iso_days(event.cancelled_dates))
    skipped = set(recurrence.iso_days(event.skipped_dates))
    components = []
    for day in sorted((set(moved) | cancelled) - skipped):
        component = vevent(event, request, host, stamp, join_url)
        for name in ("rrule", "rdate", "exdate", "dtstart", "dtend", "status"):
            component.pop(name, None)
        component.add("recurrence-id", _series_moment(event, day))
        change = moved.get(day)
        if change is not None and not event.all_day:
            component.add("dtstart", change.start.astimezone(dates.BERLIN))
            component.add("dtend", max(change.end, change.start).astimezone(dates.BERLIN))
        else:
            start = _series_moment(event, day)
            component.add("dtstart", start)
            length = event.end - event.start
            # An all-day series' end is its last day (inclusive): DTEND is the day after.
            tail = dates.ONE_DAY if event.all_day else datetime.timedelta(0)
            component.add("dtend", start + length + tail)
        component.add("status", "CANCELLED" if day in cancelled else "CONFIRMED")
        components.append(component)
    return components


def location(event, join_url=None):
    """Where the event takes place: the venue's address, and the join link of an online
    part where it is public (`join_url` overrides it: a registrant's own link)."""
    place = event.address if event.has_venue else ""
    online = public_join_link(event) if join_url is None else join_url
    if event.has_online_part and online:
        place = ", ".join(part for part in (place, online) if part)
    return place


def description(event, request):
    """Plain text: the teaser, the place and the page's address."""
    lines = [strip_tags(event.teaser).strip()]
    if event.organiser:
        lines.append(_("Organiser: %(name)s") % {"name": event.organiser})
    if event.place:
        lines.append(event.place)
    url = page_url(event, request)
    if url:
        lines.append(url)
    return "\n\n".join(line for line in lines if line)


def build_notice(event, *, sequence, method="PUBLISH", join_url=None):
    """The .ics of a mail about one event (a reminder, a change, a cancellation): the
    event as `build_calendar` writes it (one date of a series: the page shown as that
    date, recurrence.apply_occurrence), with the given SEQUENCE and METHOD; "CANCEL"
    (RFC 5546) marks it cancelled and names the organiser, as calendar clients expect."""
    calendar = icalendar.Calendar.from_ical(
        build_calendar([event], None, name=event.title, join_url=join_url)
    )
    calendar.pop("method")
    calendar.add("method", method)
    for component in calendar.walk("VEVENT"):
        component.pop("sequence", None)
        component.add("sequence", sequence)
        if method == "CANCEL":
            component.pop("status", None)
            component.add("status", "CANCELLED")
            name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
            component.add("organizer", f"mailto:{address}", parameters={"CN": name or address})
    return calendar.to_ical()
