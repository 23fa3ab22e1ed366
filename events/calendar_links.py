""" "Add to calendar" on an event page: one button (a <details> disclosure: no script, works
by keyboard and without JavaScript) with the choices people expect: the `.ics` file (Apple
Calendar, Outlook, Thunderbird and every other calendar app), Google Calendar and
Outlook.com. The web calendars get a link that carries the event's facts in its address;
nothing is sent to them, and nothing of theirs is loaded, unless the visitor follows it.

The facts are the `.ics` file's (events/ical.py): title, start and end (all-day events as
dates), place and the public join link, and the description with the page's address."""

import datetime
from urllib.parse import urlencode

from . import dates, ical

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/action/compose"


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def google_url(event, request):
    first, last = dates.first_and_last_day(event.start, event.end, event.all_day)
    if event.all_day:  # the end date is exclusive, as in iCalendar
        span = f"{first:%Y%m%d}/{last + dates.ONE_DAY:%Y%m%d}"
    else:
        span = f"{_utc(event.start)}/{_utc(max(event.end, event.start))}"
    params = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": span,
        "details": ical.description(event, request),
        "location": ical.location(event),
        "ctz": "Europe/Berlin",
    }
    return f"{GOOGLE}?{urlencode(params)}"


def outlook_url(event, request):
    first, last = dates.first_and_last_day(event.start, event.end, event.all_day)
    params = {"path": "/calendar/action/compose", "rru": "addevent", "subject": event.title}
    if event.all_day:
        params |= {
            "startdt": first.isoformat(),
            "enddt": (last + dates.ONE_DAY).isoformat(),
            "allday": "true",
        }
    else:
        params |= {
            "startdt": event.start.astimezone(dates.BERLIN).isoformat(),
            "enddt": max(event.end, event.start).astimezone(dates.BERLIN).isoformat(),
        }
    params |= {"body": ical.description(event, request), "location": ical.location(event)}
    return f"{OUTLOOK}?{urlencode(params)}"


def calendar_choices(event, request):
    """The web calendars' links for the event page's "Add to calendar" button (the `.ics`
    link is the page's own), or {} for an event that is over or cancelled."""
    if event.is_past() or event.is_cancelled:
        return {}
    return {"google": google_url(event, request), "outlook": outlook_url(event, request)}
