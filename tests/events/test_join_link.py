"""The online join link of an event people register for on this site is for confirmed
participants only: never on the public page, in its schema.org data or in the iCal feeds;
in the confirmation and promotion mails (and their .ics) of confirmed places, not in mails
to the waiting list, about a cancellation or a duplicate. An open online event without
registration keeps its link public (issue 12, item 9)."""

import datetime
from decimal import Decimal

import icalendar
import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from demo import events as demo_texts
from events import registration as rules
from tests.factories.events import EventPageFactory, berlin

pytestmark = pytest.mark.django_db

JOIN = "https://example.org/online/sprechstunde-geheim"
NOW = berlin(2025, 6, 1, 12, 0)


@pytest.fixture
def consultation(calendar_page, frozen):
    """Members only, online, one place, with a waiting list (like the demo's)."""
    frozen(NOW)
    return EventPageFactory(
        parent=calendar_page,
        title="Online-Sprechstunde",
        slug="sprechstunde",
        start=berlin(2025, 6, 24, 14, 0),
        end=berlin(2025, 6, 24, 15, 30),
        format="online",
        venue="",
        street="",
        postcode="",
        city="",
        online_url=JOIN,
        registration_mode="intern",
        audience="mitglieder",
        capacity=1,
        waiting_list=True,
        price=Decimal("0.00"),
    )


def member(name):
    user = User.objects.create_user(
        name, f"{name}@example.org", "x", first_name=name.title(), last_name="Beispiel"
    )
    user.groups.add(Group.objects.get_or_create(name=rules.MEMBERS_GROUP)[0])
    return user


def register(event, user, capture):
    with capture(execute=True):
        result = rules.register(
            event.pk, rules.Applicant(name=user.get_full_name(), email=user.email), user=user
        )
    return result


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def whole(message):
    """Everything a mail carries: text, HTML and attachments."""
    parts = [message.subject, message.body, *(body for body, _type in message.alternatives)]
    parts += [content.decode() if isinstance(content, bytes) else content
              for _name, content, _type in message.attachments]  # fmt: skip
    return "\n".join(parts)


def test_not_on_the_public_page_its_data_or_the_feeds(client, consultation):
    page = client.get(consultation.url).content.decode()
    assert JOIN not in page  # neither in the facts nor in the JSON-LD
    assert "den Link zur Teilnahme erhalten Sie mit der Bestätigung Ihrer Anmeldung" in page
    for url in (consultation.url + "ical/", "/termine/ical/"):
        response = client.get(url)
        assert response.status_code == 200
        assert JOIN not in response.content.decode(), url
    # Not for a logged-in member either: the page is the same for everyone.
    client.force_login(member("erika"))
    assert JOIN not in client.get(consultation.url).content.decode()


def test_confirmed_places_get_it_waiting_list_and_cancellations_do_not(
    consultation, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    erika, walter = member("erika"), member("walter")
    assert register(consultation, erika, capture).outcome == "confirmed"
    assert register(consultation, walter, capture).outcome == "waitlisted"

    (confirmation,) = mails_to("erika@example.org")
    assert confirmation.subject.startswith("Anmeldung bestätigt")
    assert f"Link zur Online-Teilnahme: {JOIN}" in confirmation.body
    assert f'<a href="{JOIN}">' in confirmation.alternatives[0][0]
    _name, ics, _type = confirmation.attachments[0]
    (vevent,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert JOIN in str(vevent["LOCATION"])

    (waiting,) = mails_to("walter@example.org")
    assert waiting.subject.startswith("Sie stehen auf der Warteliste")
    assert JOIN not in whole(waiting)

    # Someone tries Erika's address again: the mail about it does not carry the link.
    mail.outbox.clear()
    with capture(execute=True):
        rules.register(consultation.pk, rules.Applicant(name="X", email="erika@example.org"), erika)
    (duplicate,) = mails_to("erika@example.org")
    assert duplicate.subject.startswith("Sie sind bereits angemeldet")
    assert JOIN not in whole(duplicate)

    # Erika cancels: her mail has no link; Walter moves up and gets it now.
    mail.outbox.clear()
    with capture(execute=True):
        rules.cancel(confirmation_registration(consultation, "erika@example.org"))
    (cancelled,) = mails_to("erika@example.org")
    assert cancelled.subject.startswith("Anmeldung storniert")
    assert JOIN not in whole(cancelled)
    (promoted,) = mails_to("walter@example.org")
    assert promoted.subject.startswith("Ein Platz ist für Sie frei geworden")
    assert f"Link zur Online-Teilnahme: {JOIN}" in promoted.body
    assert JOIN in whole(promoted)


def confirmation_registration(event, email):
    return event.registrations.get(email=email).pk


def test_a_confirmation_sent_after_cancelling_has_no_link(consultation):
    """The worker composes a mail when it sends it: a place cancelled in between is no
    longer confirmed, so the late confirmation carries no link."""
    from events.models import Notification
    from metropolregion import outbox

    erika = member("erika")
    registration = rules.register(
        consultation.pk, rules.Applicant(name="Erika Beispiel", email=erika.email), erika
    ).registration
    rules.cancel(registration.pk)  # before the commit: nothing sent yet
    confirmation = Notification.objects.get(registration=registration, kind="bestaetigung")
    assert JOIN not in whole(outbox.compose(confirmation))


def test_staff_added_person_gets_it_with_the_confirmation(
    consultation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        rules.register_by_staff(
            consultation.pk, rules.Applicant(name="Gast Beispiel", email="gast@example.org")
        )
    (message,) = mails_to("gast@example.org")
    assert JOIN in message.body


def test_open_online_event_without_registration_keeps_the_link_public(client, calendar_page):
    start = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=10)
    event = EventPageFactory(
        parent=calendar_page,
        start=start,
        end=start + datetime.timedelta(hours=1),
        format="online",
        city="",
        online_url=JOIN,
        registration_mode="keine",
    )
    page = client.get(event.url).content.decode()
    assert f'<a href="{JOIN}" rel="noopener">online teilnehmen</a>' in page
    assert JOIN in client.get(event.url + "ical/").content.decode()


def test_demo_texts_do_not_promise_what_the_event_does_not_do():
    """The demo's online consultation is for members with registration on this site: its
    texts must not say "ohne Anmeldung" (without registration)."""
    for item in demo_texts.UPCOMING_EVENTS:
        settings = demo_texts.REGISTRATION.get(item["slug"])
        if settings is None:
            continue
        words = " ".join([item["teaser"], *(section["text"] for section in item["body"])])
        assert "ohne Anmeldung" not in words, item["slug"]
        if settings.get("audience") == "mitglieder":
            assert "Mitglied" in item["teaser"], item["slug"]
