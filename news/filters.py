"""The filters of the news index: `?art=nachricht|pressemitteilung&thema=<tag slug>`,
declared once for `metropolregion.filters` (which reads them, and whose template component
shows them). Values are read as typed (not folded to lower case), as they always were."""

from django.utils.translation import gettext_lazy as _

from metropolregion.filters import Filter, FilterSet
from metropolregion.topics import topic_name

from . import queries
from .choices import NewsKind

NEWS_FILTERS = FilterSet(
    "news",
    Filter(
        "kind",
        "art",
        _("Kind"),
        all_label=_("All kinds"),
        unknown=_("There is no kind “%(value)s”; news items of every kind are shown."),
        choices=NewsKind,
        narrow=lambda news, kind: queries.filter_news(news, kind=kind),
        lowercase=False,
    ),
    Filter(
        "topic",
        "thema",
        _("Topic"),
        all_label=_("All topics"),
        label_attr=topic_name,
        unknown=_("There are no news items on the topic “%(value)s”; every topic is shown."),
        choices=queries.topics,
        narrow=lambda news, tag: queries.filter_news(news, tag=tag.slug),
        lowercase=False,
    ),
    label=_("Filter news"),
)
