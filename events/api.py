"""The events of the read-only API for partner sites: `/api/events/` (docs/api.md).

The list is the calendar's: live events outside any view restriction
(`queries.public_events`), of the requested site and language, a series once per date
(`queries.by_date`, each date with its `?termin=` address), upcoming by default
(`queries.upcoming`) or in the days `from`..`to` (`queries.in_days`), narrowed as the
calendar's filters narrow it (`queries.filter_events`). Only what the event page shows
to everybody is described; never registrations (only the places left, as the page says),
the online link of an event people register for here, staff fields or revisions.

A constant number of queries, however many events: the page of events with images,
renditions and topics (`for_display`), their working groups, and their taken places.
"""

import datetime

from django.apps import apps
from django.db.models import Count
from taggit.models import Tag

from metropolregion import api
from metropolregion.clock import local_date
from metropolregion.listing import for_display
from metropolregion.site_urls import page_url
from metropolregion.topics import topic_name

from . import dates, queries
from . import registration as rules
from .choices import EventFormat, EventStatus, RegistrationMode

LAST_DAY = datetime.date(api.LAST_YEAR, 12, 31)

# Stable English names of the stored choices.
STATUS = {
    EventStatus.SCHEDULED: "scheduled",
    EventStatus.POSTPONED: "postponed",
    EventStatus.CANCELLED: "cancelled",
}
FORMAT = {
    EventFormat.IN_PERSON: "in_person",
    EventFormat.ONLINE: "online",
    EventFormat.HYBRID: "hybrid",
}


def working_group_pages():
    return apps.get_model("projects", "WorkingGroupPage").objects.all()


def read_filters(params):
    """{topic slug, working group page, from, to} of the query string (ApiError if one
    cannot be used): the filters of the API and of the embeddable list."""
    topic = api.read_slug(params, "topic").lower()
    if topic and not Tag.objects.filter(slug=topic).exists():
        raise api.ApiError("topic", f"There is no topic “{topic}”.")
    group = api.read_page_choice(params, "working_group", working_group_pages(), "working group")
    first, last = api.read_period(params)
    return {"topic": topic, "working_group": group, "from": first, "to": last}


def find(request, filters):
    """The dates of the site's public events in the active language that the filters
    choose, soonest first, with images and topics."""
    pages = api.site_pages(request, queries.public_events())
    pages = queries.filter_events(
        pages, tag=filters["topic"] or None, working_group=filters["working_group"]
    )
    first, last = filters["from"], filters["to"]
    if first is None:
        found = queries.upcoming(pages)
        if last is not None:
            found = found.filter(date_start__lt=dates.midnight(last + dates.ONE_DAY))
    else:
        found = queries.in_days(pages, first, last or LAST_DAY)
    return for_display(found.select_related("locale"), topics=True)


def taken_places(events):
    """{(translation key, date of the series or None): confirmed registrations} of the
    events that take registrations here, in one query. Registrations belong to the event
    in the site's first language; its translations share its places."""
    keys = {
        event.translation_key
        for event in events
        if event.registration_mode == RegistrationMode.INTERNAL and event.capacity is not None
    }
    if not keys:
        return {}
    rows = (
        rules.Registration.objects.filter(status=rules.CONFIRMED, event__translation_key__in=keys)
        .values("event__translation_key", "occurrence_start")
        .annotate(taken=Count("pk"))
    )
    return {(row["event__translation_key"], row["occurrence_start"]): row["taken"] for row in rows}


def registration_data(event, url, taken):
    """How people register, as the event page tells everybody; None without registration
    or once the event is over."""
    if event.registration_mode == RegistrationMode.EXTERNAL and event.registration_url:
        return {"on_this_site": False, "url": event.registration_url}
    if event.registration_mode != RegistrationMode.INTERNAL or event.is_past():
        return None
    places = None
    if event.capacity is not None:
        booked = taken.get((event.translation_key, rules.date_of(event)), 0)
        places = max(0, event.capacity - booked)
    refusal = rules.availability(event, places=places)
    # Members see the form, everybody else that it is for members: open all the same.
    is_open = refusal is None or refusal == rules.Outcome.MEMBERS_ONLY
    return {
        "on_this_site": True,
        "url": url,
        "open": is_open,
        "members_only": event.members_only,
        "places_left": places if is_open else None,
        "waiting_list_only": is_open and places == 0,
        "closes": api.moment(event.registration_closes_at),
        "price": str(event.price) if event.price is not None else None,
        "member_price": str(event.member_price) if event.member_price is not None else None,
    }


def describe(event, request, groups, taken):
    """One date of an event as the API gives it."""
    base = page_url(event, request)
    url = base + event.occurrence_query
    first, last = dates.first_and_last_day(event.start, event.end, event.all_day)
    # All day: from midnight of the first day to midnight after the last (as iCal).
    end = dates.midnight(last + dates.ONE_DAY) if event.all_day else event.end
    occurrence = getattr(event, "occurrence_start", None)
    register_url = base + event.reverse_subpage("register") + event.occurrence_query
    return {
        "id": event.pk,
        "date_of_series": local_date(occurrence).isoformat() if occurrence else None,
        "title": event.title,
        "url": url,
        "start": api.moment(event.start),
        "end": api.moment(end),
        "all_day": event.all_day,
        "first_day": first.isoformat(),
        "last_day": last.isoformat(),
        "when": event.when,
        "status": STATUS.get(event.status, "scheduled"),
        "cancelled": event.is_cancelled,
        "note": getattr(event, "occurrence_note", ""),
        "teaser": event.teaser,
        "format": FORMAT.get(event.format, "in_person"),
        "online": event.has_online_part,
        "place": event.place,
        "venue": event.venue if event.has_venue else "",
        "address": event.address if event.has_venue else "",
        "city": event.city if event.has_venue else "",
        "organiser": event.organiser,
        "topics": api.topics_data(event.topics.all(), topic_name),
        "working_group": groups.get(event.working_group_id),
        "image": api.image_data(request, event.image),
        "registration": registration_data(event, register_url, taken),
    }


def event_page(request):
    """(the events of the requested page, whether there is a next, the page number)."""
    filters = read_filters(request.GET)
    limit, number = api.read_paging(request.GET)
    found, has_next = api.page_of(find(request, filters), limit, number)
    return found, has_next, number


@api.endpoint("api")
def events(request):
    """`/api/events/`: the dates of the public events, soonest first (docs/api.md)."""
    found, has_next, number = event_page(request)
    groups = api.working_groups(request, found)
    taken = taken_places(found)
    results = [describe(event, request, groups, taken) for event in found]
    return api.json_response(request, api.paged(request, results, number, has_next))
