"""Demo content of the events app (demo/data/events.yaml): the calendar "Termine" with the
association's past events (report, programme, downloads, pictures) and other organisers'
entries from its homepage, and invented upcoming events dated relative to the day the demo
is loaded, so the calendar never runs empty; example registrations; "Termin vormerken" and
"Nächste Termine" for the home page and the calendar in the main menu.

Runs again without duplicating anything: pages are found by slug, images and documents by
title; upcoming events move to their new dates.
"""

import datetime
import hashlib
from decimal import Decimal

from dateutil.rrule import rrulestr
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from events import dates, queries
from events.choices import EventFormat, EventStatus, RegistrationMode, RegistrationStatus
from events.models import Registration
from metropolregion import clock
from projects.models import WorkingGroupPage
from tests.factories.documents import DocumentFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory

from . import data, drawings, home
from .building import block, demo_collection, ensure_image, link_in_menu, sections, stream, upsert
from .core import PICTURE_ALT
from .pdf import pdf_bytes

IMAGE_SIZE = (1280, 800)

TEXTS = data.load("events")
PAST_EVENTS = TEXTS["past_events"]
UPCOMING_EVENTS = TEXTS["upcoming_events"]
PHOTOGRAPHERS = TEXTS["photographers"]
# Registration on this website, by event slug (the others have none or an external link).
REGISTRATION = TEXTS["registration"]

# -- dates --

# Days on which nobody holds a conference: weekends and the fixed public holidays.
FIXED_HOLIDAYS = {(1, 1), (5, 1), (10, 3), (12, 24), (12, 25), (12, 26), (12, 31)}


def _berlin(moment):
    """A wall-clock time of the data files in Berlin, right on days of a DST change too."""
    return moment.replace(tzinfo=dates.BERLIN)


def past_times(item):
    """Start and end of a past event: times, or days for an all-day event."""
    if item["all_day"]:
        return dates.midnight(item["start"]), dates.midnight(item["end"])
    return _berlin(item["start"]), _berlin(item["end"])


def is_workday(day):
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


def nearest_start(day, length, today):
    """The first day of an event of `length` extra days planned to begin on `day`: `day`
    if all its days are working days (only the first for an event longer than a working
    week), else the closest such day before it but after `today` (so an event stays in
    its month), else the next one after it."""

    def fits(first):
        span = length + 1 if length < 5 else 1
        return all(is_workday(first + dates.ONE_DAY * n) for n in range(span))

    earlier = day
    while not fits(earlier) and earlier > today:
        earlier -= dates.ONE_DAY
    if earlier > today:
        return earlier
    while not fits(day):
        day += dates.ONE_DAY
    return day


