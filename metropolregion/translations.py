"""A page in the site's other languages: the language switcher, `hreflang` alternates, the
sitemap and links from one language's content to a page that has no translation in it.

Rules
- A translation counts when it is live and public (outside any view restriction): drafts
  and members' pages are never offered to a reader who cannot open them, nor to search
  engines. One query finds all translations of a page (`translations_of`); it is kept on
  the request, so the switcher and the alternates in <head> share it.
- The switcher leads to the same page in the other language, else to that language's home
  page. A RoutablePage's sub-route (/termine/monat/2026/5/) keeps its route below the
  translated page; a view outside the page tree (search, account pages) is reversed in the
  other language by Django (`translate_url`, with its query string: /suche/?q=…).
- Alternates are listed when a page exists in two or more languages, with `x-default` for
  the German page (the site's default language); a single self-reference tells a search
  engine nothing.

Links to a page without a translation (why a hint on the link, not a notice on the page)
A page chooser in English content keeps pointing at the German page until the page is
translated (wagtail-localize localizes page references at runtime, as Wagtail's rich text
does with `page.localized`). Such a link leads to the German page and says so where the
reader decides to follow it: `hreflang="de"` and a visible "(German)" inside the link
(`link_hint`). The alternative, a notice on the German page for readers "coming from
English", needs a marker on the request: a cookie (anonymous readers get none), the
Referer (absent with many privacy settings, and the full-page cache keys on the URL only,
so the first visitor's notice would be served to everybody) or a query parameter (lost on
every further click, and a second cached copy of each German page). The hint is part of
the English page itself: cached with it, correct without cookies, and gone as soon as the
translation is published (publishing empties the page cache, metropolregion/cache.py).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Page

from .navigation import active_locale, link_hint, localize_pages
from .privacy import public

# The `x-default` alternate (for readers of any other language): the German page.
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE

_REQUEST_CACHE = "_metropolregion_translations"


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher."""

    code: str
    name: str
    href: str
    current: bool


def languages():
    return [code for code, _name in settings.LANGUAGES]


def translations_query(translation_keys):
    """Live, public pages of these translation keys in every language (one query)."""
    return (
        public(Page.objects.live())
        .filter(translation_key__in=translation_keys)
        .select_related("locale")
        .only(
            "id", "title", "url_path", "path", "depth", "translation_key", "locale__language_code"
        )
    )


