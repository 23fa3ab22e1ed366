"""Helpers for index pages: pagination that never fails on bad input, and query strings
that keep the active filters when moving between pages."""

from django.core.paginator import Paginator
from django.http import QueryDict


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
