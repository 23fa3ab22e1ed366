"""The calendar's filters: `?thema=<tag slug>`, `?gruppe=<working group slug>`,
`?format=vor-ort|online|hybrid`, `?veranstalter=eigene|extern`, declared once for
`metropolregion.filters` (which reads them, and whose template component shows them)."""

from django.utils.translation import gettext_lazy as _

from metropolregion.filters import Filter, FilterSet
from metropolregion.topics import topic_name

from . import queries
from .choices import EventFormat, Organiser

EVENT_FILTERS = FilterSet(
    "events",
    Filter(
        "topic",
        "thema",
        _("Topic"),
        all_label=_("All topics"),
        label_attr=topic_name,
        unknown=_("There are no events on the topic “%(value)s”; every topic is shown."),
        choices=queries.topics,
        narrow=lambda pages, tag: queries.filter_events(pages, tag=tag.slug),
    ),
    Filter(
        "group",
        "gruppe",
        _("Working group"),
        all_label=_("All working groups"),
        unknown=_("There is no working group “%(value)s” in the calendar; all are shown."),
        choices=queries.working_groups,
        narrow=lambda pages, group: queries.filter_events(pages, working_group=group),
        label_attr="title",
    ),
    Filter(
        "format",
        "format",
        _("Format"),
        all_label=_("All formats"),
        unknown=_("There is no format “%(value)s”; events of every format are shown."),
        choices=EventFormat,
        narrow=lambda pages, event_format: queries.filter_events(pages, event_format=event_format),
    ),
    Filter(
        "organiser",
        "veranstalter",
        _("Organiser"),
        all_label=_("All organisers"),
        unknown=_("There is no organiser choice “%(value)s”; all events are shown."),
        choices=Organiser,
        narrow=lambda pages, organiser: queries.filter_events(
            pages, own=organiser == Organiser.OWN
        ),
    ),
    label=_("Filter events"),
)
PARAMS = EVENT_FILTERS.params


def read_filters(params, topics, groups):
    """The filters asked for by `params`, checked against the offered `topics` (Tags) and
    `groups` (WorkingGroupPages), which the calendar has loaded already."""
    return EVENT_FILTERS.read(params, offered={"topic": topics, "group": groups})
