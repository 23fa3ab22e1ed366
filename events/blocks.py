"""Blocks of the events app: a programme item and a download on the event page, and the
home page's "upcoming events" and "featured event" blocks.

`metropolregion.home_blocks` imports this module while the core models load, so nothing
here imports `events.models` at module level (queries are imported when a block renders).
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from metropolregion.blocks import GROUP_TEASERS
from metropolregion.streamfield import PageChooserBlock
from metropolregion.topics import TopicChoiceBlock

GROUP_EVENT = _("Event")
MAX_UPCOMING = 12


class AgendaItemBlock(blocks.StructBlock):
    """One item of an event's programme: when, what, and who speaks."""

    day = blocks.DateBlock(
        required=False,
        label=_("Day"),
        help_text=_("Only for events over several days."),
    )
    start_time = blocks.TimeBlock(required=False, label=_("From"))
    end_time = blocks.TimeBlock(required=False, label=_("Until"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    speakers = blocks.TextBlock(
        required=False,
        max_length=400,
        label=_("Speakers"),
        help_text=_("One person per line: name, role, organisation."),
    )
    description = blocks.TextBlock(required=False, max_length=800, label=_("Description"))

    def clean(self, value):
        value = super().clean(value)
        start, end = value.get("start_time"), value.get("end_time")
        if end and not start:
            raise StructBlockValidationError(
                block_errors={"start_time": ValidationError(_("Give the start time as well."))}
            )
        if start and end and end < start:
            raise StructBlockValidationError(
                block_errors={
                    "end_time": ValidationError(_("The item ends before it starts: check “Until”."))
                }
            )
        return value

    class Meta:
        icon = "time"
        label = _("Programme item")
        template = "blocks/agenda_item_block.html"
        group = GROUP_EVENT
        description = _("A talk, panel or break with its times and speakers.")
        value_class = blocks.StructValue
        preview_value = {
            "start_time": "10:00",
            "end_time": "10:45",
            "title": "Impuls: Wasserstoff für den Mittelstand",
            "speakers": "Dr. Erika Beispiel, Beispiel-Institut",
            "description": "Wo die Region steht und was Unternehmen jetzt tun können.",
        }


class DocumentValue(blocks.StructValue):
    @property
    def shown_title(self):
        document = self.get("document")
        return self.get("title") or (document.title if document else "")

    @property
    def extension(self):
        document = self.get("document")
        return document.file_extension.upper() if document else ""


class DocumentBlock(blocks.StructBlock):
    """A download: programme, presentation or documentation of an event."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Title"),
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "blocks/document_block.html"
        group = GROUP_EVENT
        description = _("A file to download, served through the site with its type and size.")
        value_class = DocumentValue
        preview_value = {"title": "Programm (PDF)"}


def topic_choices():
    """The topics events are tagged with, as (slug, name) pairs; read when the form is
    shown or checked, never while a page renders."""
    from .queries import event_topics

    return [(tag.slug, tag.name) for tag in event_topics()]


class UpcomingEventsBlock(blocks.StructBlock):
    """The next events from the calendar, optionally on one topic; always up to date."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    count = blocks.IntegerBlock(
        min_value=1, max_value=MAX_UPCOMING, default=3, label=_("Number of events")
    )
    topic = TopicChoiceBlock(
        choices=topic_choices,
        required=False,
        label=_("Only this topic"),
        help_text=_("Leave empty to show events on every topic."),
    )
    index = PageChooserBlock(
        page_type="events.EventIndexPage",
        required=False,
        label=_("Calendar"),
        help_text=_("Shows its events and links to it. Leave empty for the calendar of the site."),
    )

    def get_context(self, value, parent_context=None):
        from .queries import find_index, next_events

        context = super().get_context(value, parent_context=parent_context)
        locale = getattr((parent_context or {}).get("page"), "locale_id", None)
        chosen = value.get("index")
        context["events"] = next_events(
            value.get("count") or 3,
            tag=value.get("topic") or None,
            index=chosen,
            locale=None if chosen is not None else locale,
        )
        context["index"] = chosen if chosen is not None else find_index(locale)
        return context

    # What the block shows: it is rendered anew when one of these changes
    # (metropolregion.fragments), never for a change elsewhere.
    fragment_shows = ("events.eventpage", "events.eventindexpage", "projects.workinggrouppage")

    class Meta:
        icon = "date"
        label = _("Upcoming events")
        template = "blocks/upcoming_events_block.html"
        group = GROUP_TEASERS
        description = _("The next events of the calendar, optionally on one topic.")
        preview_value = {"heading": "Nächste Termine", "count": 3}


class FeaturedEventValue(blocks.StructValue):
    @cached_property
    def live_event(self):
        """The chosen event if a visitor may see it (live and public), else None."""
        from .queries import visible_event

        event = self.get("event")
        if event is None:
            return None
        if event.pk is None:  # the unsaved example of the admin's preview
            return event
        return visible_event(event.pk)

    @property
    def event_url(self):
        event = self.live_event
        if event is None or not event.url:
            return ""
        return event.url + event.occurrence_query


class FeaturedEventBlock(blocks.StructBlock):
    """One event presented large: image, date, place, teaser and a link."""

    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Heading"),
        help_text=_("For example “Save the date”. Leave empty for none."),
    )
    event = PageChooserBlock(page_type="events.EventPage", label=_("Event"))
    text = blocks.TextBlock(
        required=False,
        max_length=500,
        label=_("Text"),
        help_text=_("Leave empty to use the event's teaser."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("event") is None:
            raise StructBlockValidationError(
                block_errors={"event": ValidationError(_("Choose an event."))}
            )
        return value

    # What the block shows: it is rendered anew when one of these changes
    # (metropolregion.fragments), never for a change elsewhere.
    fragment_shows = ("events.eventpage", "events.eventindexpage", "projects.workinggrouppage")

    class Meta:
        icon = "pick"
        label = _("Featured event")
        template = "blocks/featured_event_block.html"
        group = GROUP_TEASERS
        description = _("One event shown large with image, date, place and teaser.")
        value_class = FeaturedEventValue
        preview_value = staticmethod(
            lambda: {"heading": "Save the date", "event": _preview_event()}
        )


def _preview_event():
    from .queries import preview_event

    return preview_event()
