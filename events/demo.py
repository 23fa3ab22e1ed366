"""Demo content of the events app: the calendar "Termine" with the association's past
events (report, programme, downloads, pictures) and other organisers' entries from its
homepage, and invented upcoming events dated relative to the day the demo is loaded, so
the calendar never runs empty. Adds "Termin vormerken" and "Nächste Termine" to the home page
and the calendar to the main menu.

Runs again without duplicating anything: pages are found by slug, images and documents by
title; upcoming events move to their new dates.
"""

import datetime
import hashlib
import json
import textwrap
import uuid

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model

from metropolregion.demo import images as drawings
from metropolregion.demo.core import (
    demo_collection,
    ensure_image,
    link_in_main_menu,
    publish,
    upsert_child,
)

from . import dates, queries
from . import demo_texts as texts
from .choices import EventStatus, RegistrationStatus
from .models import EventIndexPage, EventPage, Registration

IMAGE_SIZE = (1280, 800)


def _stream(blocks, namespace):
    """Raw StreamField JSON from (type, value) pairs, with ids stable per page."""
    return json.dumps(
        [
            {
                "type": block_type,
                "value": value,
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"event-{namespace}-{block_type}-{i}")),
            }
            for i, (block_type, value) in enumerate(blocks)
        ]
    )


def _sections(sections, namespace):
    return _stream([("section", {"heading": h, "text": t}) for h, t in sections], namespace)


# -- dates --


def _berlin(day, clock):
    """`day` at `clock` in Berlin, right on days of a DST change too."""
    return datetime.datetime.combine(day, clock, tzinfo=dates.BERLIN)


def past_times(item):
    """Start and end of a past event: (day, time) pairs, or days for an all-day event."""
    if item["all_day"]:
        return dates.midnight(item["start"]), dates.midnight(item["end"])
    return _berlin(*item["start"]), _berlin(*item["end"])


# Days on which nobody holds a conference: weekends and the fixed public holidays.
FIXED_HOLIDAYS = {(1, 1), (5, 1), (10, 3), (12, 24), (12, 25), (12, 26), (12, 31)}


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
    return _berlin(first, start), _berlin(last, end)


# -- files --


def _pdf_string(text):
    """A PDF literal string in WinAnsi (cp1252) encoding."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_bytes(title, paragraphs):
    """A small valid one-page A4 PDF (PDF 1.4, the standard Helvetica fonts): a heading and
    wrapped paragraphs. Written by hand so the demo needs no PDF library."""
    lines = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, 86))
        lines.append("")
    content = b"BT /F1 16 Tf 56 770 Td " + _pdf_string(title) + b" Tj ET\n"
    content += b"BT /F2 11 Tf 15 TL 56 738 Td\n"
    content += b"".join(_pdf_string(line) + b" Tj T*\n" for line in lines)
    content += b"ET"
    info_title = b"<FEFF" + title.encode("utf-16-be").hex().upper().encode() + b">"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Title " + info_title + b" /Producer (Metropolregion Mitteldeutschland Demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def ensure_document(key, collection):
    """Find the demo document by title or write its PDF."""
    title, filename, heading, paragraphs = texts.DOCUMENTS[key]
    Document = get_document_model()
    document = Document.objects.filter(title=title, collection=collection).first()
    if document is None:
        data = pdf_bytes(heading, paragraphs)
        document = Document(title=title, collection=collection)
        document.file = ContentFile(data, name=filename)
        document.file_size = len(data)
        # Wagtail's duplicate check, not a security hash
        document.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        document.save()
    return document


def event_image(item, collection):
    palette, seed, photographer = item["image"]
    image = ensure_image(
        f"Termin {item['slug']}",
        lambda: drawings.landscape(seed, palette, IMAGE_SIZE),
        collection,
        credit=texts.PHOTOGRAPHERS[photographer],
    )
    alt = texts.IMAGE_ALT[palette]
    if image.description != alt:
        image.description = alt
        image.save(update_fields=["description"])
    return image


def working_groups():
    """The demo's working groups by slug, as far as the projects app has created them."""
    try:
        WorkingGroupPage = apps.get_model("projects", "WorkingGroupPage")
    except LookupError:
        return {}
    slugs = {item["group"] for item in texts.PAST_EVENTS + texts.UPCOMING_EVENTS}
    return {page.slug: page for page in WorkingGroupPage.objects.filter(slug__in=slugs)}


# -- pages --


