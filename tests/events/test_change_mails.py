"""Change and cancellation mails (issue 17): publishing a new date, time, place, format or
online link of an event tells every active registration (confirmed and waiting list) in
their language, with the updated .ics; cancelling it sends METHOD:CANCEL; the iCal
SEQUENCE goes up in the mails, the page's .ics and the feed; a publication without such a
change sends nothing. Through Wagtail's real publishing, and once through the editor."""

import datetime
import re
from html.parser import HTMLParser

import icalendar
import pytest
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from events import registration as rules
from events.models import EventPage, Notification, Registration
from tests.factories.events import EventPageFactory, berlin

pytestmark = pytest.mark.django_db
NOW = berlin(2026, 11, 2, 12, 0)
START = berlin(2026, 12, 1, 10, 0)


@pytest.fixture
def event(calendar_page, frozen):
    frozen(NOW)
    return EventPageFactory(
        parent=calendar_page,
        title="Jahreskonferenz",
        slug="jahreskonferenz",
        start=START,
        end=START + datetime.timedelta(hours=6),
        registration_mode="intern",
        capacity=1,
        waiting_list=True,
    )


@pytest.fixture
def people(event, django_capture_on_commit_callbacks):
    """Confirmed (German), waiting (English) and cancelled registrations."""
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            applicant = rules.Applicant(name=f"Person {n}", email=f"person{n}@example.org")
            rules.register(event.pk, applicant, language="en" if n == 1 else "de")
        rules.cancel(Registration.objects.get(email="person2@example.org").pk)
    mail.outbox.clear()
    return Registration.objects.order_by("pk")


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish the page's changes as Wagtail does; the mails go out after the commit."""

    def run(page, **changes):
        page = EventPage.objects.get(pk=page.pk)
        for name, value in changes.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return run


def calendar_of(message):
    (_name, content, mimetype) = message.attachments[0]
    assert mimetype == "text/calendar"
    return icalendar.Calendar.from_ical(content)


def by_address(messages):
    return {message.to[0]: message for message in messages}


def test_a_new_time_is_told_to_every_active_registration(publish, client, event, people):
    later = START + datetime.timedelta(hours=2)
    publish(event, start=later, end=later + datetime.timedelta(hours=6))
    found = by_address(mail.outbox)
    assert set(found) == {"person0@example.org", "person1@example.org"}  # not the cancelled
    german, english = found["person0@example.org"], found["person1@example.org"]
    assert german.subject == "Termin geändert: Jahreskonferenz"
    assert "Di., 1. Dezember 2026, 12:00–18:00 Uhr" in german.body
    assert english.subject == "Event changed: Jahreskonferenz"
    assert "Tue, 1 December 2026, 12:00–18:00" in english.body
    assert "/abmelden/?code=" in german.body
    calendar = calendar_of(german)
    assert str(calendar["method"]) == "PUBLISH"
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("dtstart") == later
    assert vevent["sequence"] == 1
    assert EventPage.objects.get(pk=event.pk).sequence == 1
    # The page's .ics and the feed carry the same UID and SEQUENCE.
    (page_event,) = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content).walk(
        "VEVENT"
    )
    assert (str(page_event["uid"]), page_event["sequence"]) == (str(vevent["uid"]), 1)
    feed = icalendar.Calendar.from_ical(client.get("/termine/ical/").content)
    assert [e["sequence"] for e in feed.walk("VEVENT")] == [1]
    assert Notification.objects.filter(kind="geaendert").count() == 2


def test_cancelling_sends_method_cancel(publish, event, people):
    publish(event, status="abgesagt")
    found = by_address(mail.outbox)
    assert set(found) == {"person0@example.org", "person1@example.org"}
    message = found["person0@example.org"]
    assert message.subject == "Termin abgesagt: Jahreskonferenz"
    assert "/abmelden/" not in message.body  # nothing left to cancel
    calendar = calendar_of(message)
    assert str(calendar["method"]) == "CANCEL"
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["status"] == "CANCELLED" and vevent["sequence"] == 1
    assert str(vevent["organizer"]).startswith("mailto:")
    assert found["person1@example.org"].subject == "Event cancelled: Jahreskonferenz"
    mail.outbox.clear()
    publish(event, title="Jahreskonferenz (abgesagt)")  # cancelled already: told once
    assert mail.outbox == []


