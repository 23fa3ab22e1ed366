"""The news of the read-only API for partner sites: `/api/news/` (docs/api.md).

The list is the news index's: live news outside any view restriction
(`queries.public_news`, newest first), of the requested site and language, narrowed as
the index's filters narrow it (`queries.filter_news`: kind, topic, working group) and by
the news date (`from`, `to`). Only what the article shows to everybody is described:
never its press contact's details, revisions or owner.

A constant number of queries, however many news items: the page of items with images,
renditions and topics (`for_display`) and their working groups.
"""

from django.apps import apps
from taggit.models import Tag

from metropolregion import api
from metropolregion.listing import for_display
from metropolregion.site_urls import page_url
from metropolregion.topics import topic_name

from . import queries
from .choices import NewsKind

# Stable English names of the stored kinds.
KIND = {NewsKind.NACHRICHT: "news", NewsKind.PRESSEMITTEILUNG: "press_release"}
KIND_VALUES = {name: value for value, name in KIND.items()}


def working_group_pages():
    return apps.get_model("projects", "WorkingGroupPage").objects.all()


def read_filters(params):
    """{kind, topic slug, working group page, from, to} of the query string (ApiError if
    one cannot be used)."""
    kind = params.get("kind", "").strip()
    if kind and kind not in KIND_VALUES:
        raise api.ApiError("kind", f"Use one of: {', '.join(KIND_VALUES)}.")
    topic = api.read_slug(params, "topic").lower()
    if topic and not Tag.objects.filter(slug=topic).exists():
        raise api.ApiError("topic", f"There is no topic “{topic}”.")
    group = api.read_page_choice(params, "working_group", working_group_pages(), "working group")
    first, last = api.read_period(params)
    return {
        "kind": KIND_VALUES.get(kind),
        "topic": topic,
        "working_group": group,
        "from": first,
        "to": last,
    }


def find(request, filters):
    """The site's public news in the active language that the filters choose, newest
    first, with images and topics."""
    pages = api.site_pages(request, queries.public_news())
    pages = queries.filter_news(
        pages,
        kind=filters["kind"],
        tag=filters["topic"] or None,
        working_group=filters["working_group"],
    )
    if filters["from"] is not None:
        pages = pages.filter(date__gte=filters["from"])
    if filters["to"] is not None:
        pages = pages.filter(date__lte=filters["to"])
    return for_display(pages.select_related("locale"), topics=True)


def describe(item, request, groups):
    """One news item as the API gives it."""
    return {
        "id": item.pk,
        "title": item.title,
        "url": page_url(item, request),
        "date": item.date.isoformat(),
        "published_at": api.moment(item.published_at),
        "kind": KIND.get(item.kind, "news"),
        "kind_label": str(item.get_kind_display()),
        "teaser": item.teaser,
        "topics": api.topics_data(item.topics.all(), topic_name),
        "working_group": groups.get(item.working_group_id),
        "image": api.image_data(request, item.image),
    }


@api.endpoint("api")
def news(request):
    """`/api/news/`: the public news, newest first (docs/api.md)."""
    filters = read_filters(request.GET)
    limit, number = api.read_paging(request.GET)
    found, has_next = api.page_of(find(request, filters), limit, number)
    groups = api.working_groups(request, found)
    results = [describe(item, request, groups) for item in found]
    return api.json_response(request, api.paged(request, results, number, has_next))
