"""Helpers for index pages: pagination that never fails on bad input, query strings that
keep the active filters when moving between pages, bulk loading of the images and tags a
list shows, and filter values as notices repeat them."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import QueryDict
from wagtail.images import get_image_model


def paginate(request, items, per_page=12):
    """The requested page of `items`; a missing, malformed or too large page number
    gives the nearest valid page instead of an error."""
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get("page"))


def querystring_without(request, *names):
    """The request's query string without the given parameters, ready to append "&…"."""
    query = QueryDict(mutable=True)
    for key, values in request.GET.lists():
        if key not in names:
            query.setlist(key, values)
    return query.urlencode()


def for_display(pages, images=True, topics=False):
    """Pages (with an `image` field and, if `topics`, a `topics` manager) ready for a list:
    the images with their renditions in two queries, the topics in one, however many pages."""
    if topics:
        pages = pages.prefetch_related("topics")
    if images:
        renditions = get_image_model().get_rendition_model().objects.all()
        pages = pages.select_related("image").prefetch_related(
            Prefetch("image__renditions", queryset=renditions)
        )
    return pages


def shown_value(value, limit=60):
    """A filter value as a notice repeats it: short, so that a long URL cannot flood it."""
    return value if len(value) <= limit else value[: limit - 1] + "…"
