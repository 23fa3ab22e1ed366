"""The filters of the project list: `?thema=<tag slug>&status=laufend|abgeschlossen`.

Plain functions, tested without HTTP. Unknown values never fail: they are ignored, and
the list says which value it did not know.
"""

from dataclasses import dataclass, field
from urllib.parse import quote

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from metropolregion.listing import shown_value

TOPIC_PARAM = "thema"
STATUS_PARAM = "status"


@dataclass(frozen=True)
class ActiveFilter:
    """A filter in use, with the address of the same list without it."""

    label: str
    value: str
    remove_url: str


@dataclass(frozen=True)
class ProjectFilter:
    topic: object = None  # a taggit Tag
    status: str = ""
    status_label: str = ""
    unknown_topic: str = ""
    unknown_status: str = ""
    active: list[ActiveFilter] = field(default_factory=list)

    @property
    def is_active(self):
        return bool(self.topic or self.status)


def read_filter(params, topics, statuses, base_url=""):
    """The filter asked for by the query `params`, checked against the offered `topics`
    (Tags) and `statuses` ((value, label) pairs). `base_url` is the list's address, for
    the links that remove a filter."""
    topic_slug = (params.get(TOPIC_PARAM) or "").strip().lower()
    status_value = (params.get(STATUS_PARAM) or "").strip().lower()
    topic = next((tag for tag in topics if tag.slug == topic_slug), None)
    status_labels = dict(statuses)
    status = status_value if status_value in status_labels else ""
    active = []
    if topic is not None:
        active.append(
            ActiveFilter(_("Topic"), topic.name, _url_without(base_url, params, TOPIC_PARAM))
        )
    if status:
        active.append(
            ActiveFilter(
                _("Status"),
                status_labels[status],
                _url_without(base_url, params, STATUS_PARAM),
            )
        )
    return ProjectFilter(
        topic=topic,
        status=status,
        status_label=status_labels.get(status, ""),
        unknown_topic=shown_value(topic_slug) if topic_slug and topic is None else "",
        unknown_status=shown_value(status_value) if status_value and not status else "",
        active=active,
    )


def apply_filter(projects, project_filter):
    """Narrow a ProjectPage queryset to the filter."""
    if project_filter.topic is not None:
        projects = projects.filter(tagged_topics__tag=project_filter.topic)
    if project_filter.status:
        projects = projects.filter(status=project_filter.status)
    return projects


def topic_url(index_url, slug):
    """The project list filtered by one topic."""
    return f"{index_url}?{TOPIC_PARAM}={quote(slug)}"


def _url_without(base_url, params, name):
    query = QueryDict(mutable=True)
    for key, values in params.lists():
        if key not in (name, "page") and any(values):
            query.setlist(key, values)
    encoded = query.urlencode()
    return f"{base_url}?{encoded}" if encoded else base_url
