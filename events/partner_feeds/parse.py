"""Read a partner's ICS feed leniently, one VEVENT at a time: a broken event is reported
and skipped, the others are read. The text is untrusted: values are plain text here
(escaped when they are written into a page) and links are kept only when they are valid
http(s) addresses.

`read(text, content_type)` gives a `Feed`: the events as `Item`s with the values of an
event page, a series' overrides (RECURRENCE-ID) folded into its master, and the messages.
"""

import datetime
import re
from dataclasses import dataclass, field

import icalendar
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from events import dates, recurrence
from events.choices import EventFormat, EventStatus

TITLE_LENGTH = 255
DESCRIPTION_LENGTH = 10_000
TEASER_LENGTH = 300
POSTCODE_CITY = re.compile(r"^(\d{5})\s+(.+)$")
UID_LINE = re.compile(r"^UID(?:;[^:\r\n]*)?:(.*)$", re.IGNORECASE | re.MULTILINE)


class NotACalendar(Exception):
    """The answer is no ICS calendar; `str(error)` says what it is instead."""


def max_events():
    return getattr(settings, "PARTNER_FEEDS_MAX_EVENTS", 2000)


@dataclass
class Item:
    """One event of the feed with the values for its page."""

    uid: str
    recurrence_id: str = ""
    sequence: int = 0
    values: dict = field(default_factory=dict)
    description: str = ""
    changes: list = field(default_factory=list)  # (original_date, start, end) of a series
    warnings: list = field(default_factory=list)

    @property
    def key(self):
        return (self.uid, self.recurrence_id)

    @property
    def title(self):
        return self.values.get("title", "")


@dataclass
class Feed:
    items: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (uid, message)
    total: int = 0
    truncated: bool = False


def clean_text(value, length):
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    return text.strip()[:length]


def one_line(value, length):
    return " ".join(clean_text(value, length * 2).split())[:length]


def checked_url(value):
    """`value` if it is a valid http(s) address, else ""."""
    url = str(value or "").strip()
    if len(url) > 500:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return ""
    return url


# -- splitting the feed --


def _blocks(text):
    """(VTIMEZONE texts, VEVENT texts, total number of VEVENTs, broken-block count)."""
    lines = re.sub(r"\r?\n[ \t]", "", text).splitlines()
    timezones, events, current, kind, total, broken = [], [], None, None, 0, 0
    limit = max_events()
    for line in lines:
        upper = line.strip().upper()
        if upper in ("BEGIN:VEVENT", "BEGIN:VTIMEZONE"):
            if kind == "VEVENT" and upper == "BEGIN:VEVENT":
                broken += 1  # the previous event never ended
            if upper == "BEGIN:VEVENT":
                total += 1
                if total > limit:
                    kind, current = None, None
                    continue
            kind, current = upper[6:], [line]
        elif current is not None:
            current.append(line)
            if upper == f"END:{kind}":
                (events if kind == "VEVENT" else timezones).append("\r\n".join(current))
                kind, current = None, None
    if kind == "VEVENT":
        broken += 1
    return timezones, events, total, broken


def _uid_of(block):
    match = UID_LINE.search(block)
    return match.group(1).strip()[:500] if match else ""


# -- reading one event --


def _moment(prop, item):
    """(aware datetime in Berlin or a date, is_date) of a DTSTART-like property."""
    value = prop.dt
    if not isinstance(value, datetime.datetime):
        return value, True
    if value.tzinfo is None:
        tzid = prop.params.get("TZID")
        if tzid:
            message = _("Unknown time zone “%(tzid)s”: read as Europe/Berlin.") % {"tzid": tzid}
            if message not in item.warnings:
                item.warnings.append(message)
        value = value.replace(tzinfo=dates.BERLIN)
    return value.astimezone(dates.BERLIN), False


def _local_day(prop_value):
    if isinstance(prop_value, datetime.datetime):
        if prop_value.tzinfo is None:
            return prop_value.date()
        return prop_value.astimezone(dates.BERLIN).date()
    return prop_value


