""" "Add to calendar" on an event page (issue 17): one button with the choices people
expect, the event's `.ics` file, Google Calendar and Outlook.com; the web calendars' links
carry the same facts as the `.ics` (times in UTC across the end of daylight-saving time,
all-day events as dates with the day after as the end), and nothing is loaded from them.
Past and cancelled events offer only the `.ics` file."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest

from events import ical
from tests.factories.events import EventPageFactory, berlin
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db
NOW = berlin(2026, 10, 1, 12, 0)


@pytest.fixture
def events(calendar_page, frozen):
    frozen(NOW)
    return {
        # Across the end of daylight-saving time (25 Oct 2026, 03:00 CEST -> 02:00 CET).
        "night": EventPageFactory(
            parent=calendar_page,
            title="Lange Nacht der Wissenschaft",
            slug="lange-nacht",
            start=berlin(2026, 10, 24, 22, 0),
            end=berlin(2026, 10, 25, 4, 0),
        ),
        "fair": EventPageFactory(
            parent=calendar_page,
            title="Ausbildungsmesse",
            slug="messe",
            start=berlin(2026, 11, 13, 0, 0),
            end=berlin(2026, 11, 14, 0, 0),
            all_day=True,
        ),
        "past": EventPageFactory(
            parent=calendar_page, title="Vorbei", slug="vorbei", start=berlin(2026, 9, 1, 10)
        ),
        "cancelled": EventPageFactory(
            parent=calendar_page,
            title="Abgesagt",
            slug="abgesagt",
            start=berlin(2026, 11, 20, 10),
            status="abgesagt",
        ),
    }


def choices(client, url):
    """{label: href} of the "Add to calendar" button's links, or None without one."""
    page = client.get(url).content.decode()
    found = re.search(r'<details class="add-to-calendar">(.*?)</details>', page, re.S)
    if found is None:
        return None
    links = re.findall(
        r'<a class="add-to-calendar__choice" href="([^"]+)"[^>]*>(.*?)</a>', found[1]
    )
    return {re.sub(r"<[^>]+>", "", text).strip(): html.unescape(href) for href, text in links}


def query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_an_upcoming_event_offers_ics_google_and_outlook(client, events):
    event = events["night"]
    found = choices(client, event.url)
    labels = list(found)
    assert labels[0].startswith("Kalender-App") and found[labels[0]] == event.ics_url()
    google, outlook = found["Google Kalender"], found["Outlook.com"]
    assert urlsplit(google).netloc == "calendar.google.com"
    assert urlsplit(outlook).netloc == "outlook.live.com"
    # The same facts as the .ics file, which a calendar app reads.
    vevent = icalendar.Calendar.from_ical(client.get(event.ics_url()).content).walk("VEVENT")[0]
    start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
    g = query(google)
    assert g["text"] == "Lange Nacht der Wissenschaft" == str(vevent["summary"])
    # 22:00 CEST is 20:00 UTC; 04:00 CET (after the clocks went back) is 03:00 UTC.
    assert g["dates"] == "20261024T200000Z/20261025T030000Z"
    assert (
        g["dates"]
        == f"{start.astimezone(ical.datetime.UTC):%Y%m%dT%H%M%SZ}/{end.astimezone(ical.datetime.UTC):%Y%m%dT%H%M%SZ}"
    )
    assert (
        g["location"]
        == str(vevent["location"])
        == "Konferenzzentrum, Beispielstraße 1, 08056 Zwickau"
    )
    assert "http://testserver/termine/lange-nacht/" in g["details"]
    o = query(outlook)
    assert o["subject"] == g["text"] and o["location"] == g["location"]
    assert o["startdt"] == "2026-10-24T22:00:00+02:00" and o["enddt"] == "2026-10-25T04:00:00+01:00"


def test_an_all_day_event_is_given_as_dates(client, events):
    found = choices(client, events["fair"].url)
    assert query(found["Google Kalender"])["dates"] == "20261113/20261115"
    outlook = query(found["Outlook.com"])
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (
        "2026-11-13",
        "2026-11-15",
        "true",
    )


@pytest.mark.parametrize("name", ["past", "cancelled"])
def test_past_and_cancelled_events_offer_only_the_ics_file(client, events, name):
    event = events[name]
    assert choices(client, event.url) is None
    page = client.get(event.url).content.decode()
    assert f'href="{event.ics_url()}" download' in page
    assert "calendar.google.com" not in page and "outlook.live.com" not in page


def test_the_button_works_without_script_and_loads_nothing_from_elsewhere(client, events):
    page = client.get(events["night"].url).content.decode()
    button = re.search(r'<details class="add-to-calendar">(.*?)</details>', page, re.S)[1]
    assert "<summary" in button and "<script" not in button
    # Only links: no image, frame or script of another origin anywhere on the page.
    assert not re.search(
        r'<(img|script|iframe|link)[^>]+(src|href)="https?://(?!testserver/)', page
    )


def test_in_english(client, events, home_page, calendar_page):
    translate(home_page, lambda text: text, slug="home")
    translate(calendar_page, lambda text: text, slug="events")
    english = translate(
        events["night"],
        {"Lange Nacht der Wissenschaft": "Long Night of Science"},
        slug="long-night",
    ).instance
    found = choices(client, english.url)
    assert next(iter(found)).startswith("Calendar app") and "Google Calendar" in found
    assert query(found["Google Calendar"])["text"] == "Long Night of Science"
    assert "http://testserver/en/events/long-night/" in query(found["Google Calendar"])["details"]
