"""iCal of one event and of the calendar's feeds, read back with the icalendar library the
way a calendar client reads them: times round-trip exactly (also across the end of
daylight-saving time), all-day events are DATE values, UIDs are stable, VTIMEZONE is there,
only live public events appear."""

import datetime

import icalendar
import pytest
from wagtail.models import PageViewRestriction

from tests.factories.events import EventPageFactory, berlin
from tests.news.helpers import make_working_group

pytestmark = pytest.mark.django_db
NOW = berlin(2025, 10, 1, 12, 0)


@pytest.fixture
def events(calendar_page, frozen, home_page):
    frozen(NOW)
    group = make_working_group(home_page, "Wasserstoff und Energie")
    return {
        # Across the end of daylight-saving time (26 Oct 2025, 03:00 CEST -> 02:00 CET).
        "night": EventPageFactory(
            parent=calendar_page,
            title="Lange Nacht der Wissenschaft",
            slug="lange-nacht",
            start=berlin(2025, 10, 25, 22, 0),
            end=berlin(2025, 10, 26, 4, 0),
            topics=["Innovation"],
        ),
        "forum": EventPageFactory(
            parent=calendar_page,
            title="Energieforum",
            slug="energieforum",
            start=berlin(2025, 11, 3, 9, 30),
            end=berlin(2025, 11, 4, 15, 0),
            own_event=False,
            organiser_name="Beispiel Forum GmbH",
            format="hybrid",
            online_url="https://example.org/stream",
            topics=["Wasserstoff"],
            working_group=group,
        ),
        "fair": EventPageFactory(
            parent=calendar_page,
            title="Ausbildungsmesse",
            slug="ausbildungsmesse",
            all_day=True,
            start=berlin(2025, 10, 30, 0, 0),
            end=berlin(2025, 10, 31, 0, 0),
            topics=["Fachkräfte"],
        ),
        "group": group,
    }


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_event_ics_round_trips_times_across_the_end_of_daylight_saving(client, events):
    night = events["night"]
    response = client.get(night.url + "ical/")
    assert response["Content-Disposition"] == 'attachment; filename="lange-nacht.ics"'
    calendar = parse(response)
    (event,) = calendar.walk("VEVENT")
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == night.start and end == night.end  # the same instants
    assert (start.utcoffset(), end.utcoffset()) == (
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=1),
    )
    assert end.astimezone(datetime.UTC) - start.astimezone(datetime.UTC) == datetime.timedelta(
        hours=7
    )
    assert event["dtstart"].params["TZID"] == "Europe/Berlin"
    # The VTIMEZONE tells a client both offsets.
    (timezone,) = calendar.walk("VTIMEZONE")
    assert timezone["tzid"] == "Europe/Berlin"
    offsets = {sub["tzoffsetto"].to_ical() for sub in timezone.subcomponents}
    assert {"+0100", "+0200"} <= offsets
    assert str(event["url"]).endswith("/termine/lange-nacht/")
    assert event["location"] == "Konferenzzentrum, Beispielstraße 1, 08056 Zwickau"
    assert event["status"] == "CONFIRMED"
    assert calendar["version"] == "2.0" and calendar["prodid"]
    assert isinstance(event.decoded("dtstamp"), datetime.datetime)


def test_feed_of_all_events_parses_and_keeps_every_time(client, events):
    calendar = parse(client.get("/termine/ical/"))
    found = vevents(calendar)
    assert set(found) == {"Lange Nacht der Wissenschaft", "Energieforum", "Ausbildungsmesse"}
    forum = found["Energieforum"]
    assert forum.decoded("dtstart") == events["forum"].start
    assert forum.decoded("dtend") == events["forum"].end
    assert "https://example.org/stream" in str(forum["location"])
    assert "Beispiel Forum GmbH" in str(forum["description"])
    assert forum["categories"].cats == ["Wasserstoff"]
    # All day: DATE values, DTEND the day after the last day (RFC 5545).
    fair = found["Ausbildungsmesse"]
    assert fair.decoded("dtstart") == datetime.date(2025, 10, 30)
    assert fair.decoded("dtend") == datetime.date(2025, 11, 1)
    assert str(calendar["x-wr-calname"]) == "Termine"
    assert len(calendar.walk("VTIMEZONE")) == 1


def test_uids_are_stable_and_unique(client, events):
    first = {
        str(e["summary"]): str(e["uid"]) for e in parse(client.get("/termine/ical/")).walk("VEVENT")
    }
    second = {
        str(e["summary"]): str(e["uid"]) for e in parse(client.get("/termine/ical/")).walk("VEVENT")
    }
    assert first == second
    assert len(set(first.values())) == 3
    single = parse(client.get(events["forum"].url + "ical/")).walk("VEVENT")[0]
    assert str(single["uid"]) == first["Energieforum"]


def test_topic_feed_has_only_that_topic(client, events):
    calendar = parse(client.get("/termine/ical/thema/wasserstoff/"))
    assert set(vevents(calendar)) == {"Energieforum"}
    assert str(calendar["x-wr-calname"]) == "Termine: Wasserstoff"


def test_working_group_feed_has_only_its_events(client, events):
    calendar = parse(client.get(f"/termine/ical/arbeitsgruppe/{events['group'].slug}/"))
    assert set(vevents(calendar)) == {"Energieforum"}


def test_unknown_topic_or_group_feed_is_404(client, events):
    assert client.get("/termine/ical/thema/gibt-es-nicht/").status_code == 404
    assert client.get("/termine/ical/arbeitsgruppe/gibt-es-nicht/").status_code == 404


def test_feed_leaves_out_drafts_private_and_long_past_events(client, events, calendar_page):
    draft = EventPageFactory(parent=calendar_page, title="Entwurf", start=berlin(2025, 11, 5, 9))
    draft.unpublish()
    private = EventPageFactory(parent=calendar_page, title="Intern", start=berlin(2025, 11, 6, 9))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    EventPageFactory(parent=calendar_page, title="Vor Jahren", start=berlin(2024, 1, 10, 9))
    EventPageFactory(parent=calendar_page, title="Im Sommer", start=berlin(2025, 7, 10, 9))
    found = set(vevents(parse(client.get("/termine/ical/"))))
    assert "Im Sommer" in found  # recent past events stay for subscribers
    assert not found & {"Entwurf", "Intern", "Vor Jahren"}


def test_cancelled_event_is_cancelled_in_the_calendar(client, events):
    forum = events["forum"]
    forum.status = "abgesagt"
    forum.save_revision().publish()
    (event,) = parse(client.get(forum.url + "ical/")).walk("VEVENT")
    assert event["status"] == "CANCELLED"


def test_pages_link_the_feeds_with_webcal_and_download(client, events):
    html = client.get("/termine/?thema=wasserstoff").content.decode()
    assert 'href="webcal://testserver/termine/ical/"' in html
    assert 'href="/termine/ical/thema/wasserstoff/"' in html
    assert '<link rel="alternate" type="text/calendar"' in html
    page = client.get(events["forum"].url).content.decode()
    assert f'href="{events["forum"].url}ical/"' in page
