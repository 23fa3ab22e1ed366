"""Menus and breadcrumbs: resolve editor-defined links for the current request and language.

Kept out of the template tags so it can be tested and reused (sitemaps, the search view).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page


@dataclass(frozen=True)
class MenuLink:
    href: str
    text: str
    current: bool = False
    ancestor: bool = False
    # A page in another language than the reader's (no translation yet): its language
    # code and name ("German"), for `hreflang`, `lang` and the hint after the text.
    language: str = ""
    language_name: str = ""


_locales_by_language: dict[str, Locale] = {}


def active_locale(request=None):
    """The Locale of the active language.

    Locales are created once and never change their language, so they are kept in memory
    per process instead of being looked up on every request (see `signals.py`).
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    locale = _locales_by_language.get(language)
    if locale is None:
        locale = Locale.get_active()
        _locales_by_language[language] = locale
    return locale


def default_locale():
    """The Locale of the site's first language (German), kept like `active_locale`'s."""
    with translation.override(settings.LANGUAGE_CODE):
        return active_locale()


def in_first_language(page):
    """`page` in the site's first language (German), else `page` itself (no query when it
    is in that language): what registrations and staff mails belong to."""
    first = default_locale()
    if page.locale_id == first.pk:
        return page
    return page.get_translation_or_none(first) or page


def reader_language():
    """The language code the reader reads ("de", "en"), without a query."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def reading_first_language():
    """Whether the reader reads the site's first language (German), without a query."""
    return reader_language() == settings.LANGUAGE_CODE.split("-")[0]


def page_language(page):
    """The language code of `page`'s locale (no query for the active or first language)."""
    for locale in (active_locale(), default_locale()):
        if page.locale_id == locale.pk:
            return locale.language_code
    return page.locale.language_code


def link_hint(page):
    """(hreflang, hint) for a link to `page` from content in the active language: both
    empty when the page is in that language, else its language code and "German" in the
    reader's language (shown in brackets after the link text)."""
    if page is None or page.locale_id == active_locale().id:
        return "", ""
    code = page_language(page)
    return code, translation.get_language_info(code)["name_translated"]


def forget_locales(**kwargs):
    _locales_by_language.clear()


def localize_pages(pages, request, queryset=None):
    """Map each page to its live translation in the active language, in one query (none
    when every page is in that language). `queryset`: where the translations come from
    (a model's live pages, for its fields); by default the few fields a link needs."""
    locale = active_locale(request)
    foreign = {page.translation_key for page in pages if page.locale_id != locale.id}
    translations = {}
    if foreign:
        if queryset is None:
            queryset = Page.objects.live().only(
                "id", "title", "url_path", "translation_key", "locale_id", "path", "depth", "live"
            )
        translations = {
            page.translation_key: page
            for page in queryset.filter(locale=locale, translation_key__in=foreign)
        }
    return [translations.get(page.translation_key, page) for page in pages]


def menu_links(stream_value, request):
    """Turn a menu StreamField (link blocks) into MenuLinks with the current page marked."""
    entries = [child.value for child in stream_value if child.block_type == "link"]
    path = request.path
    links = []
    for entry in entries:
        language = name = ""
        # The page in the reader's language: LinkBlock localizes a menu's pages at once.
        page = entry.target if entry.get("page") is not None else None
        if page is not None:
            if not page.live:
                continue
            href = page.get_url(request) or ""
            # The label is written in the chosen page's language: for its translation
            # (an English reader), the translated title instead.
            label = entry.get("label") if page.pk == entry["page"].pk else ""
            text = label or page.title
            language, name = link_hint(page)
        else:
            href, text = entry.get("url") or "", entry.get("label") or entry.get("url")
        if not href:
            continue
        current = href == path
        ancestor = (
            not current and href not in ("/", "") and path.startswith(href) and href.endswith("/")
        )
        links.append(
            MenuLink(
                href=href,
                text=text,
                current=current,
                ancestor=ancestor,
                language=language,
                language_name=name,
            )
        )
    return links


def breadcrumb_ancestors(page):
    """The pages between the site's home page and `page`, home first."""
    return list(
        page.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path", "path", "depth")
    )


def privacy_url(request):
    """The privacy notice ("Datenschutz") of the site in the reader's language (the German
    one where it has no translation), if it has one (linked from the consent of every
    public form)."""
    page = Page.objects.live().filter(slug="datenschutz").order_by("depth", "path").first()
    if page is None:
        return ""
    return localize_pages([page], request)[0].get_url(request)
