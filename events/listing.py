"""What the calendar's routes show: the lists (upcoming and past), the month view, the
iCal feeds and the event page's context. Called by the routes of `EventIndexPage` and
`EventPage` (imported at the top of the models: this module imports no model and no
view); each costs a constant number of queries, however many events there are."""

import calendar as pycalendar
import datetime
from dataclasses import dataclass, field

from django.http import Http404, HttpResponse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from taggit.models import Tag

from metropolregion import clock, hubs
from metropolregion.listing import paginate, querystring_without
from metropolregion.topics import topic_name
from metropolregion.translations import live_page_in_active_language

from . import dates, ical, queries
from .calendar_links import calendar_choices
from .choices import RegistrationMode
from .filters import PARAMS, read_filters
from .join_links import public_join_link

EVENTS_PER_PAGE = 12
FIRST_YEAR, LAST_YEAR = 1990, 2100
FEED_PAST_DAYS = 180  # feeds keep recent events, so a subscriber still sees last week's
FEED_LENGTH = 500


# -- lists --


def filtered_events(index, request):
    """The calendar's public events narrowed by the query string's filters, and what the
    filter form needs."""
    pages = index.public_events
    topics = queries.topics(pages)
    groups = queries.working_groups(pages)
    filters = read_filters(request.GET, topics, groups)
    return filters.apply(pages), {"filters": filters}


def filter_query(request):
    """The active filters as a query string ("" or "?thema=…")."""
    query = querystring_without(request, *[key for key in request.GET if key not in PARAMS])
    return f"?{query}" if query else ""


def common_context(index, request, mode):
    query = filter_query(request)
    today = clock.today()
    return {
        "mode": mode,
        "upcoming_url": index.url_for("upcoming", request=request) + query,
        "past_url": index.url_for("past", request=request) + query,
        "month_url": index.url_for("month", today.year, today.month, request=request) + query,
    }


def listing_context(index, request, mode):
    """Upcoming events (soonest first) or past events (most recent first), paginated."""
    pages, context = filtered_events(index, request)
    events = queries.upcoming(pages) if mode == "upcoming" else queries.past(pages)
    context.update(common_context(index, request, mode))
    context["events"] = paginate(request, queries.for_display(events), per_page=EVENTS_PER_PAGE)
    context["pagination_query"] = querystring_without(request, "page")
    context["form_action"] = index.url_for(mode, request=request)
    context["feeds"] = feed_links(index, request, context["filters"])
    return context


# -- month view --


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)

    @property
    def label(self):
        """ "Dienstag, 24. Juni 2025" / "Tuesday, 24 June 2025": the full date for screen
        readers."""
        return date_format(self.date, "LONG_WEEKDAY_DATE_FORMAT")


