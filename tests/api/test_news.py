"""`/api/news/`: the fields of a news item (German and English), the filters and their
400s, and paging."""

import datetime

import pytest

from tests.factories.news import NewsPageFactory
from tests.factories.translations import translate

from .conftest import results, titles

pytestmark = pytest.mark.django_db

URL = "/api/news/"


@pytest.fixture
def article(news_index, group):
    return NewsPageFactory(
        parent=news_index,
        title="Neue Wasserstoffstrategie",
        slug="wasserstoffstrategie",
        date=datetime.date(2025, 6, 24),
        kind="pressemitteilung",
        teaser="Die Region legt ihre Strategie vor.",
        with_image=True,
        image__credit="Max Muster",
        image__description="Elektrolyseur",
        topics=["Wasserstoff"],
        working_group=group,
    )


def test_a_news_item_has_the_fields_its_page_shows(client, article, group):
    [item] = results(client, URL)
    assert item == {
        "id": article.pk,
        "title": "Neue Wasserstoffstrategie",
        "url": "http://testserver/news/wasserstoffstrategie/",
        "date": "2025-06-24",
        "published_at": "2025-06-24T00:00:00+02:00",
        "kind": "press_release",
        "kind_label": "Pressemitteilung",
        "teaser": "Die Region legt ihre Strategie vor.",
        "topics": [{"slug": "wasserstoff", "name": "Wasserstoff"}],
        "working_group": {
            "id": group.pk,
            "slug": group.slug,
            "title": "AG Wasserstoff",
            "url": f"http://testserver{group.url}",
        },
        "image": {
            "url": item["image"]["url"],
            "width": 960,
            "height": 600,
            "alt": "Elektrolyseur",
            "credit": "Foto: Max Muster",
        },
    }
    assert item["image"]["url"].startswith("http://testserver/media/images/")
    body = client.get(URL).content.decode()
    assert "presse@example.org" not in body and "@" not in body  # no press contact


def test_english_lists_english_news(client, article, home_page, news_index, group):
    translate(home_page, lambda text: text, slug="home")
    translate(news_index, lambda text: text, slug="news")
    translate(group.get_parent().specific, lambda text: text, slug="working-groups")
    english_group = translate(group, {"AG Wasserstoff": "Hydrogen group"}.get, slug="hydrogen")
    translate(article, {"Neue Wasserstoffstrategie": "New hydrogen strategy"}.get, slug="strategy")
    NewsPageFactory(parent=news_index, title="Nur deutsch", date=datetime.date(2025, 6, 1))

    response = client.get(URL + "?lang=en")
    assert response["Content-Language"] == "en"
    [item] = response.json()["results"]
    assert item["title"] == "New hydrogen strategy"
    assert item["url"] == "http://testserver/en/news/strategy/"
    assert item["kind_label"] == "Press release"
    assert item["image"]["credit"] == "Photo: Max Muster"
    # The group in English, though the article's field names the German one.
    assert item["working_group"]["title"] == "Hydrogen group"
    assert item["working_group"]["id"] == english_group.instance.pk
    assert titles(client, URL) == ["Neue Wasserstoffstrategie", "Nur deutsch"]
    # The German group's id and the English slug choose the same group.
    assert titles(client, f"{URL}?lang=en&working_group={group.pk}") == ["New hydrogen strategy"]
    assert titles(client, f"{URL}?lang=en&working_group=hydrogen") == ["New hydrogen strategy"]


@pytest.fixture
def several(news_index, group):
    for n in range(4):
        NewsPageFactory(
            parent=news_index,
            title=f"Meldung {n}",
            date=datetime.date(2025, 5, 1 + n),
            kind="pressemitteilung" if n == 3 else "nachricht",
            topics=["Wasserstoff" if n % 2 else "Verkehr"],
            working_group=group if n == 0 else None,
        )


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["Meldung 3", "Meldung 2", "Meldung 1", "Meldung 0"]),
        ("?kind=press_release", ["Meldung 3"]),
        ("?kind=news&topic=verkehr", ["Meldung 2", "Meldung 0"]),
        ("?working_group=ag-wasserstoff", ["Meldung 0"]),
        ("?from=2025-05-02&to=2025-05-03", ["Meldung 2", "Meldung 1"]),
        ("?limit=2&page=2", ["Meldung 1", "Meldung 0"]),
    ],
)
def test_filters(client, several, query, expected):
    assert titles(client, URL + query) == expected


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("?kind=pressemitteilung", "kind"),
        ("?topic=nichts", "topic"),
        ("?working_group=0", "working_group"),
        ("?from=2025-02-30", "from"),
        ("?limit=1000", "limit"),
    ],
)
def test_bad_filters_are_a_400_naming_the_parameter(client, several, query, parameter):
    response = client.get(URL + query)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter


def test_next_link(client, several):
    body = client.get(URL + "?limit=3&kind=news").json()
    assert [item["title"] for item in body["results"]] == ["Meldung 2", "Meldung 1", "Meldung 0"]
    assert body["next"] is None
    body = client.get(URL + "?limit=3").json()
    assert body["next"] == "http://testserver/api/news/?limit=3&page=2"
    assert [item["title"] for item in client.get(body["next"]).json()["results"]] == ["Meldung 0"]
