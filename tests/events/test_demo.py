"""The events demo content: a calendar with the association's past events from its
homepage and invented upcoming events dated from the day the demo is loaded; building it
again moves the upcoming events instead of duplicating them."""

import datetime
import io
import re

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from demo import events as demo
from demo import events as demo_texts
from demo import galleries as galleries_demo
from events import dates, queries
from events.choices import EventFormat, EventStatus
from events.models import EventIndexPage, EventPage
from galleries.models import GalleryPage
from metropolregion.models import HomePage, NavigationSettings


def berlin(*args):
    return datetime.datetime(*args, tzinfo=dates.BERLIN)


def build(home):
    out = io.StringIO()
    index = demo.build(out, home)
    return index, out.getvalue()


def local_days(event):
    return [day.isoformat() for day in event.days]


def counts():
    return (
        EventIndexPage.objects.count(),
        EventPage.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
    )


@pytest.mark.django_db
def test_demo_builds_the_calendar_once_and_moves_upcoming_events(home_page, frozen):
    # Friday, 20 March 2026: summer time begins on 29 March, so some events lie beyond it.
    now = frozen(berlin(2026, 3, 20, 9, 0))
    index, output = build(home_page)
    assert "• Termine:" in output
    first = counts()
    assert first[:2] == (1, len(demo_texts.PAST_EVENTS) + len(demo_texts.UPCOMING_EVENTS))
    assert index.slug == "termine" and index.title == "Termine" and index.intro

    pages = queries.public_events(index)
    upcoming, past = list(queries.upcoming(pages)), list(queries.past(pages))
    # Every upcoming event once, the fortnightly series once per date (one cancelled).
    assert len({event.pk for event in upcoming}) == len(demo_texts.UPCOMING_EVENTS)
    series = [e for e in upcoming if e.slug == "online-sprechstunde-foerderung-revier"]
    assert len(series) == 8 and sum(event.is_cancelled for event in series) == 1
    assert len({event.start.weekday() for event in series}) == 1
    assert len(upcoming) == len(demo_texts.UPCOMING_EVENTS) - 1 + len(series)
    assert len(past) == len(demo_texts.PAST_EVENTS)
    assert all(event.start > now for event in upcoming)
    assert sum(event.days[0].month == 3 for event in upcoming) >= 2  # this month
    assert sum(event.days[0].month == 4 for event in upcoming) >= 2  # and next month
    assert all(event.days[0].weekday() < 5 for event in upcoming)

    # Times are wall-clock times in Berlin on either side of the change to summer time.
    meeting = pages.get(slug="netzwerktreffen-wasserstoff-mittelstand")
    dialogue = pages.get(slug="fachkraeftedialog-mitteldeutschland")
    assert meeting.days[0] == datetime.date(2026, 3, 25)
    assert meeting.start.astimezone(dates.BERLIN).time() == datetime.time(10, 0)
    assert meeting.end.astimezone(dates.BERLIN).time() == datetime.time(16, 30)
    assert meeting.start.astimezone(dates.BERLIN).utcoffset() == datetime.timedelta(hours=1)
    assert dialogue.days[0] > datetime.date(2026, 3, 29)
    assert dialogue.start.astimezone(dates.BERLIN).time() == datetime.time(10, 0)
    assert dialogue.start.astimezone(dates.BERLIN).utcoffset() == datetime.timedelta(hours=2)

    # The mix a calendar needs.
    assert {event.format for event in upcoming} == set(EventFormat.values)
    assert {event.own_event for event in upcoming} == {True, False}
    assert any(event.all_day and len(event.days) > 1 for event in upcoming)
    assert any(event.status != EventStatus.SCHEDULED for event in upcoming)
    assert any(e.registration_url.startswith("https://example.org/anmeldung") for e in upcoming)
    assert all(
        e.online_url.startswith("https://example.org/")
        for e in upcoming
        if e.format != EventFormat.IN_PERSON
    )
    assert {tag.name for tag in queries.topics(pages)} >= {
        "Wasserstoff",
        "Strukturwandel",
        "Fachkräfte",
        "Innovation",
        "Mobilität",
        "Bioökonomie",
        "Startups",
    }
    for event in EventPage.objects.all():
        event.full_clean()  # the demo data passes the editors' validation

    # Seven months later: the same pages, moved; nothing drawn or written twice.
    later = frozen(berlin(2026, 10, 20, 12, 0))
    build(HomePage.objects.get(pk=home_page.pk))
    assert counts() == first
    meeting.refresh_from_db()
    assert meeting.start > later and meeting.days[0].month == 10
    # The series moved with its first date: eight dates, all ahead.
    upcoming_pages = queries.upcoming(pages).values_list("pk", flat=True)
    assert len(set(upcoming_pages)) == len(demo_texts.UPCOMING_EVENTS)
    assert queries.upcoming(pages).count() == len(demo_texts.UPCOMING_EVENTS) - 1 + 8
    assert queries.past(pages).count() == len(demo_texts.PAST_EVENTS)