def event_fields(item, start, end, all_day, groups, collection):
    """The field values of the event page `item` (a dict of demo_texts)."""
    slug = item["slug"]
    image = event_image(item, collection) if item["image"] else None
    organiser_name, organiser_url = item["organiser"]
    documents = [
        ("document", {"document": ensure_document(key, collection).pk, "title": label})
        for key, label in item["documents"]
    ]
    return {
        "title": item["title"],
        "start": start,
        "end": end,
        "all_day": all_day,
        "status": item.get("status", EventStatus.SCHEDULED),
        "format": item["format"],
        "venue": item["venue"],
        "street": item["street"],
        "postcode": item["postcode"],
        "city": item["city"],
        "online_url": item.get("online_url", ""),
        "own_event": item["own"],
        "organiser_name": organiser_name,
        "organiser_url": organiser_url,
        "teaser": item["teaser"],
        "image": image,
        "body": _sections(item["body"], slug),
        "programme": _stream([("item", value) for value in item["programme"]], slug),
        "documents": _stream(documents, slug),
        "registration_url": item["registration_url"],
        "registration_mode": registration_mode(item),
        **texts.REGISTRATION_DEFAULTS,
        **texts.REGISTRATION.get(slug, {}),
        "report": _sections(item.get("report", []), f"{slug}-report"),
        "working_group": groups.get(item["group"]),
        "search_description": "",
    }


def registration_mode(item):
    if item["slug"] in texts.REGISTRATION:
        return "intern"
    return "extern" if item["registration_url"] else "keine"


def upsert_event(index, slug, fields, tags):
    """Create or update the event `slug` below the calendar and publish it."""
    page = index.get_children().filter(slug=slug).specific().first()
    if page is None:
        page = EventPage(slug=slug, **fields)
        page.tags.set(tags)
        index.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
        page.tags.set(tags)
        page.save()
    return publish(page)


def build_events(stdout, index):
    collection = demo_collection()
    groups = working_groups()
    today = dates.today()
    events = []
    for item in texts.PAST_EVENTS:
        start, end = past_times(item)
        fields = event_fields(item, start, end, item["all_day"], groups, collection)
        events.append(upsert_event(index, item["slug"], fields, item["tags"]))
    for item in texts.UPCOMING_EVENTS:
        start, end = upcoming_times(item, today)
        fields = event_fields(item, start, end, item["times"] is None, groups, collection)
        events.append(upsert_event(index, item["slug"], fields, item["tags"]))
    stdout.write(
        f"• Termine: {len(texts.PAST_EVENTS)} vergangene und {len(texts.UPCOMING_EVENTS)} "
        f"kommende Veranstaltungen (ab {today:%d.%m.%Y}), {len(texts.DOCUMENTS)} Downloads, "
        f"{len(groups)} Arbeitsgruppen zugeordnet"
    )
    return events


def add_registrations(stdout, events):
    """Example registrations for events open for registration (no mails)."""
    by_slug = {event.slug: event for event in events}
    count = 0
    for slug, people in texts.REGISTRATIONS.items():
        event = by_slug.get(slug)
        if event is None:
            continue
        for name, email, organisation in people:
            Registration.objects.update_or_create(
                event=event,
                email=email,
                defaults={
                    "name": name,
                    "organisation": organisation,
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


def add_home_blocks(stdout, home, index):
    """Put "Termin vormerken" right after the hero and "Nächste Termine" after the blocks that
    list projects and news; replaces the blocks of earlier runs."""
    home = home.specific
    raw = [item for item in home.body.raw_data if item["type"] not in ("events", "featured_event")]
    event = featured_event(index)
    if event is not None:
        types = [item["type"] for item in raw]
        raw.insert(
            types.index("hero") + 1 if "hero" in types else 0,
            {
                "type": "featured_event",
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "home-featured-event")),
                "value": {**texts.FEATURED_BLOCK, "event": event.pk},
            },
        )
    types = [item["type"] for item in raw]
    after = max(
        (
            types.index(t) + 1
            for t in ("hero", "featured_event", "featured", "projects", "news")
            if t in types
        ),
        default=0,
    )
    raw.insert(
        after,
        {
            "type": "events",
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "home-events")),
            "value": {**texts.HOME_BLOCK, "index": index.pk},
        },
    )
    home.body = json.dumps(raw)
    home.save()
    publish(home)
    featured = f"„{event.title}“" if event is not None else "keine"
    stdout.write(f"• Startseite: nächste Termine und Termin vormerken ({featured})")


def build(stdout, home):
    """Create or update the calendar below `home`, its events, the home-page blocks and
    the menu link."""
    with transaction.atomic():
        index = upsert_child(
            home,
            EventIndexPage,
            texts.INDEX["slug"],
            title=texts.INDEX["title"],
            intro=texts.INDEX["intro"],
        )
        stdout.write(f"• Termine: Kalender „{index.title}“")
        events = build_events(stdout, index)
        add_registrations(stdout, events)
        add_home_blocks(stdout, home, index)
        if link_in_main_menu(home, [(index, "Termine")]):
            stdout.write("• Hauptnavigation: Termine verlinkt")
    return index
