"""What happens to a valid report: `store()` makes, in one transaction, the draft event
page below the calendar (with its image, when one came), the report and the rows of two
mails in the outbox (the Redaktion's notice and the reporter's confirmation), sent after
the commit. A mail server or task queue that is down delays the mails but loses nothing.

The draft goes below the calendar in the site's first language (German), also when it
was reported through the English calendar: the German tree is the source that editors
translate from. The report keeps the form's language for the reporter's mails.
"""

import logging
import re

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from taggit.models import Tag
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from metropolregion import outbox
from metropolregion.navigation import in_first_language

from .models import EventSubmission, MailKind, SubmissionMail

logger = logging.getLogger(__name__)

TEASER_LENGTH = 300
# For the editors only (the image's "source" is not shown on the site).
IMAGE_SOURCE = "Formular „Veranstaltung melden“, Rechte vom Einsender bestätigt"


def draft_calendar(index):
    """The calendar that takes reported events: `index` in the site's first language."""
    return in_first_language(index)


def paragraphs(text):
    """The description as rich-text paragraphs (escaped; blank lines separate them)."""
    parts = [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in part.splitlines()) + "</p>" for part in parts
    )


def body_html(data):
    html = paragraphs(data["description"])
    if data.get("link"):
        url = escape(data["link"])
        html += f'<p><a href="{url}">{escape(translation.gettext("More information"))}</a></p>'
    return html


def save_image(data):
    """The uploaded image in the site's image library, with its credit."""
    Image = get_image_model()
    image = Image(
        title=data["title"][:255],
        file=data["image"],
        credit=data["image_credit"],
        source=IMAGE_SOURCE,
    )
    image._set_image_file_metadata()
    image.save()
    return image


def build_page(calendar, data, image=None):
    """The draft event page (not saved) from the form's data."""
    EventPage = apps.get_model("events", "EventPage")
    with translation.override(settings.LANGUAGE_CODE):  # the German tree
        more = body_html(data)
    page = EventPage(
        title=data["title"],
        slug=find_available_slug(calendar, slugify(data["title"])[:200] or "veranstaltung"),
        locale_id=calendar.locale_id,
        live=False,
        has_unpublished_changes=True,
        start=data["start"],
        end=data["end"],
        format=data["format"],
        venue=data.get("venue", ""),
        street=data.get("street", ""),
        postcode=data.get("postcode", ""),
        city=data.get("city", ""),
        online_url=data.get("online_url", ""),
        own_event=False,
        organiser_name=data["organiser_name"],
        organiser_url=data.get("organiser_url", ""),
        teaser=Truncator(" ".join(data["description"].split())).chars(TEASER_LENGTH),
        body=[("section", {"heading": "", "text": RichText(more)})],
        image=image,
    )
    if data.get("topic"):
        tag = Tag.objects.filter(slug=data["topic"]).first()
        if tag is not None:
            page.topics.add(tag)
    return page


def store(index, form, *, language=None):
    """Store a valid report made through the calendar `index`; returns the report."""
    data = form.cleaned_data
    calendar = draft_calendar(index)
    with transaction.atomic():
        image = save_image(data) if data.get("image") else None
        page = build_page(calendar, data, image)
        calendar.add_child(instance=page)
        page.save_revision(log_action=True)
        submission = EventSubmission.objects.create(
            page=page,
            name=data["name"],
            email=data["email"],
            organisation=data.get("organisation", ""),
            phone=data.get("phone", ""),
            consent=data["consent"],
            language=language or translation.get_language() or settings.LANGUAGE_CODE,
        )
        for kind in (MailKind.EDITORS, MailKind.CONFIRMATION):
            outbox.queue(SubmissionMail.objects.create(submission=submission, kind=kind))
    logger.info("Event reported: submission %s, draft page %s", submission.pk, page.pk)
    return submission


def open_submissions():
    """Reports whose draft still waits for the Redaktion (not yet published, not
    deleted), newest first."""
    return (
        EventSubmission.objects.filter(page__isnull=False, page__live=False)
        .filter(page__first_published_at__isnull=True)
        .select_related("page")
    )


def queue_published_notice(page_id):
    """The draft `page_id` was published: tell its reporter, once (and never after the
    reporter's address was deleted). True when a notice was queued."""
    with transaction.atomic():
        submission = (
            EventSubmission.objects.select_for_update()
            .filter(page_id=page_id, published_notice_sent=False, anonymised_at=None)
            .first()
        )
        if submission is None:
            return False
        submission.published_notice_sent = True
        submission.save(update_fields=["published_notice_sent"])
        mail, created = SubmissionMail.objects.get_or_create(
            submission=submission, kind=MailKind.PUBLISHED
        )
        if created:
            outbox.queue(mail)
    return created
