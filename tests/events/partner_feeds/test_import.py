"""The rules of an import, over real HTTP: create, update, withdraw, hide, de-duplicate,
edited pages left alone, a series with its rule, skipped, cancelled and moved dates."""

import datetime

import pytest

from events.choices import EventStatus
from events.models import EventPage
from events.partner_feeds import importer
from events.partner_feeds.models import ImportedEvent, ImportMessage, ImportRun
from tests.factories.events import berlin

from .conftest import calendar, series_text, vevent

pytestmark = pytest.mark.django_db

MESSE = vevent(
    "messe-2027@zwickau.example",
    "Ausbildungsmesse Zwickau",
    LOCATION="Stadthalle, Bergmannstraße 1, 08056 Zwickau",
    DESCRIPTION="Über 80 Betriebe stellen sich vor.",
    URL="https://www.zwickau.example/ausbildungsmesse",
)
WOCHE = vevent(
    "iwk-2027@zwickau.example",
    "Interkulturelle Woche",
    "20270920T090000",
    "20270926T180000",
    LOCATION="Zwickau",
)


def messages(run):
    return [m.text for m in run.messages.all()]


def test_new_events_become_partner_events_below_the_calendar(
    feed_server, make_feed, calendar_page, now
):
    feed = make_feed(feed_server.serve("/feed.ics", calendar(MESSE, WOCHE)))
    run = importer.import_feed(feed)
    assert run.outcome == ImportRun.Outcome.OK, messages(run)
    assert (run.created, run.updated, run.withdrawn) == (2, 0, 0)
    page = EventPage.objects.get(title="Ausbildungsmesse Zwickau")
    assert page.live and page.get_parent().pk == calendar_page.pk
    assert not page.own_event and page.organiser_name == "Stadt Beispielstadt"
    assert page.source_url == "https://www.zwickau.example/ausbildungsmesse"
    assert (page.venue, page.street, page.postcode, page.city) == (
        "Stadthalle",
        "Bergmannstraße 1",
        "08056",
        "Zwickau",
    )
    assert page.start == berlin(2027, 3, 10, 10, 0)
    assert sorted(t.name for t in page.topics.all()) == ["Bildung", "Strukturwandel"]
    assert "Über 80 Betriebe" in str(page.body[0].value["text"])
    assert feed.events.count() == 2

    response = page.serve(_request(page))
    response.render()
    assert "Partnerveranstaltung · Quelle".encode() in response.content
    assert b"https://www.zwickau.example/ausbildungsmesse" in response.content


def _request(page):
    from django.test import RequestFactory

    request = RequestFactory().get(page.url)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    return request


def test_a_second_run_changes_nothing_then_updates_a_changed_event(
    feed_server, make_feed, calendar_page, now
):
    url = feed_server.serve("/feed.ics", calendar(MESSE, WOCHE))
    feed = make_feed(url)
    importer.import_feed(feed)
    again = importer.import_feed(feed)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)

    moved = MESSE.replace("20270310T100000", "20270311T100000").replace(
        "20270310T160000", "20270311T160000"
    )
    feed_server.serve("/feed.ics", calendar(moved, WOCHE))
    run = importer.import_feed(feed)
    assert (run.created, run.updated, run.unchanged) == (0, 1, 1)
    page = EventPage.objects.get(title="Ausbildungsmesse Zwickau")
    assert page.start == berlin(2027, 3, 11, 10, 0) and page.live
    assert EventPage.objects.filter(title="Ausbildungsmesse Zwickau").count() == 1


def test_needs_approval_creates_drafts(feed_server, make_feed, calendar_page, now):
    feed = make_feed(feed_server.serve("/feed.ics", calendar(MESSE)), needs_approval=True)
    importer.import_feed(feed)
    page = EventPage.objects.get(title="Ausbildungsmesse Zwickau")
    assert not page.live and page.latest_revision_id


def test_removed_from_the_feed_is_withdrawn_and_comes_back(
    feed_server, make_feed, calendar_page, now
):
    feed = make_feed(feed_server.serve("/feed.ics", calendar(MESSE, WOCHE)))
    importer.import_feed(feed)
    feed_server.serve("/feed.ics", calendar(WOCHE))
    run = importer.import_feed(feed)
    assert run.withdrawn == 1
    page = EventPage.objects.get(title="Ausbildungsmesse Zwickau")
    assert not page.live  # unpublished, not deleted
    feed_server.serve("/feed.ics", calendar(MESSE, WOCHE))
    importer.import_feed(feed)
    page.refresh_from_db()
    assert page.live


def test_a_hidden_event_does_not_return(feed_server, make_feed, calendar_page, now):
    feed = make_feed(feed_server.serve("/feed.ics", calendar(MESSE, WOCHE)))
    importer.import_feed(feed)
    mapping = ImportedEvent.objects.get(uid="messe-2027@zwickau.example")
    importer.hide(mapping)
    changed = MESSE.replace("Ausbildungsmesse Zwickau", "Ausbildungsmesse Zwickau 2027")
    feed_server.serve("/feed.ics", calendar(changed, WOCHE))
    importer.import_feed(feed)
    page = EventPage.objects.get(pk=mapping.page_id)
    assert not page.live and page.title == "Ausbildungsmesse Zwickau"
    assert EventPage.objects.filter(title__startswith="Ausbildungsmesse").count() == 1


