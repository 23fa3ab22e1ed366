"""The filters of the project list: `?thema=<tag slug>&status=laufend|abgeschlossen`,
declared once for `metropolregion.filters` (which reads them, and whose template component
shows them)."""

from urllib.parse import quote

from django.utils.translation import gettext_lazy as _

from metropolregion.filters import Filter, FilterSet
from metropolregion.topics import topic_name

from . import queries
from .choices import ProjectStatus

TOPIC_PARAM = "thema"

PROJECT_FILTERS = FilterSet(
    "projects",
    Filter(
        "topic",
        TOPIC_PARAM,
        _("Topic"),
        all_label=_("All topics"),
        label_attr=topic_name,
        unknown=_("There is no topic “%(value)s”; projects on all topics are shown."),
        choices=lambda projects: queries.by_name(queries.project_topics(projects)),
        narrow=lambda projects, tag: projects.filter(tagged_topics__tag=tag),
    ),
    Filter(
        "status",
        "status",
        _("Status"),
        all_label=_("Any status"),
        unknown=_("There is no status “%(value)s”; projects with any status are shown."),
        choices=ProjectStatus,
        narrow=lambda projects, status: projects.filter(status=status),
    ),
    label=_("Filter projects"),
    submit_label=_("Show projects"),
)


def topic_url(index_url, slug):
    """The project list filtered by one topic."""
    return f"{index_url}?{TOPIC_PARAM}={quote(slug)}"
