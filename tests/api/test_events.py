"""`/api/events/`: the fields of an event as its page shows them (German and English),
a series as one entry per date with its `?termin=` address, the filters and their 400s,
and paging."""

import datetime

import pytest
from django.utils.text import slugify

from events import registration as rules
from tests.factories.events import EventPageFactory, berlin
from tests.factories.translations import translate

from .conftest import results, titles

pytestmark = pytest.mark.django_db

URL = "/api/events/"


@pytest.fixture
def forum(calendar_page, group):
    """An event with everything a list shows: picture, topics, group, registration here
    with 20 places, of which 3 are taken."""
    event = EventPageFactory(
        parent=calendar_page,
        title="Wasserstoffforum",
        slug="wasserstoffforum",
        teaser="Fachleute aus der Region sprechen über Wasserstoff.",
        start=berlin(2025, 6, 24, 10, 0),
        end=berlin(2025, 6, 24, 16, 30),
        venue="Kongresshalle",
        city="Leipzig",
        format="hybrid",
        online_url="https://meet.example.org/geheim",
        with_image=True,
        image__credit="Erika Beispiel",
        image__description="Publikum im Saal",
        topics=["Wasserstoff", "Energie"],
        working_group=group,
        registration_mode="intern",
        capacity=20,
        price="25.00",
    )
    for n in range(3):
        rules.register(event.pk, rules.Applicant(f"Person {n}", f"person{n}@example.org"))
    return event


def test_an_event_has_the_fields_its_page_shows(client, forum, group):
    [item] = results(client, URL)
    assert item["id"] == forum.pk
    assert item["title"] == "Wasserstoffforum"
    assert item["url"] == "http://testserver/termine/wasserstoffforum/"
    assert item["date_of_series"] is None
    assert item["start"] == "2025-06-24T10:00:00+02:00"
    assert item["end"] == "2025-06-24T16:30:00+02:00"
    assert item["all_day"] is False
    assert (item["first_day"], item["last_day"]) == ("2025-06-24", "2025-06-24")
    assert item["when"] == "Di., 24. Juni 2025, 10:00–16:30 Uhr"
    assert (item["status"], item["cancelled"]) == ("scheduled", False)
    assert item["teaser"] == "Fachleute aus der Region sprechen über Wasserstoff."
    assert (item["format"], item["online"]) == ("hybrid", True)
    assert item["place"] == "Kongresshalle, Leipzig und online"
    assert item["city"] == "Leipzig"
    assert sorted(t["slug"] for t in item["topics"]) == ["energie", "wasserstoff"]
    assert item["working_group"] == {
        "id": group.pk,
        "slug": group.slug,
        "title": "AG Wasserstoff",
        "url": f"http://testserver{group.url}",
    }
    image = item["image"]
    assert image["url"].startswith("http://testserver/media/images/")
    assert image["url"].endswith(".jpg")
    assert (image["width"], image["height"], image["alt"]) == (960, 600, "Publikum im Saal")
    assert image["credit"] == "Foto: Erika Beispiel"
    registration = item["registration"]
    assert registration["on_this_site"] is True
    assert registration["url"] == "http://testserver/termine/wasserstoffforum/anmeldung/"
    assert registration["open"] is True
    assert registration["places_left"] == 17
    assert registration["closes"] == "2025-06-24T10:00:00+02:00"
    assert registration["price"] == "25.00"


def test_nothing_private_is_in_the_answer(client, forum):
    body = client.get(URL).content.decode()
    for secret in ("example.org", "meet.example.org", "person0", "owner", "revision", "@"):
        assert secret not in body, secret


def test_english_lists_english_events_with_english_words(client, forum, home_page, calendar_page):
    english = {
        "Wasserstoffforum": "Hydrogen forum",
        "Fachleute aus der Region sprechen über Wasserstoff.": "Experts talk about hydrogen.",
    }
    translate(home_page, lambda text: text, slug="home")
    translate(calendar_page, lambda text: text, slug="events")
    translate(forum, english.get, slug="hydrogen-forum")
    EventPageFactory(parent=calendar_page, title="Nur deutsch", start=berlin(2025, 6, 25, 9, 0))

    response = client.get(URL + "?lang=en")
    assert response["Content-Language"] == "en"
    [item] = response.json()["results"]
    assert item["title"] == "Hydrogen forum"
    assert item["url"] == "http://testserver/en/events/hydrogen-forum/"
    assert item["when"] == "Tue, 24 June 2025, 10:00–16:30 CEST"
    assert item["place"] == "Kongresshalle, Leipzig and online"
    assert item["registration"]["places_left"] == 17  # the German event's places
    assert item["image"]["credit"] == "Photo: Erika Beispiel"
    assert titles(client, URL) == ["Wasserstoffforum", "Nur deutsch"]
    assert titles(client, URL + "?lang=EN") == ["Hydrogen forum"]


def test_a_series_gives_each_date_with_its_address(client, calendar_page):
    page = EventPageFactory(
        parent=calendar_page,
        title="Sprechstunde",
        slug="sprechstunde",
        start=berlin(2025, 6, 3, 14, 0),
        end=berlin(2025, 6, 3, 15, 0),
        recurrence="FREQ=WEEKLY;BYDAY=TU;COUNT=4",
        cancelled_dates=["2025-06-17"],
    )
    items = results(client, URL)
    # Today's date (14:00, it is noon) and the next two; the 3 June is over.
    assert [(i["id"], i["date_of_series"], i["cancelled"]) for i in items] == [
        (page.pk, "2025-06-10", False),
        (page.pk, "2025-06-17", True),
        (page.pk, "2025-06-24", False),
    ]
    assert items[1]["url"] == "http://testserver/termine/sprechstunde/?termin=2025-06-17"
    assert items[1]["start"] == "2025-06-17T14:00:00+02:00"
    assert items[2]["url"].endswith("/sprechstunde/?termin=2025-06-24")
    assert items[2]["status"] == "scheduled" and items[1]["status"] == "cancelled"
    # The past dates, asked for by date.
    past = results(client, URL + "?from=2025-06-01&to=2025-06-10")
    assert [i["date_of_series"] for i in past] == ["2025-06-03", "2025-06-10"]


