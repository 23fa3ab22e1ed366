"""Mails in the person's language (issue 16): a registration on the English page of an
event is written to in English (confirmation, waiting list, moving up, cancellation), with
links to the English page; the places are the event's, shared with the German page; German
registrations stay German, and mails to staff are German whatever the page's language."""

import re
from decimal import Decimal
from urllib.parse import unquote

import icalendar
import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from events import staff
from events.models import Registration
from metropolregion.feedback.models import FeedbackSubmission
from tests.factories.events import EventPageFactory, berlin
from tests.factories.pages import FeedbackFormPageFactory
from tests.factories.translations import translate
from tests.metropolregion.test_english_ui import german_in

NOW = berlin(2026, 11, 2, 12, 0)
pytestmark = pytest.mark.django_db

ENGLISH = {
    "Startseite": "Home",
    "Termine": "Events",
    "Jahreskonferenz": "Annual conference",
    "Erklärung zur Barrierefreiheit": "Accessibility statement",
    "Meldung einer Barriere": "Report of a barrier",
}


def in_english(text):
    return ENGLISH.get(text, f"{text}-en" if re.fullmatch(r"[a-z0-9-]+", text) else None)


@pytest.fixture
def event(calendar_page, frozen):
    """The German event, one place and a waiting list."""
    frozen(NOW)
    return EventPageFactory(
        parent=calendar_page,
        title="Jahreskonferenz",
        start=berlin(2026, 12, 1, 10, 0),
        end=berlin(2026, 12, 1, 16, 30),
        registration_mode="intern",
        capacity=1,
        waiting_list=True,
        price=Decimal("120.00"),
    )


@pytest.fixture
def english_event(event, home_page, calendar_page):
    for page in (home_page, calendar_page):
        translate(page, in_english)
    return translate(event, in_english).instance


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST like a browser and run what the transaction queued (the mails)."""

    def send(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return send


def form_data(n):
    return {"name": f"Person {n}", "email": f"person{n}@example.org", "consent": "on"}


def links(message):
    return re.findall(r"http://testserver\S+", message.body)


def test_a_registration_on_the_english_page_is_confirmed_in_english(post, event, english_event):
    response = post(english_event.url + "anmeldung/", form_data(1))
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert (registration.event_id, registration.language) == (event.pk, "en")

    (message,) = mail.outbox
    assert message.subject == "Registration confirmed: Annual conference"
    assert message.body.startswith("Dear Person 1,")
    assert "When: Tue, 1 December 2026, 10:00–16:30 CET" in message.body
    assert german_in(message.body) == []
    html_body = message.alternatives[0][0]
    assert '<html lang="en">' in html_body and german_in(html_body) == []
    assert all(url.startswith("http://testserver/en/") for url in links(message))
    (vevent,) = icalendar.Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    assert str(vevent["summary"]) == "Annual conference"


def test_waiting_list_and_moving_up_in_english_german_stays_german(
    post, client, event, english_event
):
    post(event.url + "anmeldung/", form_data(1))  # German: takes the only place
    post(english_event.url + "anmeldung/", form_data(2))  # English: the same places
    waiting = Registration.objects.get(email="person2@example.org")
    assert waiting.status == "warteliste" and waiting.event_id == event.pk
    german, english = mail.outbox
    assert german.subject == "Anmeldung bestätigt: Jahreskonferenz"
    assert english.subject == "You are on the waiting list: Annual conference"
    assert german_in(english.body) == []

    # The German person cancels through the link in their mail (the German page).
    cancel = next(url for url in links(german) if "/abmelden/" in url)
    assert not cancel.startswith("http://testserver/en/")
    mail.outbox.clear()
    post(
        cancel.split("?")[0].removeprefix("http://testserver"),
        {"code": unquote(cancel.split("code=")[1])},
    )
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address["person1@example.org"].subject == "Anmeldung storniert: Jahreskonferenz"
    promotion = by_address["person2@example.org"]
    assert promotion.subject == "A place has become free for you: Annual conference"
    assert "Your place is confirmed." in promotion.body and german_in(promotion.body) == []


def test_cancelling_through_the_english_link_in_english(post, client, event, english_event):
    post(english_event.url + "anmeldung/", form_data(1))
    (confirmation,) = mail.outbox
    cancel = next(url for url in links(confirmation) if "/abmelden/" in url)
    path = cancel.removeprefix("http://testserver")
    assert path.startswith(english_event.url + "abmelden/")
    asked = client.get(path)
    assert asked.status_code == 200 and german_in(asked.content.decode()) == []
    mail.outbox.clear()
    post(path.split("?")[0], {"code": unquote(path.split("code=")[1])})
    assert Registration.objects.get().status == "storniert"
    (message,) = mail.outbox
    assert message.subject == "Registration cancelled: Annual conference"
    assert german_in(message.body) == []


def test_a_registration_on_the_german_page_is_german(post, event, english_event):
    post(event.url + "anmeldung/", form_data(1))
    assert Registration.objects.get().language == "de"
    (message,) = mail.outbox
    assert message.subject == "Anmeldung bestätigt: Jahreskonferenz"
    assert message.body.startswith("Guten Tag Person 1,")
    assert "Di., 1. Dezember 2026, 10:00–16:30 Uhr" in message.body
    assert '<html lang="de">' in message.alternatives[0][0]
    assert not any(url.startswith("http://testserver/en/") for url in links(message))


def test_the_mail_to_staff_about_a_report_in_english_is_german(post, home_page):
    german = FeedbackFormPageFactory(parent=home_page, slug="barrierefreiheit")
    translate(home_page, in_english)
    english = translate(german, in_english).instance
    data = {"barrier": "The PDF has no tags.", "page_url": "/en/", "consent": "on"}
    post(english.url, data)
    (message,) = mail.outbox
    assert message.subject == "Meldung einer Barriere: Erklärung zur Barrierefreiheit"
    assert message.body.startswith("Über das Formular auf „Erklärung zur Barrierefreiheit“")
    assert "Über die Seite auf Englisch gesendet" in message.body
    assert FeedbackSubmission.objects.get().language == "en"
    mail.outbox.clear()
    post(german.url, data)
    (message,) = mail.outbox
    assert "Über die Seite auf" not in message.body


def test_staff_see_one_list_for_both_languages(post, client, event, english_event):
    post(event.url + "anmeldung/", form_data(1))
    post(english_event.url + "anmeldung/", form_data(2))
    admin = User.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    for page in (event, english_event):  # the English page's button leads to the same list
        response = client.get(reverse("events_registrations", args=[page.pk]))
        assert response.context["event"].pk == event.pk
        assert len(response.context["registrations"]) == 2
    assert [page.pk for page in staff.events_with_registration()] == [event.pk]