def _date_list(component, name):
    days = []
    values = component.get(name)
    for entry in values if isinstance(values, list) else [values] if values else []:
        for one in getattr(entry, "dts", []):
            days.append(_local_day(one.dt).isoformat())
    return sorted(set(days))


def _until_day(value):
    """The Berlin day of an RRULE UNTIL value (DATE, UTC or floating DATE-TIME)."""
    day = datetime.datetime.strptime(value[:8], "%Y%m%d").date()
    if value.endswith("Z") and len(value) >= 15:
        moment = datetime.datetime.strptime(value[:15], "%Y%m%dT%H%M%S")
        day = moment.replace(tzinfo=datetime.UTC).astimezone(dates.BERLIN).date()
    return day


def _rule(component, item):
    """The RRULE value for the page ("FREQ=WEEKLY;BYDAY=TU;UNTIL=…Z"), or "" with a
    warning when it cannot be used."""
    prop = component.get("RRULE")
    if prop is None:
        return ""
    if isinstance(prop, list):
        prop = prop[0]
    try:
        text = prop.to_ical().decode()
        parts = dict(part.split("=", 1) for part in text.upper().split(";") if "=" in part)
        if "UNTIL" in parts:
            parts["UNTIL"] = recurrence.until_value(_until_day(parts["UNTIL"]))
        return recurrence.compose_rule(recurrence.parse_rule(recurrence.compose_rule(parts)))
    except (ValueError, TypeError):
        item.warnings.append(_("The repeat rule cannot be read; only the first date is imported."))
        return ""


def _location(text, item):
    """Venue, street, postcode, city, format and online link from LOCATION."""
    values = {"venue": "", "street": "", "postcode": "", "city": "", "online_url": ""}
    values["format"] = EventFormat.IN_PERSON
    text = one_line(text, 400)
    if checked_url(text):
        return {**values, "format": EventFormat.ONLINE, "online_url": text}
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if parts:
        match = POSTCODE_CITY.match(parts[-1])
        if match:
            values["postcode"], values["city"] = match.group(1), match.group(2)[:100]
            parts = parts[:-1]
        elif len(parts) > 1:
            values["city"] = parts.pop()[:100]
        if parts:
            values["venue"] = parts[0][:200]
        if len(parts) > 1:
            values["street"] = ", ".join(parts[1:])[:200]
    if not values["city"] and values["venue"]:  # one name only: "Stadthalle Zwickau"
        values["city"], values["venue"] = values["venue"][:100], ""
    elif not values["city"]:
        values["city"] = _("Place to be announced")
        item.warnings.append(_("The feed gives no place (LOCATION)."))
    return values


def _times(component, item):
    start, all_day = _moment(component["DTSTART"], item)
    if "DTEND" in component:
        end, _end_is_date = _moment(component["DTEND"], item)
    elif "DURATION" in component:
        end = start + component["DURATION"].dt
    else:
        end = start + dates.ONE_DAY if all_day else start
    if all_day:
        start_day = start
        end_day = (end if not isinstance(end, datetime.datetime) else end.date()) - dates.ONE_DAY
        end_day = max(end_day, start_day)
        return dates.midnight(start_day), dates.midnight(end_day), True
    if isinstance(end, datetime.date) and not isinstance(end, datetime.datetime):
        end = dates.midnight(end)
    if end < start:
        item.warnings.append(_("The event ends before it starts: the end was set to the start."))
        end = start
    return start, end, False