def test_a_deleted_page_is_not_imported_again(feed_server, make_feed, calendar_page, now):
    feed = make_feed(feed_server.serve("/feed.ics", calendar(MESSE)))
    importer.import_feed(feed)
    EventPage.objects.get(title="Ausbildungsmesse Zwickau").delete()
    importer.import_feed(feed)
    assert not EventPage.objects.filter(title="Ausbildungsmesse Zwickau").exists()
    assert ImportedEvent.objects.get().hidden


def test_duplicates_by_uid_and_recurrence_id(feed_server, make_feed, calendar_page, now):
    newer = MESSE.replace("SUMMARY:Ausbildungsmesse Zwickau", "SUMMARY:Ausbildungsmesse (neu)")
    newer = newer.replace("DTSTAMP", "SEQUENCE:2\r\nDTSTAMP")
    single = vevent("tag@zwickau.example", "Tag der offenen Tür", RECURRENCE_ID="20270401T100000")
    other_day = vevent(
        "tag@zwickau.example",
        "Tag der offenen Tür",
        "20270402T100000",
        "20270402T160000",
        RECURRENCE_ID="20270402T100000",
    )
    feed = make_feed(feed_server.serve("/feed.ics", calendar(newer, MESSE, single, other_day)))
    run = importer.import_feed(feed)
    assert run.created == 3
    assert EventPage.objects.filter(title__startswith="Ausbildungsmesse").get().title == (
        "Ausbildungsmesse (neu)"
    )
    assert set(feed.events.values_list("uid", "recurrence_id")) == {
        ("messe-2027@zwickau.example", ""),
        ("tag@zwickau.example", "2027-04-01"),
        ("tag@zwickau.example", "2027-04-02"),
    }
    assert "Der Termin steht doppelt im Feed; die neuere Fassung wird verwendet." in messages(run)


def test_an_edited_import_is_not_overwritten(feed_server, make_feed, calendar_page, now):
    feed = make_feed(feed_server.serve("/feed.ics", calendar(MESSE)))
    importer.import_feed(feed)
    page = EventPage.objects.get(title="Ausbildungsmesse Zwickau")
    page.teaser = "Von der Redaktion ergänzt: mit Bewerbungsmappen-Check."
    page.save_revision().publish()

    changed = MESSE.replace("Stadthalle", "Neue Stadthalle")
    feed_server.serve("/feed.ics", calendar(changed))
    run = importer.import_feed(feed)
    page.refresh_from_db()
    assert page.teaser.startswith("Von der Redaktion") and page.venue == "Stadthalle"
    assert run.outcome == ImportRun.Outcome.PARTIAL
    assert run.messages.filter(level=ImportMessage.Level.WARNING).count() == 1
    # The next run with the same feed does not repeat the warning; removal does not withdraw.
    assert importer.import_feed(feed).outcome == ImportRun.Outcome.OK
    feed_server.serve("/feed.ics", calendar())
    importer.import_feed(feed)
    page.refresh_from_db()
    assert page.live


def test_publishing_an_imported_draft_is_no_local_change(
    feed_server, make_feed, calendar_page, now
):
    feed = make_feed(feed_server.serve("/feed.ics", calendar(MESSE)), needs_approval=True)
    importer.import_feed(feed)
    page = EventPage.objects.get(title="Ausbildungsmesse Zwickau")
    page.save_revision().publish()  # the Redaktion approves it as it is
    feed_server.serve("/feed.ics", calendar(MESSE.replace("Stadthalle", "Neue Stadthalle")))
    run = importer.import_feed(feed)
    assert run.updated == 1
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().venue == "Neue Stadthalle"


def test_a_series_with_rule_skipped_cancelled_and_moved_dates(
    feed_server, make_feed, calendar_page, now
):
    feed = make_feed(feed_server.serve("/series.ics", series_text()))
    run = importer.import_feed(feed)
    assert run.created == 1, messages(run)
    page = EventPage.objects.get(title="Ringvorlesung Wasserstoff")
    assert page.recurrence.startswith("FREQ=WEEKLY;BYDAY=TU")
    assert page.skipped_dates == ["2027-01-26"]
    assert page.cancelled_dates == ["2027-02-09"]
    (change,) = page.occurrence_changes.all()
    assert change.original_date == datetime.date(2027, 2, 16)
    assert change.start == berlin(2027, 2, 17, 17, 0)
    dates = {o.original_start.date(): o for o in page.occurrences.all()}
    assert datetime.date(2027, 1, 26) not in dates
    assert dates[datetime.date(2027, 2, 9)].cancelled
    assert dates[datetime.date(2027, 2, 16)].start == berlin(2027, 2, 17, 17, 0)
    assert page.status == EventStatus.SCHEDULED
