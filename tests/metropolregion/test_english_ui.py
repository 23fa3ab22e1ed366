"""The English portal speaks English around its content: no German string of the catalogue
in the chrome of any page type, its routes, the member pages, or the registration form's
errors (issue 16).

The pages are translated through wagtail-localize (`tests.factories.translations`) with
every segment made English ("In English"), so any German left on the page is the UI's:
a string of locale/de whose German differs from its English msgid, a German month or
weekday, or "Uhr". Only what is not a segment stays German on purpose (the venue's
address, names); it is no catalogue string.
"""

import datetime
import html.parser
import pathlib
import re

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import RequestFactory
from django.utils import translation
from django.views.csrf import csrf_failure
from django.views.defaults import server_error
from wagtail.models import Site

from metropolregion import errors
from metropolregion.site_settings import SiteSettings
from tests.factories import StandardPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory, berlin
from tests.factories.galleries import GalleryImageFactory, GalleryIndexPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import FeedbackFormPageFactory
from tests.factories.projects import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db

CATALOGUE = pathlib.Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{[^}]*\}\}|\{\w*\}")
SLUG = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*(-[a-z0-9]+)*")
# German that Django's own catalogue would bring (dates), and the German clock.
GERMAN_WORDS = [
    *["Januar", "Februar", "März", "Mai", "Juni", "Juli", "Oktober", "Dezember"],
    *["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Uhr"],
    *["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."],
]
NOW = berlin(2026, 11, 2, 12, 0)


def catalogue_german():
    """The German of every catalogue string that reads differently in English: the
    literal parts around its placeholders (four letters or more, so that "Ort" or "PLZ"
    never match inside an English word)."""
    fragments = set()
    for entry in polib.pofile(str(CATALOGUE)).translated_entries():
        if entry.msgstr == entry.msgid or entry.msgid_plural:
            continue
        for part in PLACEHOLDER.split(entry.msgstr):
            part = part.strip(" .,:;–-()„“”\"'")
            if len(part) >= 4 and part not in entry.msgid:
                fragments.add(part)
    return sorted(fragments, key=len, reverse=True)


GERMAN = catalogue_german()