def teaser_from(description, title, organiser):
    first = " ".join(description.split())
    if len(first) > TEASER_LENGTH:
        first = first[: TEASER_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return first or _("%(title)s, an event of %(organiser)s.") % {
        "title": title,
        "organiser": organiser,
    }


def read_event(component, organiser):
    """An `Item` for one VEVENT; raises ValueError (with a message) when it is unusable."""
    uid = one_line(component.get("UID"), 500)
    if not uid:
        raise ValueError(_("Event without UID: skipped."))
    item = Item(uid=uid)
    title = one_line(component.get("SUMMARY"), TITLE_LENGTH)
    if not title:
        raise ValueError(_("Event without title (SUMMARY): skipped."))
    if "DTSTART" not in component:
        raise ValueError(_("Event without start (DTSTART): skipped."))
    if "RECURRENCE-ID" in component:
        item.recurrence_id = _local_day(component["RECURRENCE-ID"].dt).isoformat()
    try:
        item.sequence = int(component.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        item.sequence = 0
    start, end, all_day = _times(component, item)
    status = str(component.get("STATUS", "")).upper()
    item.description = clean_text(component.get("DESCRIPTION"), DESCRIPTION_LENGTH)
    url = component.get("URL")
    source_url = checked_url(url)
    if url and not source_url:
        item.warnings.append(_("The event's link is no valid http(s) address and was left out."))
    item.values = {
        "title": title,
        "start": start,
        "end": end,
        "all_day": all_day,
        "status": EventStatus.CANCELLED if status == "CANCELLED" else EventStatus.SCHEDULED,
        "source_url": source_url,
        "teaser": teaser_from(item.description, title, organiser),
        **_location(component.get("LOCATION"), item),
        "recurrence": "" if item.recurrence_id else _rule(component, item),
        "extra_dates": [] if item.recurrence_id else _date_list(component, "RDATE"),
        "skipped_dates": [] if item.recurrence_id else _date_list(component, "EXDATE"),
        "cancelled_dates": [],
    }
    for error in getattr(component, "errors", []):
        item.warnings.append(
            _("A line could not be read and was left out: %(error)s")
            % {"error": one_line(error[1], 200)}
        )
    return item


# -- the whole feed --


def check_calendar(text, content_type=""):
    head = text.lstrip()[:200]
    if head.upper().startswith("BEGIN:VCALENDAR"):
        return
    if "html" in content_type.lower() or head.startswith("<"):
        raise NotACalendar(
            _(
                "The address returns a web page (HTML), not a calendar (ICS). Check the feed's address."
            )
        )
    raise NotACalendar(_("The answer is not a calendar in ICS format."))


def _fold(items, feed):
    """Dedupe by (UID, RECURRENCE-ID) and fold a series' overrides into its master."""
    unique = {}
    for item in items:
        other = unique.get(item.key)
        if other is not None:
            feed.errors.append(
                (item.uid, _("The event appears twice in the feed; the newer version is used."))
            )
            if other.sequence > item.sequence:
                continue
        unique[item.key] = item
    masters = {item.uid: item for item in unique.values() if not item.recurrence_id}
    result = []
    for item in unique.values():
        master = masters.get(item.uid)
        if not item.recurrence_id:
            result.append(item)
        elif master is not None and (master.values["recurrence"] or master.values["extra_dates"]):
            if item.values["status"] == EventStatus.CANCELLED:
                master.values["cancelled_dates"].append(item.recurrence_id)
            else:
                master.changes.append(
                    (item.recurrence_id, item.values["start"], item.values["end"])
                )
        else:
            result.append(item)
    for master in masters.values():
        master.values["cancelled_dates"].sort()
        master.changes.sort(key=lambda change: change[0])
    return result


def read(text, content_type="", organiser=""):
    """The events of an ICS text; raises NotACalendar when it is none."""
    check_calendar(text, content_type)
    feed = Feed()
    timezones, blocks, feed.total, broken = _blocks(text)
    feed.truncated = feed.total > max_events()
    if broken:
        feed.errors.append(
            (
                "",
                _("%(count)s events are incomplete (END:VEVENT missing) and were skipped.")
                % {"count": broken},
            )
        )
    header = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:partner\r\n" + "\r\n".join(timezones)
    items = []
    for block in blocks:
        try:
            calendar = icalendar.Calendar.from_ical(f"{header}\r\n{block}\r\nEND:VCALENDAR\r\n")
            component = next(iter(calendar.walk("VEVENT")))
            items.append(read_event(component, organiser))
        except ValueError as error:
            feed.errors.append((_uid_of(block), str(error)))
        except Exception as error:
            feed.errors.append(
                (
                    _uid_of(block),
                    _("The event cannot be read and was skipped (%(error)s).")
                    % {"error": one_line(error, 200)},
                )
            )
    feed.items = _fold(items, feed)
    return feed
