"""The API over HTTP: readable from any origin without credentials, no cookies, an ETag
with 304, kept by the page cache like any public page, GET only, a rate limit per client
address (429 with Retry-After and a JSON body), and as many queries for 30 events or
news items as for 3."""

import datetime

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from events import registration as rules
from metropolregion import cache as page_cache
from tests.factories.events import EventPageFactory, berlin
from tests.factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db

URLS = ["/api/events/", "/api/news/", "/einbetten/termine/"]


@pytest.fixture
def content(calendar_page, news_index, group):
    EventPageFactory(parent=calendar_page, start=berlin(2025, 6, 20, 10), with_image=True)
    NewsPageFactory(parent=news_index, with_image=True, topics=["Wasserstoff"])


@pytest.mark.parametrize("url", URLS)
def test_public_headers_no_cookie_and_304(content, url):
    visitor = Client()
    response = visitor.get(url)
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert response["ETag"].startswith('"')
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
    if url.startswith("/api/"):
        assert response["Content-Type"] == "application/json"
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
    again = visitor.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert visitor.get(url, HTTP_IF_NONE_MATCH='"anders"').status_code == 200


@pytest.mark.parametrize("url", URLS)
def test_the_page_cache_keeps_the_answers(content, url):
    visitor = Client()
    with override_settings(PAGE_CACHE_SECONDS=300):
        first = visitor.get(url)
        assert first[page_cache.HIT_HEADER] == "miss"
        with CaptureQueriesContext(connection) as queries:
            second = visitor.get(url)
        assert second[page_cache.HIT_HEADER] == "hit"
        assert len(queries) == 0
        assert second.content == first.content
        assert not second.cookies
        assert second["Cache-Control"] == "no-cache"  # the page cache's: ask again (ETag)
        assert visitor.get(url, HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304
        if url.startswith("/api/"):
            assert second["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("url", URLS)
def test_only_get_and_head(content, url):
    assert Client().head(url).status_code == 200
    for method in ("post", "put", "delete"):
        response = getattr(Client(), method)(url)
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"


@override_settings(API_RATE_LIMIT=5, API_RATE_WINDOW=120)
@pytest.mark.parametrize("url", ["/api/events/?limit=3", "/api/news/?limit=3"])
def test_rate_limit_per_client_address(content, url):
    visitor = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(5):
        assert visitor.get(url).status_code == 200
    refused = visitor.get(url)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "120"
    assert refused["Content-Type"] == "application/json"
    assert refused["Cache-Control"] == "no-store"
    assert "120 seconds" in refused.json()["error"]["message"]
    # Bad requests count as well; another address has its own count.
    assert visitor.get(url + "&limit=0").status_code == 429
    assert Client(REMOTE_ADDR="203.0.113.8").get(url).status_code == 200


@override_settings(API_RATE_LIMIT=2, API_RATE_WINDOW=60)
def test_rate_limit_of_the_embeddable_list(content):
    visitor = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(2):
        assert visitor.get("/einbetten/termine/").status_code == 200
    refused = visitor.get("/einbetten/termine/")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert refused["Content-Type"].startswith("text/plain")


def count(client, url):
    """Queries of a second request (the first one makes the renditions)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), len(response.json()["results"])


def add_events(calendar_page, group, first, count):
    made = []
    for n in range(count):
        made.append(
            EventPageFactory(
                parent=calendar_page,
                title=f"Termin {first + n}",
                slug=f"termin-{first + n}",
                start=berlin(2025, 7, 1, 10) + datetime.timedelta(days=first + n),
                with_image=True,
                topics=["Wasserstoff", "Energie"],
                working_group=group,
                registration_mode="intern",
                capacity=10,
            )
        )
    rules.register(made[0].pk, rules.Applicant("Erika", "erika@example.org"))
    return made


def test_queries_do_not_grow_with_the_events(client, calendar_page, group):
    EventPageFactory(
        parent=calendar_page,
        slug="serie",
        start=berlin(2025, 6, 11, 9, 0),
        recurrence="FREQ=DAILY;COUNT=5",
        with_image=True,
    )
    add_events(calendar_page, group, 0, 3)
    few = count(client, "/api/events/?limit=100")
    assert few[1] == 3 + 5
    add_events(calendar_page, group, 3, 27)
    many = count(client, "/api/events/?limit=100")
    assert many[1] == 30 + 5
    assert many[0] == few[0], (few, many)
    assert few[0] <= 10, few
    filtered = "/api/events/?limit=100&topic=wasserstoff&working_group=ag-wasserstoff"
    assert count(client, filtered)[0] <= few[0] + 2


def test_queries_do_not_grow_with_the_news(client, news_index, group):
    def add(first, number):
        for n in range(first, first + number):
            NewsPageFactory(
                parent=news_index,
                slug=f"meldung-{n}",
                with_image=True,
                topics=["Wasserstoff", "Energie"],
                working_group=group,
            )

    add(0, 3)
    few = count(client, "/api/news/?limit=100")
    add(3, 27)
    many = count(client, "/api/news/?limit=100")
    assert (few[1], many[1]) == (3, 30)
    assert many[0] == few[0], (few, many)
    assert few[0] <= 8, few