def upcoming_days(item, today):
    """The first and last day of an upcoming event, counted from `today` and moved to a
    working day. An event marked `this_month` is pulled into the current month while the
    month has days left after today."""
    first, last = item["days"]
    if item["this_month"]:
        following = datetime.date(today.year + today.month // 12, today.month % 12 + 1, 1)
        days_left = (following - today).days - 1
        shift = max(1, min(first, days_left)) - first
        first, last = first + shift, last + shift
    start = nearest_start(today + datetime.timedelta(days=first), last - first, today)
    return start, start + datetime.timedelta(days=last - first)


def upcoming_times(item, today):
    first, last = upcoming_days(item, today)
    if item["times"] is None:
        return dates.midnight(first), dates.midnight(last)
    start, end = (datetime.time.fromisoformat(clock) for clock in item["times"])
    return (
        _berlin(datetime.datetime.combine(first, start)),
        _berlin(datetime.datetime.combine(last, end)),
    )


# -- files and pictures --


def ensure_document(key):
    """Find the demo document by title or write its PDF."""
    item = TEXTS["documents"][key]
    collection = demo_collection()
    found = get_document_model().objects.filter(title=item["title"], collection=collection)
    document = found.first()
    if document is not None:
        return document
    content = pdf_bytes(item["heading"], item["paragraphs"])
    return DocumentFactory(
        title=item["title"],
        collection=collection,
        file=ContentFile(content, name=item["file_name"]),
        file_size=len(content),
        # Wagtail's duplicate check, not a security hash
        file_hash=hashlib.sha1(content, usedforsecurity=False).hexdigest(),
    )


def event_image(item):
    picture = item["image"]
    return ensure_image(
        f"Termin {item['slug']}",
        lambda: drawings.picture(picture["theme"], picture["seed"], picture["palette"], IMAGE_SIZE),
        credit=PHOTOGRAPHERS[picture["photographer"]],
        description=PICTURE_ALT[picture["theme"]],
    )


# -- pages --


def registration_fields(item):
    """The registration settings of the event `item`."""
    fields = {**TEXTS["registration_defaults"], **REGISTRATION.get(item["slug"], {})}
    for name in ("price", "member_price"):
        if fields[name] is not None:
            fields[name] = Decimal(fields[name])
    if item["slug"] in REGISTRATION:
        mode = RegistrationMode.INTERNAL
    else:
        mode = RegistrationMode.EXTERNAL if item["registration_url"] else RegistrationMode.NONE
    return {"registration_mode": mode, **fields}


def event_fields(item, start, end, all_day, groups):
    """The field values of the event page `item` (an event of the data file)."""
    slug = item["slug"]
    programme = [
        {"day": None, "speakers": "", "description": "", **entry} for entry in item["programme"]
    ]
    documents = [
        ("document", {"document": ensure_document(entry["document"]).pk, "title": entry["title"]})
        for entry in item["documents"]
    ]
    repeat = item.get("repeat") or {}
    series = (
        list(rrulestr(repeat["rule"], dtstart=start.astimezone(dates.BERLIN))) if repeat else []
    )
    return {
        "recurrence": repeat.get("rule", ""),
        # The n-th dates of the series that are cancelled.
        "cancelled_dates": [series[n - 1].date().isoformat() for n in repeat.get("cancelled", [])],
        "title": item["title"],
        "start": start,
        "end": end,
        "all_day": all_day,
        "status": EventStatus(item.get("status", EventStatus.SCHEDULED)),
        "format": EventFormat(item["format"]),
        "venue": item["venue"],
        "street": item["street"],
        "postcode": item["postcode"],
        "city": item["city"],
        "online_url": item.get("online_url", ""),
        "own_event": item["own"],
        "organiser_name": item["organiser"]["name"],
        "organiser_url": item["organiser"]["url"],
        "teaser": item["teaser"],
        "image": event_image(item) if item["image"] else None,
        "body": sections(item["body"], f"event-{slug}-"),
        "programme": stream([("item", entry) for entry in programme], f"event-{slug}-"),
        "documents": stream(documents, f"event-{slug}-"),
        "registration_url": item["registration_url"],
        **registration_fields(item),
        "report": sections(item.get("report", []), f"event-{slug}-report-"),
        "working_group": groups.get(item["group"]),
        "search_description": "",
    }


def build_events(stdout, index):
    slugs = {item["group"] for item in PAST_EVENTS + UPCOMING_EVENTS}
    groups = {page.slug: page for page in WorkingGroupPage.objects.filter(slug__in=slugs)}
    today = clock.today()
    events = []
    for item in PAST_EVENTS:
        start, end = past_times(item)
        fields = event_fields(item, start, end, item["all_day"], groups)
        events.append(
            upsert(index, EventPageFactory, item["slug"], topics=item["topics"], **fields)
        )
    for item in UPCOMING_EVENTS:
        start, end = upcoming_times(item, today)
        fields = event_fields(item, start, end, item["times"] is None, groups)
        events.append(
            upsert(index, EventPageFactory, item["slug"], topics=item["topics"], **fields)
        )
    stdout.write(
        f"• Termine: {len(PAST_EVENTS)} vergangene und {len(UPCOMING_EVENTS)} "
        f"kommende Veranstaltungen (ab {today:%d.%m.%Y}), {len(TEXTS['documents'])} Downloads, "
        f"{len(groups)} Arbeitsgruppen zugeordnet"
    )
    return events


def add_registrations(stdout, events):
    """Example registrations for events open for registration (no mails)."""
    by_slug = {event.slug: event for event in events}
    count = 0
    for slug, people in TEXTS["registrations"].items():
        event = by_slug.get(slug)
        if event is None:
            continue
        for person in people:
            Registration.objects.update_or_create(
                event=event,
                email=person["email"],
                defaults={
                    "name": person["name"],
                    "organisation": person["organisation"],
                    "status": RegistrationStatus.CONFIRMED,
                    "price": event.price,
                },
            )
            count += 1
    stdout.write(f"• Termine: {count} Beispiel-Anmeldungen")


def featured_event(index):
    """The nearest upcoming own event that takes place as planned."""
    pages = queries.public_events(index).filter(own_event=True, status=EventStatus.SCHEDULED)
    return queries.upcoming(pages).first()


def home_blocks(stdout, index):
    """ "Termin vormerken" (the featured event) and "Nächste Termine"."""
    event = featured_event(index)
    blocks = [block("events", {**TEXTS["home_block"], "index": index.pk}, "home-events")]
    if event is not None:
        value = {**TEXTS["featured_block"], "event": event.pk}
        blocks.append(block("featured_event", value, "home-featured-event"))
    featured = f"„{event.title}“" if event is not None else "keine"
    stdout.write(f"• Startseite: nächste Termine und Termin vormerken ({featured})")
    return blocks


def create(stdout, home_page):
    """Create or update the calendar below the home page, its events and registrations,
    and link it in the main menu; returns the calendar and the home-page blocks."""
    texts = TEXTS["index"]
    index = upsert(
        home_page, EventIndexPageFactory, texts["slug"], title=texts["title"], intro=texts["intro"]
    )
    stdout.write(f"• Termine: Kalender „{index.title}“")
    events = build_events(stdout, index)
    add_registrations(stdout, events)
    blocks = home_blocks(stdout, index)
    if link_in_menu(home_page, "main_menu", [(index, "Termine")], "menu"):
        stdout.write("• Hauptnavigation: Termine verlinkt")
    return index, blocks


def build(stdout, home_page):
    """Create or update the calendar, its events, the home-page blocks and the menu link."""
    return home.build_alone(create, stdout, home_page)