@pytest.mark.django_db
def test_demo_keeps_the_homepage_facts_of_past_events(client, home_page):
    index, _output = build(home_page)
    events = {event.slug: event for event in queries.public_events(index)}

    conference = events["jahreskonferenz-2025-zwickau"]
    assert local_days(conference) == ["2025-06-24"] and conference.city == "Zwickau"
    assert conference.own_event and conference.is_past()
    sessions = [item.value["title"] for item in conference.programme]
    for topic in ("Energiewende", "Automobilwirtschaft", "Grüne Chemie"):
        assert any(topic in title for title in sessions), topic
    assert all(item.value["start_time"] for item in conference.programme)
    assert any(item.value["speakers"] for item in conference.programme)

    forum = events["14-ostdeutsches-energieforum"]
    assert local_days(forum) == ["2025-09-23", "2025-09-24"] and forum.city == "Leipzig"
    assert not forum.own_event and forum.organiser_name
    assert "Mitglieder" in forum.teaser and "ermäßigt" in forum.teaser

    congress = events["5-mitteldeutscher-wasserstoffkongress"]
    assert local_days(congress) == ["2025-09-16"] and congress.own_event
    assert "HYPOS e. V." in congress.teaser

    mint_month = events["mint-monat-september-mitteldeutschland"]
    assert mint_month.all_day and mint_month.days[0] == datetime.date(2025, 9, 1)
    assert mint_month.days[-1] == datetime.date(2025, 9, 30)
    opening = events["mint-in-mitteldeutschland-halle"]
    assert local_days(opening) == ["2025-09-02"] and opening.city == "Halle (Saale)"

    for slug, city in (
        ("12-geraer-hoehler-biennale", "Gera"),
        ("interkulturelle-wochen-leipzig-2025", "Leipzig"),
        ("18-ausbildungsmesse-delitzsch", "Delitzsch"),
    ):
        assert not events[slug].own_event and events[slug].city == city
    assert events["12-geraer-hoehler-biennale"].all_day
    assert len(events["interkulturelle-wochen-leipzig-2025"].days) > 1

    own_past = [e for e in events.values() if e.own_event and e.is_past()]
    assert len(own_past) >= 3
    for event in own_past:
        assert event.report and event.image_id
        assert event.image.credit in demo_texts.PHOTOGRAPHERS  # no "Foto:" typed

    response = client.get(conference.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wandel mit vielen Gesichtern" in html  # the report
    links = re.findall(r'href="(/documents/[^"]+\.pdf)"', html)
    assert len(links) == 2
    download = client.get(links[0])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-1.4")


def test_demo_pdf_is_well_formed():
    data = demo.pdf_bytes("Programm – Jahreskonferenz (Zwickau)", ["Grüne Chemie \\ Ökologie"])
    assert data.startswith(b"%PDF-1.4\n") and data.endswith(b"%%EOF\n")
    startxref = int(re.search(rb"startxref\n(\d+)\n", data).group(1))
    assert data[startxref:].startswith(b"xref\n0 8\n")
    entries = re.findall(rb"(\d{10}) 00000 n \n", data[startxref:])
    assert len(entries) == 7
    for number, offset in enumerate(entries, start=1):
        assert data[int(offset) :].startswith(b"%d 0 obj\n" % number)
    length = int(re.search(rb"/Length (\d+) >>\nstream\n", data).group(1))
    stream = data.split(b"stream\n", 1)[1]
    assert stream[length:].startswith(b"\nendstream")
    assert "Grüne Chemie \\\\ Ökologie".encode("cp1252") in stream  # escaped, WinAnsi
    assert b"\\(Zwickau\\)" in stream


@pytest.mark.django_db
def test_galleries_work_without_events(home_page):
    galleries_demo.build(io.StringIO(), home_page)
    gallery = GalleryPage.objects.get(slug="jahreskonferenz-2025-zwickau")
    assert gallery.event is None
    assert gallery.date == datetime.date(2025, 6, 24)


def test_demo_site_links_calendar_galleries_home_and_menu(client, demo_content):
    index = EventIndexPage.objects.get(locale__language_code="de")
    events = {event.slug: event for event in EventPage.objects.all()}
    pages = queries.public_events(index)
    assert queries.upcoming(pages).exists() and queries.past(pages).exists()
    assert pages.exclude(working_group=None).count() >= 6  # the projects' working groups

    for slug in ("5-mitteldeutscher-wasserstoffkongress", "jahreskonferenz-2025-zwickau"):
        gallery = GalleryPage.objects.get(slug=slug)
        assert gallery.event_id == events[slug].pk
        assert gallery.date == events[slug].days[0]

    # Building again moves nothing into a second copy and keeps the links.
    home = HomePage.objects.get(depth=2, locale__language_code="de")
    before = counts()
    demo.build(io.StringIO(), home)
    galleries_demo.build(io.StringIO(), HomePage.objects.get(depth=2, locale__language_code="de"))
    assert counts() == before
    assert GalleryPage.objects.get(slug="jahreskonferenz-2025-zwickau").event_id == (
        events["jahreskonferenz-2025-zwickau"].pk
    )

    body = list(HomePage.objects.get(depth=2, locale__language_code="de").body)
    types = [block.block_type for block in body]
    assert types.count("events") == 1 and types.count("featured_event") == 1
    assert types.index("featured_event") == types.index("hero") + 1
    assert types.index("news") < types.index("events") < types.index("galleries")
    upcoming_block = body[types.index("events")].value
    assert upcoming_block["index"].pk == index.pk and upcoming_block["count"] == 3
    featured = body[types.index("featured_event")].value["event"].specific
    nearest_own = queries.upcoming(pages.filter(own_event=True, status=EventStatus.SCHEDULED))
    assert featured == nearest_own.first()

    site = Site.objects.get(is_default_site=True)
    menu = [link.value for link in NavigationSettings.for_site(site).main_menu]
    targets = [getattr(link["page"], "pk", None) for link in menu]
    assert targets.count(index.pk) == 1
    contact = (
        HomePage.objects.get(depth=2, locale__language_code="de").get_children().get(slug="kontakt")
    )
    assert targets.index(index.pk) < targets.index(contact.pk)

    home_html = client.get("/").content.decode()
    assert "Nächste Termine" in home_html and "Termin vormerken" in home_html
    assert featured.title in home_html
    calendar = client.get("/termine/")
    assert calendar.status_code == 200
    assert featured.title in calendar.content.decode()
    archive = client.get("/termine/archiv/")
    assert "Jahreskonferenz 2025 in Zwickau" in archive.content.decode()
    congress = client.get(events["5-mitteldeutscher-wasserstoffkongress"].url).content.decode()
    assert "/galerien/5-mitteldeutscher-wasserstoffkongress/" in congress
