"""The embeddable list (`/einbetten/termine/`): its own small page with the API's filters,
links that open the portal in a new tab, valid HTML; framable by exactly the configured
partner origins (CSP frame-ancestors, no X-Frame-Options), while every other page keeps
`frame-ancestors 'none'` and X-Frame-Options DENY; no cookie. And the setting
EMBED_FRAME_ANCESTORS accepts origins only."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings

from metropolregion.settings.api import parse_origins
from tests import html_validator
from tests.factories.events import EventPageFactory, berlin
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db

URL = "/einbetten/termine/"
PARTNERS = ["https://www.leipzig.de", "https://www.halle.de:8443"]


def frame_ancestors(response):
    policy = response["Content-Security-Policy"]
    found = re.search(r"frame-ancestors ([^;]*)", policy)
    return found.group(1).split() if found else None


@pytest.fixture
def events(calendar_page, group):
    EventPageFactory(
        parent=calendar_page,
        title="Wasserstoffforum",
        slug="forum",
        start=berlin(2025, 6, 24, 10, 0),
        topics=["Wasserstoff"],
        working_group=group,
    )
    EventPageFactory(
        parent=calendar_page,
        title="Abgesagte Messe",
        slug="messe",
        start=berlin(2025, 7, 1, 0, 0),
        end=berlin(2025, 7, 2, 0, 0),
        all_day=True,
        status="abgesagt",
        format="online",
        city="",
    )
    EventPageFactory(parent=calendar_page, title="Vorbei", start=berlin(2025, 5, 1, 10, 0))


def test_the_list_opens_the_portal_in_a_new_tab(client, events):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "<title>Nächste Termine – Metropolregion Mitteldeutschland</title>" in html
    assert '<ol class="embed__list">' in html
    assert html.count('class="embed__item') == 2 and "Vorbei" not in html
    assert (
        '<a href="http://testserver/termine/forum/" target="_blank" rel="noopener">Wasserstoffforum'
    ) in html
    assert (
        '<time datetime="2025-06-24T10:00:00+02:00">Di., 24. Juni 2025, 10:00–16:30 Uhr</time>'
        in html
    )
    assert '<time datetime="2025-07-01">' in html
    assert "Abgesagt" in html
    assert "/static/css/embed.css" in html
    assert "site.css" not in html and "<script" not in html and "<nav" not in html
    assert 'href="http://testserver/termine/" target="_blank" rel="noopener"' in html


def test_filters_limit_and_english(client, events, home_page, calendar_page):
    assert "Abgesagte Messe" not in client.get(URL + "?topic=wasserstoff").content.decode()
    assert (
        "Abgesagte Messe" not in client.get(URL + "?working_group=ag-wasserstoff").content.decode()
    )
    assert client.get(URL + "?limit=1").content.decode().count('class="embed__item') == 1
    assert 'class="embed__empty"' not in client.get(URL).content.decode()
    empty = client.get(URL + "?from=2030-01-01").content.decode()
    assert 'class="embed__empty"' in empty and "embed__item" not in empty
    bad = client.get(URL + "?topic=unbekannt")
    assert bad.status_code == 400
    assert bad["Content-Type"].startswith("text/plain")
    assert "topic" in bad.content.decode()

    translate(home_page, lambda text: text, slug="home")
    translate(calendar_page, lambda text: text, slug="events")
    english = client.get(URL + "?lang=en").content.decode()
    assert '<html lang="en">' in english
    assert "<title>Upcoming events – " in english
    assert 'class="embed__empty"' in english  # no English event


@override_settings(EMBED_FRAME_ANCESTORS=PARTNERS)
def test_only_the_configured_origins_may_frame_it(client, events):
    response = client.get(URL)
    assert frame_ancestors(response) == ["'self'", *PARTNERS]
    assert "X-Frame-Options" not in response
    assert not response.cookies
    # The rest of the policy stays the strict one.
    assert "script-src 'self'" in response["Content-Security-Policy"]
    for url in ("/", "/termine/", "/termine/forum/", "/api/events/", "/einbetten-nicht/"):
        other = client.get(url)
        assert frame_ancestors(other) == ["'none'"], url
        assert other["X-Frame-Options"] == "DENY", url


@override_settings(EMBED_FRAME_ANCESTORS=[])
def test_without_partners_only_the_portal_may_frame_it(client, events):
    assert frame_ancestors(client.get(URL)) == ["'self'"]
    assert frame_ancestors(client.get(URL + "?topic=unbekannt")) == ["'self'"]


@override_settings(EMBED_FRAME_ANCESTORS=PARTNERS, PAGE_CACHE_SECONDS=300)
def test_a_cached_copy_keeps_the_framing_rules(events):
    visitor = Client()
    visitor.get(URL)
    cached = visitor.get(URL)
    assert cached["X-Page-Cache"] == "hit"
    assert frame_ancestors(cached) == ["'self'", *PARTNERS]
    assert "X-Frame-Options" not in cached
    visitor.get("/termine/")
    home = visitor.get("/termine/")
    assert home["X-Page-Cache"] == "hit"
    assert home["X-Frame-Options"] == "DENY"
    assert frame_ancestors(home) == ["'none'"]


def test_origins_from_the_environment():
    value = (
        "https://www.leipzig.de  https://www.halle.de/,http://localhost:8001 https://www.leipzig.de"
    )
    assert parse_origins(value) == [
        "https://www.leipzig.de",
        "https://www.halle.de",
        "http://localhost:8001",
    ]
    assert parse_origins("") == []
    for bad in (
        "*",
        "https://*.leipzig.de",
        "www.leipzig.de",
        "https://a.de/pfad",
        "https://a.de;script-src *",
        "'unsafe-inline'",
        "javascript:alert(1)",
    ):
        with pytest.raises(ImproperlyConfigured):
            parse_origins(bad)


@pytest.mark.validator
def test_the_list_is_valid_html(client, events, home_page, calendar_page):
    documents = {
        "embed": client.get(URL).content,
        "embed-empty": client.get(URL + "?from=2030-01-01").content,
    }
    results = html_validator.validate(documents)
    errors = sum(len(result.errors) for result in results.values())
    assert errors == 0, html_validator.describe(results)
