"""Query counts: the calendar's lists, month view and feeds, the event page and the home
page's event blocks ask the database as often with 100 events (each with a picture and a
topic) as with 10."""

import datetime

import pytest

from tests.factories.events import EventIndexPageFactory, EventPageFactory, berlin, many_events
from tests.news.helpers import count_queries, make_working_group

NOW = berlin(2025, 6, 1, 8, 0)
PATHS = [
    "",
    "?page=2",
    "?thema=wasserstoff",
    "?format=vor-ort&veranstalter=eigene",
    "archiv/",
    "monat/2025/6/",
    "monat/2025/7/?thema=strukturwandel",
    "ical/",
    "ical/thema/wasserstoff/",
]


def counts(client, index, paths):
    return {path: count_queries(client, index.url + path) for path in paths}


@pytest.mark.django_db
def test_calendar_queries_are_the_same_for_10_and_100_events(client, home_page, frozen):
    frozen(NOW)
    few_index = EventIndexPageFactory(parent=home_page, slug="wenige")
    many_index = EventIndexPageFactory(parent=home_page, slug="viele")
    # One a day: some past, most upcoming (every list has items with pictures to show).
    many_events(few_index, 10, berlin(2025, 5, 28, 10, 0))
    many_events(many_index, 100, berlin(2025, 5, 20, 10, 0))

    few = counts(client, few_index, PATHS)
    many = counts(client, many_index, PATHS)
    assert few == many
    assert max(few.values()) <= 15, few  # 14 + the translations (switcher)


@pytest.mark.django_db
def test_working_group_feed_and_hub_queries_do_not_depend_on_events(client, home_page, frozen):
    frozen(NOW)
    index = EventIndexPageFactory(parent=home_page)
    busy = make_working_group(home_page, "Viel los")
    quiet = make_working_group(home_page, "Wenig los")
    many_events(index, 30, berlin(2025, 6, 2, 10, 0), working_group=busy)
    EventPageFactory(
        parent=index, start=berlin(2025, 6, 3, 10), working_group=quiet, with_image=True
    )
    for path in ("ical/arbeitsgruppe/{}/",):
        assert count_queries(client, index.url + path.format(busy.slug)) == count_queries(
            client, index.url + path.format(quiet.slug)
        )
    assert count_queries(client, busy.url) == count_queries(client, quiet.url)


@pytest.mark.django_db
def test_event_page_queries_do_not_depend_on_topics_programme_or_galleries(
    client, calendar_page, frozen
):
    frozen(NOW)
    plain = EventPageFactory(parent=calendar_page, slug="schlicht", with_image=True, topics=["A"])
    rich = EventPageFactory(
        parent=calendar_page,
        slug="reich",
        with_image=True,
        topics=["Wasserstoff", "Strukturwandel", "Fachkräfte", "Mobilität"],
        start=berlin(2025, 6, 24, 10, 0) + datetime.timedelta(days=1),
    )
    assert count_queries(client, plain.url) == count_queries(client, rich.url)
    assert count_queries(client, plain.url + "ical/") == count_queries(client, rich.url + "ical/")
