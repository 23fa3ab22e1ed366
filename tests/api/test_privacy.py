"""Nothing private leaks through the API or the embeddable list: a draft, an unpublished
page, the newer draft of a published page, a page behind a login, a password or a group
(on the page itself or on a page above it) and a page of another site never appear, in
either language, with or without filters. Every list has a visible twin it must show, so
an empty list cannot pass (as tests/metropolregion/test_private_content.py)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction, Site

from tests.factories import HomePageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory, berlin
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

WORD = "Zebrafink"
HIDDEN = [
    "Entwurf",
    "Zurückgezogen",
    "Login",
    "Passwort",
    "Gruppe",
    "Revision",
    "Login-oben",
    "Passwort-oben",
    "Anderer-Auftritt",
]


def restrict(page, kind):
    if kind == "Login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif kind == "Passwort":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-2025"
        )
    elif kind == "Gruppe":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get_or_create(name="Mitglieder")[0])


def make(factory, parent, state, n, **fields):
    page = factory(parent=parent, title=f"{WORD} {state}", slug=f"p-{n}", **fields)
    if state == "Entwurf":
        page.unpublish()  # as never published: not live
    elif state == "Zurückgezogen":
        page.save_revision().publish()
        page.unpublish()
    elif state in ("Login", "Passwort", "Gruppe"):
        restrict(page, state)
    elif state == "Revision":
        page.title = f"{WORD} Revision"
        page.save_revision()  # a draft: the live title stays "… Veröffentlicht"
    return page


@pytest.fixture
def world(home_page, root_page, calendar_page, news_index, group):
    """Visible and hidden events and news of every kind, on the topic Wasserstoff and of
    the group, upcoming."""
    kinds = {
        "event": (EventPageFactory, calendar_page, EventIndexPageFactory),
        "news": (NewsPageFactory, news_index, NewsIndexPageFactory),
    }
    for kind, (factory, parent, index_factory) in kinds.items():

        def fields(n, kind=kind):
            common = {"topics": ["Wasserstoff"], "working_group": group}
            if kind == "event":
                return {**common, "start": berlin(2025, 6, 11 + n, 10, 0)}
            return {**common, "date": datetime.date(2025, 6, 1 + n)}

        make(factory, parent, "Sichtbar", 0, **fields(0))
        names = ["Entwurf", "Zurückgezogen", "Login", "Passwort", "Gruppe"]
        for n, state in enumerate(names, start=1):
            make(factory, parent, state, n, **fields(n))
        revised = factory(parent=parent, title=f"{WORD} Veröffentlicht", slug="p-9", **fields(9))
        revised.title = f"{WORD} Revision"
        revised.save_revision()
        # Below a restricted page: a second index behind a login, a third behind a password.
        for n, state in enumerate(["Login", "Passwort"], start=10):
            hidden_parent = index_factory(parent=home_page, slug=f"intern-{kind}-{n}")
            restrict(hidden_parent, state)
            factory(parent=hidden_parent, title=f"{WORD} {state}-oben", slug="p", **fields(n))
    # Another site with its own calendar and news.
    other = HomePageFactory(parent=root_page, title="Partner", slug="partner")
    Site.objects.create(hostname="partner.example", port=80, root_page=other)
    other_calendar = EventIndexPageFactory(parent=other, slug="termine")
    other_news = NewsIndexPageFactory(parent=other, slug="news")
    EventPageFactory(
        parent=other_calendar, title=f"{WORD} Anderer-Auftritt", start=berlin(2025, 6, 21, 9)
    )
    NewsPageFactory(parent=other_news, title=f"{WORD} Anderer-Auftritt")


def check(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    body = response.content.decode()
    leaked = [state for state in HIDDEN if f"{WORD} {state}" in body]
    assert leaked == [], f"{url} shows {leaked}"
    for shown in ("Sichtbar", "Veröffentlicht"):
        assert f"{WORD} {shown}" in body, f"{url} does not show the visible {shown}"
    return body


@pytest.mark.parametrize(
    "url",
    [
        "/api/events/",
        "/api/events/?topic=wasserstoff",
        "/api/events/?working_group=ag-wasserstoff",
        "/api/events/?from=1990-01-01&to=2100-12-31",
        "/api/events/?limit=100",
        "/einbetten/termine/",
        "/einbetten/termine/?topic=wasserstoff&limit=100",
        "/api/news/",
        "/api/news/?topic=wasserstoff&working_group=ag-wasserstoff",
        "/api/news/?from=1990-01-01&limit=100",
    ],
)
def test_no_hidden_page_appears(client, world, url):
    check(client, url)


@pytest.mark.parametrize("url", ["/api/events/?lang=en", "/api/news/?lang=en"])
def test_english_lists_show_no_german_or_hidden_page(client, world, url):
    body = client.get(url).content.decode()
    assert WORD not in body


@pytest.mark.parametrize("url", ["/api/events/", "/api/news/", "/einbetten/termine/"])
def test_the_other_site_lists_its_own_pages_only(client, world, url):
    body = client.get(url, HTTP_HOST="partner.example").content.decode()
    assert f"{WORD} Anderer-Auftritt" in body
    assert "Sichtbar" not in body and "Veröffentlicht" not in body
    if url.startswith("/api/"):
        assert "http://partner.example/" in body
