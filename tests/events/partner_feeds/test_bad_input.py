"""Bad input never breaks the calendar or loses an event: each case gives a clear message in
the import log, imports what it can and leaves what is there untouched."""

import pytest

from events.models import EventPage
from events.partner_feeds import importer
from events.partner_feeds.models import ImportMessage, ImportRun

from .conftest import calendar, vevent

pytestmark = pytest.mark.django_db

MESSE = vevent("messe@zwickau.example", "Ausbildungsmesse Zwickau", LOCATION="Zwickau")


@pytest.fixture
def imported(feed_server, make_feed, calendar_page, now):
    """A feed with one event imported, live."""
    feed = make_feed(feed_server.serve("/feed.ics", calendar(MESSE)))
    assert importer.import_feed(feed).created == 1
    return feed


def errors(run):
    return [m.text for m in run.messages.filter(level=ImportMessage.Level.ERROR)]


def warnings(run):
    return [m.text for m in run.messages.filter(level=ImportMessage.Level.WARNING)]


def still_there():
    return EventPage.objects.get(title="Ausbildungsmesse Zwickau").live


def repoint(feed, url):
    feed.url = url
    feed.save()


def test_unreachable(imported, feed_server):
    repoint(imported, "http://localhost:9/feed.ics")  # discard port: nobody listens
    run = importer.import_feed(imported)
    assert run.outcome == ImportRun.Outcome.FAILED
    assert errors(run) == ["Der Feed ist nicht erreichbar: localhost antwortet nicht."]
    assert "Es wurde nichts geändert" in run.summary and still_there()


def test_timeout(imported, feed_server, settings):
    settings.PARTNER_FEEDS_TIMEOUT = 1
    repoint(imported, feed_server.slow("/slow.ics", 3))
    run = importer.import_feed(imported)
    assert errors(run) == ["Der Feed hat nicht innerhalb von 1 Sekunden geantwortet."]
    assert still_there()


def test_an_html_page_instead_of_ics(imported, feed_server):
    page = "<!DOCTYPE html><html><body><h1>Veranstaltungen</h1></body></html>"
    repoint(imported, feed_server.serve("/termine", page, "text/html; charset=utf-8"))
    run = importer.import_feed(imported)
    assert run.outcome == ImportRun.Outcome.FAILED
    assert "Webseite (HTML), keinen Kalender (ICS)" in errors(run)[0]
    assert still_there()


def test_an_http_error(imported, feed_server):
    repoint(imported, feed_server.url("/missing.ics"))
    run = importer.import_feed(imported)
    assert errors(run) == ["Der Feed antwortet mit dem Fehler 404."]
    assert still_there()


def test_a_broken_line_and_a_broken_event_lose_nothing_else(imported, feed_server):
    broken_line = vevent("woche@zwickau.example", "Interkulturelle Woche", LOCATION="Zwickau")
    broken_line = broken_line.replace("SUMMARY", "DIESE ZEILE IST KAPUTT\r\nSUMMARY")
    no_start = "BEGIN:VEVENT\r\nUID:ohne-start@zwickau.example\r\nSUMMARY:Ohne Beginn\r\nEND:VEVENT"
    unended = "BEGIN:VEVENT\r\nUID:offen@zwickau.example\r\nSUMMARY:Offen"
    text = calendar(MESSE, broken_line, no_start, unended)
    repoint(imported, feed_server.serve("/broken.ics", text))
    run = importer.import_feed(imported)
    assert run.outcome == ImportRun.Outcome.PARTIAL
    assert run.created == 1 and run.unchanged == 1
    assert EventPage.objects.filter(title="Interkulturelle Woche").exists()
    assert any("Zeile war nicht lesbar" in text for text in warnings(run))
    assert "Termin ohne Beginn (DTSTART): übersprungen." in errors(run)
    assert any("unvollständig" in text for text in errors(run))
    assert still_there()


def test_a_broken_event_of_an_imported_uid_is_not_withdrawn(imported, feed_server):
    broken = "BEGIN:VEVENT\r\nUID:messe@zwickau.example\r\nSUMMARY:Messe\r\nEND:VEVENT"
    repoint(imported, feed_server.serve("/broken.ics", calendar(broken)))
    run = importer.import_feed(imported)
    assert run.withdrawn == 0 and still_there()


def test_an_unknown_time_zone_is_read_as_berlin(feed_server, make_feed, calendar_page, now):
    event = vevent("mars@example.org", "Vortrag", LOCATION="Halle (Saale)")
    event = event.replace("TZID=Europe/Berlin", "TZID=Mars/Olympus_Mons")
    feed = make_feed(feed_server.serve("/tz.ics", calendar(event)))
    run = importer.import_feed(feed)
    assert run.created == 1
    assert warnings(run) == [
        "Vortrag: Unbekannte Zeitzone „Mars/Olympus_Mons“: als Europe/Berlin gelesen."
    ]
    page = EventPage.objects.get(title="Vortrag")
    assert page.start.astimezone(page.start.tzinfo).hour in (9, 10)  # 10:00 Berlin = 09:00 UTC


def test_a_feed_of_10_mb_is_refused(imported, feed_server):
    padding = "X-FILL:" + "x" * 70 + "\r\n"
    body = (
        "BEGIN:VCALENDAR\r\n" + padding * (10 * 1024 * 1024 // len(padding)) + "END:VCALENDAR\r\n"
    )
    repoint(imported, feed_server.serve("/big.ics", body, length=False))
    run = importer.import_feed(imported)
    assert errors(run) == ["Der Feed ist größer als 5 MB und wurde nicht importiert."]
    assert still_there()
    repoint(imported, feed_server.serve("/big-declared.ics", body))
    assert errors(importer.import_feed(imported)) == [
        "Der Feed ist größer als 5 MB und wurde nicht importiert."
    ]


def test_a_feed_of_10000_events_is_imported_up_to_the_cap(imported, feed_server, settings):
    settings.PARTNER_FEEDS_MAX_EVENTS = 20
    events = [
        vevent(f"serie-{n}@example.org", f"Sprechstunde {n}", LOCATION="Leipzig")
        for n in range(10_000)
    ]
    repoint(imported, feed_server.serve("/many.ics", calendar(*events)))
    run = importer.import_feed(imported)
    assert run.created == 20 and run.withdrawn == 0
    assert warnings(run)[0].startswith("Der Feed enthält 10000 Termine; nur die ersten 20")
    assert still_there()  # not in the first 20, but a cut-off feed withdraws nothing


def test_script_in_a_description_is_escaped(feed_server, make_feed, calendar_page, now):
    event = vevent(
        "xss@example.org",
        "Vortrag <script>alert(1)</script>",
        LOCATION="Leipzig",
        DESCRIPTION="Hallo <script>alert('x')</script><img src=x onerror=alert(2)>",
        URL="javascript:alert(3)",
    )
    feed = make_feed(feed_server.serve("/xss.ics", calendar(event)))
    run = importer.import_feed(feed)
    page = EventPage.objects.get(uid_mapping_helper(feed))
    html = str(page.body[0].value["text"])
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<img" not in html
    assert page.source_url == ""
    assert any("keine gültige http(s)-Adresse" in text for text in warnings(run))
    from django.test import Client

    content = Client().get(page.url).content.decode()
    assert "<script>alert" not in content and "<img src=x" not in content
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content


def uid_mapping_helper(feed):
    from django.db.models import Q

    return Q(pk=feed.events.get(uid="xss@example.org").page_id)