def translations_of(page, request=None):
    """{language code: page} of `page` and its live, public translations, in one query
    (kept on the request). An unsaved page (a preview of a new page) has none."""
    if page is None or page.pk is None:
        return {}
    cache = getattr(request, _REQUEST_CACHE, None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            setattr(request, _REQUEST_CACHE, cache)
    if page.pk not in cache:
        cache[page.pk] = {
            found.locale.language_code: found
            for found in translations_query([page.translation_key])
        }
    return cache[page.pk]


def home_path(language):
    """The home page's address in `language` ("/", "/en/"); no query."""
    with translation.override(language):
        return reverse("wagtail_serve", args=("",))


def _route_remainder(page, request):
    """The part of the request's path below `page` (a RoutablePage's sub-route), or ""."""
    url = page.get_url(request) or ""
    path = request.path
    if url.startswith("/") and url.endswith("/") and path.startswith(url):
        return path[len(url) :]
    return ""


def _page_target(page, language, request):
    found = translations_of(page, request).get(language)
    if found is None:
        return home_path(language)
    return (found.get_url(request) or home_path(language)) + _route_remainder(page, request)


def _view_target(language, request):
    """A view outside the page tree at its address in `language`; the home page for a
    page address without a page (a 404)."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name == "wagtail_serve":
        return home_path(language)
    return translate_url(request.get_full_path(), language)


def language_links(request, page=None):
    """The switcher's entries, in the order of settings.LANGUAGES."""
    current = translation.get_language() or DEFAULT_LANGUAGE
    links = []
    for code in languages():
        if code == current:
            href = request.get_full_path() if request is not None else home_path(code)
        elif request is None:
            href = home_path(code)
        elif page is not None and getattr(page, "pk", None) is not None:
            href = _page_target(page, code, request)
        else:
            href = _view_target(code, request)
        # Each language in its own name, read in its own `lang`: a German reader looking
        # for English looks for "English" (Django's `name_local`).
        name = translation.get_language_info(code)["name_local"]
        links.append(LanguageLink(code, name, href, code == current))
    return links


def alternates(page, request=None):
    """[(hreflang, page)] for the alternates of `page`: every language it exists in and
    `x-default` (the German page), or [] when it exists in one language only or is not
    itself live and public (a preview has none)."""
    if getattr(request, "is_preview", False):
        return []
    found = translations_of(page, request)
    if page.pk not in {p.pk for p in found.values()}:
        return []
    return alternate_pairs(found)


def alternate_pairs(versions):
    """[(hreflang, page)] of `versions` ({language code: page}) in the order of
    settings.LANGUAGES, then `x-default` (the German page); [] for fewer than two."""
    if len(versions) < 2:
        return []
    pairs = [(code, versions[code]) for code in languages() if code in versions]
    if DEFAULT_LANGUAGE in versions:
        pairs.append(("x-default", versions[DEFAULT_LANGUAGE]))
    return pairs


# -- links from one language's content to pages of another --


def rich_text_link_tags(ids):
    """The opening <a> tags of rich-text page links to the pages `ids`: to each page's live
    translation in the reader's language (one query for all links of a text, where
    Wagtail's handler asks once per link), else to the page itself, marked with `hreflang`
    and its language. Rich text rewrites only the opening tag of a link, so the hint comes
    first in the link: "(German) About us". Used by the handler in wagtail_hooks.py."""
    by_id = {str(p.pk): p for p in Page.objects.filter(id__in=ids).select_related("locale")}
    pages = [by_id.get(str(id_)) for id_ in ids]
    targets = iter(localize_pages([page for page in pages if page is not None], None))
    tags = []
    for page in pages:
        if page is None:
            tags.append("<a>")
            continue
        target = next(targets)
        code, name = link_hint(target)
        if code:
            tags.append(
                format_html(
                    '<a href="{}" hreflang="{}"><span class="link-language">({})</span> ',
                    target.url,
                    code,
                    name,
                )
            )
        else:
            tags.append(format_html('<a href="{}">', target.url))
    return tags


# -- lists: only items in the reader's language --


def chosen_in_active_language(pages, ids):
    """The pages `ids` (chosen in a block, or a foreign key: wagtail-localize keeps those
    pointing at the German page) as `pages` has them in the reader's language, in the order
    of `ids`: each page itself or its translation; pages without one are left out (English
    lists show English items only). One query: the chosen id is a subquery."""
    if not ids:
        return []
    chosen = Page.objects.filter(pk__in=ids, translation_key=OuterRef("translation_key"))
    found = {
        page.chosen_id: page
        for page in pages.filter(locale=active_locale())
        .annotate(chosen_id=Subquery(chosen.values("pk")[:1]))
        .exclude(chosen_id=None)
    }
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


def chosen_one_in_active_language(pages, pk):
    """The page `pk` as `pages` has it in the reader's language, or None."""
    found = chosen_in_active_language(pages, [pk])
    return found[0] if found else None


def live_page_in_active_language(pk):
    """The page `pk` (a foreign key's target: wagtail-localize keeps it pointing at the
    German page) or its translation in the reader's language, if it is live and public;
    else None."""
    return chosen_one_in_active_language(public(Page.objects.live()), pk)


def same_page(field, page):
    """A filter on the page-valued `field` that matches `page` in any language, for the
    items in `page`'s language: their foreign key may still point at the German page."""
    return Q(**{f"{field}__translation_key": page.translation_key, "locale_id": page.locale_id})


def group_filter(field, value):
    """A filter on the page-valued `field` that matches the page `value` (a page or its id)
    in any of its languages; the list it narrows is in one language already."""
    key = getattr(value, "translation_key", None)
    if key is not None:
        return Q(**{f"{field}__translation_key": key})
    keys = Page.objects.filter(pk=getattr(value, "pk", value)).values("translation_key")
    return Q(**{f"{field}__translation_key__in": keys})
