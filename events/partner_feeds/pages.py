"""Writing a partner event into its page, and recognising an editor's change to it
(the rule is in importer.py)."""

import hashlib
import json

from django.utils.html import escape
from django.utils.text import slugify

from events import dates
from events.models import EventPage, OccurrenceChange


def description_html(text):
    """The description as rich text: escaped paragraphs, line breaks kept."""
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    return "".join(
        f"<p>{'<br/>'.join(escape(line) for line in part.splitlines())}</p>" for part in paragraphs
    )


def page_values(feed, item):
    values = dict(item.values)
    values.update(
        own_event=False,
        organiser_name=feed.organiser_name[:200],
        organiser_url=feed.organiser_url,
        working_group_id=feed.working_group_id,
        reminder_days=None,
    )
    body = description_html(item.description)
    values["body"] = json.dumps(
        [{"type": "section", "value": {"heading": "", "text": body}}] if body else []
    )
    return values


IMPORTED_FIELDS = [
    "title",
    "start",
    "end",
    "all_day",
    "status",
    "source_url",
    "teaser",
    "venue",
    "street",
    "postcode",
    "city",
    "format",
    "online_url",
    "recurrence",
    "extra_dates",
    "skipped_dates",
    "cancelled_dates",
    "own_event",
    "organiser_name",
    "organiser_url",
    "working_group_id",
]


def page_state(page):
    """A hash of the imported fields of `page` (a page or a revision's object)."""
    data = {name: getattr(page, name) for name in IMPORTED_FIELDS}
    for name in ("start", "end"):
        data[name] = data[name].astimezone(dates.BERLIN).isoformat()
    data["body"] = [(block["type"], block["value"]) for block in page.body.raw_data]
    data["topics"] = sorted(tag.name for tag in page.topics.all())
    data["changes"] = sorted(
        (str(c.original_date), c.start.isoformat(), c.end.isoformat())
        for c in page.occurrence_changes.all()
    )
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def edited_locally(mapping):
    """Whether an editor changed the page since the import wrote it (see the rule above)."""
    page = mapping.page
    if (
        page is None
        or not page.latest_revision_id
        or page.latest_revision_id == mapping.revision_id
    ):
        return False
    return page_state(page.get_latest_revision_as_object()) != mapping.page_hash


def remember(mapping, page):
    """What the import wrote to `page` (for `edited_locally`)."""
    mapping.revision_id = page.latest_revision_id
    mapping.page_hash = page_state(page.get_latest_revision_as_object())


def fill(page, feed, item, values):
    for name, value in values.items():
        setattr(page, name, value)
    page.topics.set(feed.topic_names)
    page.occurrence_changes = [
        OccurrenceChange(original_date=day, start=start, end=end)
        for day, start, end in item.changes
    ]


def unique_slug(calendar, item, feed):
    suffix = hashlib.sha256(f"{feed.pk}:{item.uid}:{item.recurrence_id}".encode()).hexdigest()[:6]
    base = f"{slugify(item.title)[:60].strip('-') or 'termin'}-{suffix}"
    slug, number = base, 1
    while calendar.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def create(feed, calendar, item, values):
    page = EventPage(slug=unique_slug(calendar, item, feed), live=not feed.needs_approval)
    fill(page, feed, item, values)
    calendar.add_child(instance=page)
    revision = page.save_revision()
    if not feed.needs_approval:
        revision.publish()
    return page