def test_all_day_event_gives_its_days(client, calendar_page):
    EventPageFactory(
        parent=calendar_page,
        title="Messe",
        start=berlin(2025, 9, 1, 0, 0),
        end=berlin(2025, 9, 3, 0, 0),
        all_day=True,
    )
    [item] = results(client, URL)
    assert item["all_day"] is True
    assert (item["first_day"], item["last_day"]) == ("2025-09-01", "2025-09-03")
    assert item["start"] == "2025-09-01T00:00:00+02:00"
    assert item["end"] == "2025-09-04T00:00:00+02:00"


@pytest.fixture
def spread(calendar_page, group, home_page):
    """Five events, one a day from 20 June, on two topics; two of them of the group."""
    from tests.news.helpers import make_working_group

    other = make_working_group(home_page, "AG Verkehr")
    for n in range(5):
        EventPageFactory(
            parent=calendar_page,
            title=f"Termin {n}",
            start=berlin(2025, 6, 20 + n, 10, 0),
            topics=["Wasserstoff" if n % 2 else "Verkehr"],
            working_group=group if n < 2 else other,
        )
    EventPageFactory(parent=calendar_page, title="Vorbei", start=berlin(2025, 6, 1, 10, 0))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["Termin 0", "Termin 1", "Termin 2", "Termin 3", "Termin 4"]),
        ("?topic=wasserstoff", ["Termin 1", "Termin 3"]),
        ("?topic=Verkehr", ["Termin 0", "Termin 2", "Termin 4"]),
        ("?working_group=ag-wasserstoff", ["Termin 0", "Termin 1"]),
        ("?working_group=ag-wasserstoff&topic=verkehr", ["Termin 0"]),
        ("?from=2025-06-22", ["Termin 2", "Termin 3", "Termin 4"]),
        ("?to=2025-06-21", ["Termin 0", "Termin 1"]),
        ("?from=2025-06-01&to=2025-06-20", ["Vorbei", "Termin 0"]),
        ("?from=2025-06-22&to=2025-06-22", ["Termin 2"]),
        ("?unknown=1&_=123", ["Termin 0", "Termin 1", "Termin 2", "Termin 3", "Termin 4"]),
    ],
)
def test_filters(client, spread, query, expected):
    assert titles(client, URL + query) == expected


def test_working_group_by_id(client, spread, group):
    assert titles(client, f"{URL}?working_group={group.pk}") == ["Termin 0", "Termin 1"]


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("?topic=gibt-es-nicht", "topic"),
        ("?topic=%3Cscript%3E", "topic"),
        ("?working_group=gibt-es-nicht", "working_group"),
        ("?working_group=999999999", "working_group"),
        ("?working_group=99999999999999999999", "working_group"),
        ("?from=2025-13-01", "from"),
        ("?from=gestern", "from"),
        ("?from=2025-6-1", "from"),
        ("?from=0001-01-01", "from"),
        ("?to=2025-06-31", "to"),
        ("?from=2025-06-10&to=2025-06-01", "to"),
        ("?limit=0", "limit"),
        ("?limit=101", "limit"),
        ("?limit=abc", "limit"),
        ("?limit=%C2%B2", "limit"),
        ("?page=0", "page"),
        ("?page=-1", "page"),
        ("?page=99999999999", "page"),
        ("?lang=fr", "lang"),
        ("?lang=%00", "lang"),
    ],
)
def test_bad_filters_are_a_400_naming_the_parameter(client, spread, query, parameter):
    response = client.get(URL + query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert error["parameter"] == parameter
    assert error["message"]
    assert "<script>" not in response.content.decode()


def test_paging_follows_next_links_to_the_end(client, calendar_page):
    for n in range(7):
        EventPageFactory(parent=calendar_page, title=f"T{n}", start=berlin(2025, 7, 1 + n, 9))
    seen, url, pages = [], URL + "?limit=3&topic=", 0
    while url:
        body = client.get(url).json()
        seen += [item["title"] for item in body["results"]]
        url, pages = body["next"], pages + 1
        if url:
            assert url.startswith("http://testserver/api/events/?")
            assert "limit=3" in url
    assert seen == [f"T{n}" for n in range(7)]
    assert pages == 3
    last = client.get(URL + "?limit=3&page=3").json()
    assert last["previous"] == "http://testserver/api/events/?limit=3&page=2"
    assert client.get(URL + "?limit=3&page=9").json() == {
        "results": [],
        "next": None,
        "previous": "http://testserver/api/events/?limit=3&page=8",
    }
    assert len(results(client, URL)) == 7  # 20 by default


def test_default_limit_and_maximum(client, calendar_page):
    start = datetime.datetime(2025, 7, 1, 9, tzinfo=berlin(2025, 1, 1).tzinfo)
    for n in range(21):
        EventPageFactory(parent=calendar_page, title=f"T{n}", slug=slugify(f"t{n}"), start=start)
    assert len(results(client, URL)) == 20
    assert len(results(client, URL + "?limit=100")) == 21
