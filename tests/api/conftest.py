"""Fixtures of the API tests: a calendar and a news index below the test home page, a
working group, a frozen clock, and helpers to read the JSON."""

import pytest

from metropolregion import clock
from tests.factories.events import EventIndexPageFactory, berlin
from tests.factories.news import NewsIndexPageFactory
from tests.news.helpers import make_working_group

NOW = berlin(2025, 6, 10, 12, 0)


@pytest.fixture
def frozen(monkeypatch):
    """The site's clock stands at NOW (events from 11 June 2025 on are upcoming)."""
    monkeypatch.setattr(clock, "now", lambda: NOW)
    return NOW


@pytest.fixture
def calendar_page(home_page, frozen):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def group(home_page):
    return make_working_group(home_page, "AG Wasserstoff")


def results(client, url, **extra):
    """The results of a list of the API (asserting a 200)."""
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()["results"]


def titles(client, url, **extra):
    return [item["title"] for item in results(client, url, **extra)]