def month_grid(year, month, events, today=None):
    """The weeks (Monday to Sunday) of a month as lists of `Day`s; every event is placed on
    every day it covers."""
    today = today or clock.today()
    weeks = [
        [Day(day, day.month == month, day == today) for day in week]
        for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    by_date = {day.date: day for week in weeks for day in week}
    for event in events:
        for covered in event.days:
            if covered in by_date:
                by_date[covered].events.append(event)
    return weeks


def valid_month(year, month):
    return FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12


def shift_month(year, month, delta):
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_context(index, request, year, month):
    """The month view, or None for a month outside the calendar's range."""
    if not valid_month(year, month):
        return None
    pages, context = filtered_events(index, request)
    weeks_dates = pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first_shown, last_shown = weeks_dates[0][0], weeks_dates[-1][-1]
    events = list(queries.in_days(pages, first_shown, last_shown))
    weeks = month_grid(year, month, events)
    query = filter_query(request)
    context.update(common_context(index, request, "month"))
    first = datetime.date(year, month, 1)
    context.update(
        {
            "year": year,
            "month": month,
            "month_label": date_format(first, "F Y"),
            "weeks": weeks,
            "weekdays": [(date_format(day, "l"), date_format(day, "D")) for day in weeks_dates[0]],
            "month_days": [day for week in weeks for day in week if day.in_month and day.events],
            "form_action": index.url_for("month", year, month, request=request),
            "feeds": feed_links(index, request, context["filters"]),
        }
    )
    context["event_count"] = len(
        {
            (event.pk, event.start)
            for week in weeks
            for day in week
            if day.in_month
            for event in day.events
        }
    )
    for name, delta in (("previous", -1), ("next", 1)):
        other = shift_month(year, month, delta)
        if valid_month(*other):
            context[f"{name}_url"] = index.url_for("month", *other, request=request) + query
            context[f"{name}_label"] = date_format(datetime.date(*other, 1), "F Y")
    return context


# -- iCal --


def feed_links(index, request, filters=None):
    """(label, https URL, webcal URL) of the feeds offered with a list: all events, and
    the active topic's and working group's."""
    links = [(_("All events"), index.url_for("feed", request=request))]
    if filters is not None and filters.topic is not None:
        links.append(
            (
                _("Topic: %(name)s") % {"name": topic_name(filters.topic)},
                index.url_for("topic_feed", filters.topic.slug, request=request),
            )
        )
    if filters is not None and filters.group is not None:
        links.append(
            (
                _("Working group: %(name)s") % {"name": filters.group.title},
                index.url_for("group_feed", filters.group.slug, request=request),
            )
        )
    return [(label, url, webcal_url(request, url)) for label, url in links if url]


def webcal_url(request, url):
    """The webcal:// address that makes a calendar client subscribe to `url`."""
    absolute = request.build_absolute_uri(url)
    return "webcal://" + absolute.split("://", 1)[1]


def serve_feed(index, request, topic_slug=None, group_slug=None):
    """The calendar as iCal: upcoming events and those of the last months."""
    pages = index.public_events
    name = index.title
    if topic_slug is not None:
        tag = Tag.objects.filter(slug=topic_slug).first()
        if tag is None:
            raise Http404("No such topic")
        pages = queries.filter_events(pages, tag=tag.slug)
        name = f"{name}: {topic_name(tag)}"
    if group_slug is not None:
        group = next((g for g in queries.working_groups(pages) if g.slug == group_slug), None)
        if group is None:
            raise Http404("No such working group in the calendar")
        pages = queries.filter_events(pages, working_group=group)
        name = f"{name}: {group.title}"
    since = clock.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    events = queries.for_display(
        queries.since(pages, since).order_by("start", "pk"), images=False, topics=True
    ).prefetch_related("occurrence_changes")[:FEED_LENGTH]
    body = ical.build_calendar(events, request, name=name, description=index.intro)
    return ics_response(body, "termine.ics", inline=True)


def serve_event_ics(event, request):
    event = queries.for_display(type(event).objects.filter(pk=event.pk), images=False, topics=True)
    event = event.prefetch_related("occurrence_changes").first()
    body = ical.build_calendar([event], request, name=event.title)
    return ics_response(body, f"{event.slug}.ics", inline=False)


def ics_response(body, filename, inline):
    response = HttpResponse(body, content_type=ical.CONTENT_TYPE)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


# -- the event page --


SERIES_DATES_SHOWN = 12


def series_context(event, request):
    """For a page of a series: the rule in words and the next dates (the one shown
    marked), each with its address; {} for an event without a rule."""
    found = getattr(event, "series_dates", None)
    if not found:
        return {}
    now = clock.now()
    base = event.get_url(request) or ""
    shown = getattr(event, "occurrence_start", None)
    upcoming = [occurrence for occurrence in found if occurrence.end > now]
    return {
        "rule": event.rule_text,
        "dates": [
            {
                "when": dates.format_when(occurrence.start, occurrence.end, event.all_day),
                "start": occurrence.start,
                "url": f"{base}?termin={occurrence.day.isoformat()}" if base else "",
                "cancelled": occurrence.cancelled,
                "note": occurrence.note,
                "current": occurrence.original_start == shown,
            }
            for occurrence in upcoming[:SERIES_DATES_SHOWN]
        ],
        "more": max(0, len(upcoming) - SERIES_DATES_SHOWN),
    }


def event_context(event, request):
    calendar = event.calendar()
    # The group in the reader's language (an English event may name the German one).
    group = live_page_in_active_language(event.working_group_id) if event.working_group_id else None
    ics_url = event.ics_url(request)
    return {
        "calendar": calendar,
        "calendar_url": calendar.get_url(request) if calendar else None,
        "topics": list(event.topics.all()),
        "working_group": group,
        "is_past": event.is_past(),
        # Contributed by the galleries app (metropolregion.hubs), if installed.
        "galleries": hubs.section("event", "event_galleries", event, request),
        "ics_url": ics_url,
        # "Add to calendar": Google Calendar and Outlook.com besides the .ics file.
        "calendar_choices": calendar_choices(event, request) if ics_url else {},
        "webcal_url": webcal_url(request, ics_url) if ics_url else "",
        "register_url": event.route_url("register", request) + event.occurrence_query,
        # A series: its rule in words and its next dates (links to each date).
        "series": series_context(event, request),
        # Public only where people do not register here (events.registration).
        "join_url": public_join_link(event),
        "join_link_by_mail": event.registration_mode == RegistrationMode.INTERNAL
        and bool(event.online_url),
    }
