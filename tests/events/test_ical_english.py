"""iCal in English: the calendar's feed under /en/ with English names and only English
events, an English event's .ics in English; a translated event keeps its UID (the page's
translation key), so a calendar subscribed to both feeds shows the event once."""

import pytest

from tests.events.test_ical import NOW, parse, vevents
from tests.factories.events import EventPageFactory, berlin
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Termine": "Events",
    "Energieforum": "Energy forum",
    "Ein Forum über Energie.": "A forum about energy.",
}


def english(text):
    return ENGLISH.get(text, text)


@pytest.fixture
def forum(calendar_page, frozen, home_page):
    frozen(NOW)
    calendar_page.title = "Termine"
    calendar_page.save_revision().publish()
    translate(home_page, english, slug="home")
    translate(calendar_page, english, slug="events")
    forum = EventPageFactory(
        parent=calendar_page,
        title="Energieforum",
        slug="energieforum",
        teaser="Ein Forum über Energie.",
        start=berlin(2025, 11, 3, 9, 30),
        end=berlin(2025, 11, 4, 15, 0),
    )
    EventPageFactory(
        parent=calendar_page,
        title="Nur auf Deutsch",
        slug="deutsch",
        start=berlin(2025, 11, 5, 9, 30),
        end=berlin(2025, 11, 5, 12, 0),
    )
    return forum, translate(forum, english, slug="energy-forum").instance


def test_english_feed_names_and_events_are_english(client, forum):
    calendar = parse(client.get("/en/events/ical/"))
    assert str(calendar["x-wr-calname"]) == "Events"
    assert set(vevents(calendar)) == {"Energy forum"}
    german = vevents(parse(client.get("/termine/ical/")))
    assert set(german) == {"Energieforum", "Nur auf Deutsch"}
    # The same event in both languages: one UID.
    assert str(vevents(calendar)["Energy forum"]["uid"]) == str(german["Energieforum"]["uid"])


def test_english_event_ics_is_english(client, forum):
    _german, english_page = forum
    assert english_page.url == "/en/events/energy-forum/"
    event = parse(client.get(english_page.url + "ical/")).walk("VEVENT")[0]
    assert str(event["summary"]) == "Energy forum"
    assert "/en/events/energy-forum/" in str(event["url"])
    assert isinstance(event.decoded("dtstart"), type(english_page.start))
