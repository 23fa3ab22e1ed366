"""Which news a visitor sees (the index's filters are declared in `news.filters`).

Every list of news here holds only live pages outside any view restriction, newest first,
and loads its images (with their renditions) and, where shown, its tags in bulk: the number
of queries does not depend on how many news items are shown. Used by the news index, the feeds, the home
page's news block and the working groups' hub.
"""

from django.apps import apps
from django.db.models import Q
from taggit.models import Tag

from metropolregion.listing import for_display
from metropolregion.privacy import public
from metropolregion.translations import group_filter


def _model(name):
    # The page models call these functions (listing, feeds, related news), so they are
    # looked up in the app registry instead of imported: no import cycle.
    return apps.get_model("news", name)


# A year outside this range is not an archive year (and would not fit a date).
FIRST_YEAR, LAST_YEAR = 1990, 2100


def public_news(index=None, locale=None):
    """Live, public news pages (below `index`, in `locale` if given), newest first."""
    pages = public(_model("NewsPage").objects.live())
    if index is not None:
        pages = pages.descendant_of(index)
    if locale is not None:
        pages = pages.filter(locale_id=getattr(locale, "pk", locale))
    return pages.order_by("-date", "-pk")


def find_index(locale=None):
    """The first live news index (in `locale` if given): where "all news" links lead."""
    indexes = _model("NewsIndexPage").objects.live().order_by("path")
    if locale is not None:
        indexes = indexes.filter(locale_id=getattr(locale, "pk", locale))
    return indexes.first()


def filter_news(pages, kind=None, tag=None, working_group=None, year=None):
    """Narrow `pages` to one kind, one tag (slug), one working group (page or id), one year."""
    if kind:
        pages = pages.filter(kind=kind)
    if tag:
        pages = pages.filter(topics__slug=tag)
    if working_group is not None:
        pages = pages.filter(group_filter("working_group", working_group))
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
    topics=False,
):
    """The `limit` newest live, public news items, optionally of one kind, tag (slug) or
    working group, below one news index or in one locale (else, for a working group, in the
    group's language); with their images (and topics)."""
    if index is None and locale is None and working_group is not None:
        locale = getattr(working_group, "locale_id", None)
    pages = filter_news(public_news(index, locale), kind=kind, tag=tag, working_group=working_group)
    return list(for_display(pages, images=images, topics=topics)[:limit])


def related_news(page, limit=3, index=None, topics=None):
    """Up to `limit` other news items sharing a tag or the working group with `page`
    (`topics`: the page's topics, if already loaded)."""
    tag_ids = [tag.pk for tag in (page.topics.all() if topics is None else topics)]
    condition = Q(pk__in=[])
    if tag_ids:
        condition |= Q(topics__in=tag_ids)
    if page.working_group_id:
        condition |= Q(working_group_id=page.working_group_id)
    if not tag_ids and not page.working_group_id:
        return []
    matching = _model("NewsPage").objects.filter(condition).values("pk")
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


def valid_year(year):
    return FIRST_YEAR <= year <= LAST_YEAR
