"""Site search over every page type in the reader's language (German or English stemming
on PostgreSQL), filter by type, promoted results; only live, public pages ever appear."""

import unicodedata
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from .listing import paginate, querystring_without
from .navigation import active_locale

MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class ResultType:
    key: str
    model: str
    label: str


# The `typ` filter: URL value, model, label.
RESULT_TYPES = [
    ResultType("seite", "metropolregion.StandardPage", _("Pages")),
    ResultType("projekt", "projects.ProjectPage", _("Projects")),
    ResultType("arbeitsgruppe", "projects.WorkingGroupPage", _("Working groups")),
    ResultType("news", "news.NewsPage", _("News and press")),
    ResultType("veranstaltung", "events.EventPage", _("Events")),
    ResultType("galerie", "galleries.GalleryPage", _("Galleries")),
]


def available_types():
    """The result types with their page models."""
    return [(result_type, apps.get_model(result_type.model)) for result_type in RESULT_TYPES]


def clean_query(text):
    """The query as every search backend takes it: no control characters (PostgreSQL
    refuses NUL) or unpaired surrogates, no double quotes (the SQLite backend puts each
    word in quotes unescaped, so FTS5 fails on them; the words are searched all the same),
    whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    text = "".join(
        " " if char == '"' or unicodedata.category(char) in ("Cc", "Cs") else char
        for char in text[: MAX_QUERY_LENGTH * 2]
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search_pages(query, model=None, locale=None):
    """Live, public pages matching `query` (of `model` if given) in `locale` (the active
    language's), best first; stemmed for that language (metropolregion.search_backend)."""
    pages = Page.objects.live().public().filter(locale=locale or active_locale())
    if model is not None:
        pages = pages.type(model)
    return pages.specific().search(query, operator="and")


def promoted_pages(query):
    """Pages editors promoted for this exact query (wagtail.contrib.search_promotions).

    Looked up, never stored: `Query.get()` would create a row for every new search term,
    keep what visitors searched for ever (the access logs leave search terms out on
    purpose) and, as a saved model, empty the page cache with every new term. Only the
    queries editors created with their promotions exist; no hits are counted."""
    picks = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query), page__live=True
    ).select_related("page")
    public = set(
        Page.objects.filter(pk__in=[p.page_id for p in picks]).public().values_list("pk", flat=True)
    )
    return [pick for pick in picks if pick.page_id in public]


def other_language_searches(query):
    """The same search in the site's other languages: (language code, name, URL) each."""
    current = translation.get_language()
    searches = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        name = translation.get_language_info(code)["name_translated"]
        with translation.override(code):
            url = reverse("search")
        searches.append((code, name, f"{url}?{urlencode({'q': query})}"))
    return searches


def search(request):
    """The search page: `?q=…&typ=…&page=…`."""
    query = clean_query(request.GET.get("q") or "")
    types = available_types()
    type_key = request.GET.get("typ") or ""
    active = next(((t, m) for t, m in types if t.key == type_key), None)
    unknown_type = bool(type_key) and active is None
    results = promotions = None
    if query:
        results = paginate(request, search_pages(query, active[1] if active else None), per_page=10)
        if results.number == 1 and active is None:
            promotions = promoted_pages(query)
    context = {
        "query": query,
        "types": [t for t, _m in types],
        "active_type": active[0] if active else None,
        "unknown_type": type_key if unknown_type else "",
        "results": results,
        "other_searches": other_language_searches(query) if query else [],
        "promotions": promotions or [],
        "pagination_query": querystring_without(request, "page"),
    }
    return render(request, "metropolregion/search.html", context)
