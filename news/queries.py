"""Which news a visitor sees, and how the index's filters read a query string.

Every list of news here holds only live pages outside any view restriction, newest first,
and loads its images (with their renditions) and, where shown, its tags in bulk: the number
of queries does not depend on how many news items are shown. Used by the news index, the feeds, the home
page's news block and the working groups' hub.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _
from taggit.models import Tag

from metropolregion.listing import for_display
from metropolregion.perf import public

from .choices import NewsKind
from .models import NewsIndexPage, NewsPage

# A year outside this range is not an archive year (and would not fit a date).
FIRST_YEAR, LAST_YEAR = 1990, 2100


def public_news(index=None, locale=None):
    """Live, public news pages (below `index`, in `locale` if given), newest first."""
    pages = public(NewsPage.objects.live())
    if index is not None:
        pages = pages.descendant_of(index)
    if locale is not None:
        pages = pages.filter(locale_id=getattr(locale, "pk", locale))
    return pages.order_by("-date", "-pk")


def find_index(locale=None):
    """The first live news index (in `locale` if given): where "all news" links lead."""
    indexes = NewsIndexPage.objects.live().order_by("path")
    if locale is not None:
        indexes = indexes.filter(locale_id=getattr(locale, "pk", locale))
    return indexes.first()


def filter_news(pages, kind=None, tag=None, working_group=None, year=None):
    """Narrow `pages` to one kind, one tag (slug), one working group (page or id), one year."""
    if kind:
        pages = pages.filter(kind=kind)
    if tag:
        pages = pages.filter(tags__slug=tag)
    if working_group is not None:
        pages = pages.filter(working_group_id=getattr(working_group, "pk", working_group))
    if year is not None:
        pages = pages.filter(date__year=year)
    return pages


def latest_news(
    limit,
    kind=None,
    tag=None,
    working_group=None,
    *,
    index=None,
    locale=None,
    images=True,
    tags=False,
):
    """The `limit` newest live, public news items, optionally of one kind, tag (slug) or
    working group, below one news index or in one locale; with their images (and tags)."""
    pages = filter_news(public_news(index, locale), kind=kind, tag=tag, working_group=working_group)
    return list(for_display(pages, images=images, tags=tags)[:limit])


def related_news(page, limit=3, index=None, tags=None):
    """Up to `limit` other news items sharing a tag or the working group with `page`
    (`tags`: the page's tags, if already loaded)."""
    tag_ids = [tag.pk for tag in (page.tags.all() if tags is None else tags)]
    condition = Q(pk__in=[])
    if tag_ids:
        condition |= Q(tags__in=tag_ids)
    if page.working_group_id:
        condition |= Q(working_group_id=page.working_group_id)
    if not tag_ids and not page.working_group_id:
        return []
    matching = NewsPage.objects.filter(condition).values("pk")
    pages = public_news(index).exclude(pk=page.pk).filter(pk__in=matching)
    return list(for_display(pages)[:limit])


def topics(pages):
    """The tags used by `pages`, by name."""
    return list(
        Tag.objects.filter(news_newspagetag_items__content_object__in=pages.values("pk"))
        .distinct()
        .order_by("name")
    )


def years(pages):
    """The years in which `pages` have news, newest first."""
    return [day.year for day in pages.dates("date", "year", order="DESC")]


@dataclass
class NewsFilters:
    """The index's filters as read from a query string; unknown values are dropped and
    explained in `notices` instead of causing an error."""

    kind: str = ""
    tag: Tag | None = None
    notices: list[str] = field(default_factory=list)

    @property
    def active(self):
        return bool(self.kind or self.tag)

    @property
    def kind_label(self):
        return NewsKind(self.kind).label if self.kind else ""

    def apply(self, pages):
        return filter_news(pages, kind=self.kind, tag=self.tag.slug if self.tag else None)


def read_filters(params, available_tags):
    """Read `?art=` (kind) and `?thema=` (tag slug, one of `available_tags`)."""
    filters = NewsFilters()
    kind = (params.get("art") or "").strip()
    if kind in NewsKind.values:
        filters.kind = kind
    elif kind:
        filters.notices.append(
            _("There is no kind “%(value)s”; news items of every kind are shown.")
            % {"value": kind[:50]}
        )
    slug = (params.get("thema") or "").strip()
    if slug:
        filters.tag = next((tag for tag in available_tags if tag.slug == slug), None)
        if filters.tag is None:
            filters.notices.append(
                _("There are no news items on the topic “%(value)s”; every topic is shown.")
                % {"value": slug[:50]}
            )
    return filters


def valid_year(year):
    return FIRST_YEAR <= year <= LAST_YEAR