class VisibleText(html.parser.HTMLParser):
    """The English text a person reads or hears: text nodes (not scripts or styles) and the
    attributes read out or shown (alt, title, aria-label, placeholder, content, a button's
    value), leaving out what is marked as another language (`lang="de"`: the language
    switcher)."""

    SPOKEN = {"alt", "title", "aria-label", "placeholder", "content"}
    BUTTONS = {"submit", "button", "reset"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__()
        self.parts, self.stack = [], []  # stack: (tag, leave out its text)

    def leaving_out(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang") or ""
        out = self.leaving_out() or tag in ("script", "style")
        out = out or (tag != "html" and bool(lang) and not lang.startswith("en"))
        if tag not in self.VOID:
            self.stack.append((tag, out))
        if not out:
            self.parts += [value for name, value in attrs.items() if name in self.SPOKEN]
            if attrs.get("type") in self.BUTTONS:
                self.parts.append(attrs.get("value"))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.leaving_out():
            self.parts.append(data)


def visible_text(markup):
    parser = VisibleText()
    parser.feed(markup)
    return " ".join(part for part in parser.parts if part)


def editors_texts():
    """What the site settings say (the association's name): editors' text, not the UI's."""
    found = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    return [found.organisation_name, found.short_name]


def german_in(markup):
    """The German UI strings (and dates) found in a page."""
    text = " ".join(visible_text(markup).split())
    for given in filter(None, editors_texts()):
        text = text.replace(given, " ")
    found = [part for part in GERMAN if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text)]
    found += [
        word for word in GERMAN_WORDS if re.search(rf"(?<![\w.]){re.escape(word)}(?!\w)", text)
    ]
    return found


def in_english(text):
    """Every segment in English: slugs get "-en", text becomes "In English" (the inline
    tags of rich text stay), addresses stay."""
    if SLUG.fullmatch(text):
        return f"{text}-en"
    if "@" in text or text.startswith(("http", "/", "+")) or text.isdigit():
        return text  # addresses and numbers stay
    parts = re.split(r"(<[^>]+>)", text)
    return "".join(p if p.startswith("<") or not p.strip() else "In English" for p in parts)


def english(page):
    return translate(page, in_english).instance


@pytest.fixture
def german_site(home_page, frozen):
    """One page of every type, in German."""
    frozen(NOW)
    pages = {"home": home_page}
    pages["standard"] = StandardPageFactory(parent=home_page, slug="ueber-uns")
    pages["feedback"] = FeedbackFormPageFactory(parent=home_page, slug="barrierefreiheit")
    pages["calendar"] = EventIndexPageFactory(parent=home_page)
    pages["event"] = EventPageFactory(
        parent=pages["calendar"],
        start=berlin(2026, 12, 1, 10, 0),
        end=berlin(2026, 12, 1, 16, 30),
        registration_mode="intern",
        capacity=20,
        price=50,
        member_price=30,
        ask_notes=True,
        ask_dietary_needs=True,
    )
    pages["news_index"] = NewsIndexPageFactory(parent=home_page)
    pages["news"] = NewsPageFactory(parent=pages["news_index"], date=datetime.date(2026, 10, 1))
    pages["projects"] = ProjectIndexPageFactory(parent=home_page)
    pages["project"] = ProjectPageFactory(parent=pages["projects"], logo=None)
    pages["groups"] = WorkingGroupIndexPageFactory(parent=home_page)
    pages["group"] = WorkingGroupPageFactory(parent=pages["groups"])
    pages["galleries"] = GalleryIndexPageFactory(parent=home_page)
    # The caption is the picture's, not a segment of the page: English from the start.
    pages["gallery"] = GalleryImageFactory(
        page__parent=pages["galleries"], caption="The river at dusk"
    ).page
    return pages


@pytest.fixture
def english_site(german_site):
    """The same pages translated into English (in order: parents first)."""
    return {name: english(page) for name, page in german_site.items()}


def test_the_english_catalogue_has_every_string_of_the_german_one():
    """locale/en is complete (its msgids are English, so its msgstr may stay empty) and
    compiled: `make messages` keeps both catalogues in step."""
    english = CATALOGUE.parent.parent.parent / "en" / "LC_MESSAGES"
    keys = lambda po: {(e.msgctxt, e.msgid) for e in po if not e.obsolete}  # noqa: E731
    missing = keys(polib.pofile(str(CATALOGUE))) - keys(polib.pofile(str(english / "django.po")))
    assert missing == set(), "run `make messages`"
    assert (english / "django.mo").exists()


def test_the_check_finds_german(german_site, client):
    """Control: the German pages show the catalogue's German, and the check sees it."""
    found = german_in(client.get(german_site["event"].url).content.decode())
    assert "Zum Inhalt springen" in found and "Uhr" in found and "Dezember" in found


def urls(site):
    event, calendar = site["event"], site["calendar"]
    return [
        *(page.url for page in site.values()),
        calendar.url + "archiv/",
        calendar.url + "monat/2026/12/",
        event.url + "anmeldung/",
        event.url + "abmelden/?code=invalid",
        "/en/suche/?q=English",
        "/en/suche/?q=nothing-at-all",
        "/en/konto/anmelden/",
        "/en/konto/passwort-vergessen/",
        "/en/does-not-exist/",
    ]


def test_every_page_type_in_english_has_no_german_chrome(english_site, client):
    leaks = {}
    for url in urls(english_site):
        assert url.startswith("/en/"), url
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        markup = response.content.decode()
        assert '<html lang="en"' in markup, url
        if found := german_in(markup):
            leaks[url] = found
    assert leaks == {}


def test_the_member_area_in_english(english_site, client):
    user = User.objects.create_user("erika", "erika@example.org", "x", first_name="Erika")
    client.force_login(user)
    response = client.get("/en/konto/")
    assert response.status_code == 200
    assert german_in(response.content.decode()) == []


def test_registration_form_errors_in_english(english_site, client):
    url = english_site["event"].url + "anmeldung/"
    response = client.post(url, {"name": "", "email": "not an address"})
    assert response.status_code == 200
    markup = response.content.decode()
    assert response.context["form"].errors.keys() >= {"name", "email", "consent"}
    assert german_in(markup) == []
    assert "Dieses Feld" not in markup and "gültige" not in markup


def test_registration_landing_in_english(english_site, client):
    url = english_site["event"].url + "anmeldung/"
    response = client.post(
        url, {"name": "Ada Lovelace", "email": "ada@example.org", "consent": "on"}
    )
    assert response.status_code == 200
    assert response.context["landing"] == "confirmed"
    assert german_in(response.content.decode()) == []


def test_feedback_form_errors_in_english(english_site, client):
    response = client.post(english_site["feedback"].url, {"barrier": "", "page_url": ""})
    assert response.context["form"].errors
    assert german_in(response.content.decode()) == []


def test_the_event_date_in_english_and_german(german_site, english_site, client):
    assert (
        "Tue, 1 December 2026, 10:00–16:30 CET"
        in client.get(english_site["event"].url).content.decode()
    )
    assert (
        "Di., 1. Dezember 2026, 10:00–16:30 Uhr"
        in client.get(german_site["event"].url).content.decode()
    )


def test_the_plain_error_pages_follow_the_address():
    """400 and 413 take the language from the path (the 413 comes before the language is
    chosen); the CSRF and 500 pages from the request's language."""
    english, german = RequestFactory().get("/en/suche/"), RequestFactory().get("/suche/")
    for view in (errors.bad_request, errors.request_too_large):
        markup = view(english).content.decode()
        assert '<html lang="en">' in markup and 'href="/en/"' in markup
        assert german_in(markup) == []
        assert '<html lang="de">' in view(german).content.decode()
    with translation.override("en"):
        pages = [csrf_failure(english, reason="test"), server_error(english)]
    for response in pages:
        markup = response.content.decode()
        assert '<html lang="en">' in markup
        assert german_in(markup) == []