def test_a_publication_without_a_relevant_change_sends_nothing(publish, event, people):
    publish(event, teaser="Ein neuer Teaser.", title="Jahreskonferenz 2026")
    publish(event)
    assert mail.outbox == []
    assert EventPage.objects.get(pk=event.pk).sequence == 0


def test_a_new_place_or_online_link_is_a_change(publish, event, people):
    publish(event, venue="Stadthalle")
    assert len(mail.outbox) == 2
    mail.outbox.clear()
    publish(event, format="hybrid", online_url="https://example.org/raum")
    found = by_address(mail.outbox)
    assert "https://example.org/raum" in found["person0@example.org"].body  # confirmed
    assert "https://example.org/raum" not in found["person1@example.org"].body  # waiting
    assert EventPage.objects.get(pk=event.pk).sequence == 2


def test_an_older_revision_never_lowers_the_sequence(publish, event, people):
    draft = EventPage.objects.get(pk=event.pk).save_revision()  # SEQUENCE 0 inside
    publish(event, venue="Stadthalle")
    assert EventPage.objects.get(pk=event.pk).sequence == 1
    draft.publish()  # back to the old venue: a change again
    assert EventPage.objects.get(pk=event.pk).sequence == 2


def test_a_past_event_corrected_afterwards_tells_nobody(publish, frozen, event, people):
    frozen(START + datetime.timedelta(days=3))
    publish(event, end=START + datetime.timedelta(hours=7))
    assert mail.outbox == []


def test_a_cancelled_date_of_a_series_is_told_to_its_registrants_only(
    publish, calendar_page, frozen
):
    frozen(NOW)
    series = EventPageFactory(
        parent=calendar_page,
        title="Stammtisch",
        start=berlin(2026, 11, 3, 19, 0),
        end=berlin(2026, 11, 3, 21, 0),
        recurrence="FREQ=WEEKLY;COUNT=4",
        registration_mode="intern",
    )
    first, second = list(series.occurrences.order_by("start"))[:2]
    for n, occurrence in enumerate((first, second)):
        Registration.objects.create(
            event=series,
            occurrence_start=occurrence.original_start,
            name=f"Person {n}",
            email=f"person{n}@example.org",
        )
    publish(series, cancelled_dates=["2026-11-10"])
    (message,) = mail.outbox
    assert message.to == ["person1@example.org"]
    assert message.subject == "Termin abgesagt: Stammtisch"
    assert "10. November 2026" in message.body
    calendar = calendar_of(message)
    assert str(calendar["method"]) == "CANCEL"
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("dtstart") == second.start and vevent["status"] == "CANCELLED"


class FormValues(HTMLParser):
    """The values a browser would post from the editor's form (inputs, selects and
    textareas rendered in the HTML; StreamFields are added by the test)."""

    def __init__(self):
        super().__init__()
        self.values, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values[name] = attrs.get("value") or "on"
                return
            self.values[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def test_an_editor_publishes_a_new_time_and_is_told_who_hears_of_it(client, event, people):
    editor = User.objects.create_user("redaktion", "redaktion@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="reminder_days"' in html  # the editor sets the reminder
    form = FormValues()
    form.feed(html)
    streams = re.compile(r"^(body|programme|documents|report)-")
    data = {name: value for name, value in form.values.items() if not streams.match(name)}
    data.update(
        nested_form_data(
            {name: streamfield([]) for name in ("body", "programme", "documents", "report")}
        )
    )
    data.update({"start": "2026-12-01 14:00", "end": "2026-12-01 18:00", "action-publish": "1"})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert EventPage.objects.get(pk=event.pk).start == berlin(2026, 12, 1, 14, 0)
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    assert "2 Angemeldete werden über die Änderung informiert." in texts
    assert Notification.objects.filter(kind="geaendert").count() == 2
    assert EventPage.objects.get(pk=event.pk).sequence == 1
