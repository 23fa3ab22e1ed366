"""The calendar's filters as read from a query string: `?thema=<tag slug>`,
`?gruppe=<working group slug>`, `?format=vor-ort|online|hybrid`,
`?veranstalter=eigene|extern`.

Plain functions, tested without HTTP. An unknown value never fails: it is dropped and the
page says which value it did not know, so a shared link that has gone stale still works.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from metropolregion.listing import shown_value

from .choices import EventFormat, Organiser
from .queries import filter_events

PARAMS = ("thema", "gruppe", "format", "veranstalter")


@dataclass
class EventFilters:
    tag: object = None  # a taggit Tag
    group: object = None  # a WorkingGroupPage
    event_format: str = ""
    organiser: str = ""
    notices: list[str] = field(default_factory=list)

    @property
    def active(self):
        return bool(self.tag or self.group or self.event_format or self.organiser)

    @property
    def labels(self):
        """The active filters as short labels for headings."""
        labels = []
        if self.tag:
            labels.append(self.tag.name)
        if self.group:
            labels.append(self.group.title)
        if self.event_format:
            labels.append(str(EventFormat(self.event_format).label))
        if self.organiser:
            labels.append(str(Organiser(self.organiser).label))
        return labels

    def apply(self, pages):
        own = None
        if self.organiser:
            own = self.organiser == Organiser.OWN
        return filter_events(
            pages,
            tag=self.tag.slug if self.tag else None,
            working_group=self.group,
            event_format=self.event_format or None,
            own=own,
        )


def read_filters(params, topics, groups):
    """The filters asked for by `params`, checked against the offered `topics` (Tags) and
    `groups` (WorkingGroupPages)."""
    filters = EventFilters()

    slug = _value(params, "thema")
    if slug:
        filters.tag = next((tag for tag in topics if tag.slug == slug), None)
        if filters.tag is None:
            filters.notices.append(
                _("There are no events on the topic “%(value)s”; every topic is shown.")
                % {"value": shown_value(slug)}
            )
    slug = _value(params, "gruppe")
    if slug:
        filters.group = next((group for group in groups if group.slug == slug), None)
        if filters.group is None:
            filters.notices.append(
                _("There is no working group “%(value)s” in the calendar; all are shown.")
                % {"value": shown_value(slug)}
            )
    value = _value(params, "format")
    if value in EventFormat.values:
        filters.event_format = value
    elif value:
        filters.notices.append(
            _("There is no format “%(value)s”; events of every format are shown.")
            % {"value": shown_value(value)}
        )
    value = _value(params, "veranstalter")
    if value in Organiser.values:
        filters.organiser = value
    elif value:
        filters.notices.append(
            _("There is no organiser choice “%(value)s”; all events are shown.")
            % {"value": shown_value(value)}
        )
    return filters


def _value(params, name):
    return (params.get(name) or "").strip().lower()
