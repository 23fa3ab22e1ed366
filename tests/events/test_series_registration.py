"""Registration per date of a series: places per date, one person for several dates, the
waiting list of one date moves up only there, mails and the attachment name the date."""

from decimal import Decimal

import icalendar
import pytest
from django.core import mail

from events import registration as rules
from events.models import Registration
from metropolregion.clock import BERLIN
from tests.factories.events import EventPageFactory, berlin

pytestmark = pytest.mark.django_db

NOV, DEC = berlin(2026, 11, 10, 19, 0), berlin(2026, 12, 8, 19, 0)


@pytest.fixture
def series(calendar_page, frozen):
    frozen(berlin(2026, 11, 1, 12, 0))
    return EventPageFactory(
        parent=calendar_page,
        title="Sprechstunde Fördermittel",
        start=berlin(2026, 10, 13, 19, 0),
        end=berlin(2026, 10, 13, 20, 0),
        recurrence="FREQ=MONTHLY;BYDAY=2TU;COUNT=6",
        cancelled_dates=["2027-01-12"],
        registration_mode="intern",
        capacity=2,
        price=Decimal("0"),
    )


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def send(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return send


def person(n):
    return rules.Applicant(name=f"Person {n}", email=f"person{n}@example.org")


def test_places_are_per_date_and_one_person_may_take_several_dates(series):
    assert rules.register(series.pk, person(1), occurrence_start=NOV).outcome == "confirmed"
    assert rules.register(series.pk, person(2), occurrence_start=NOV).outcome == "confirmed"
    assert rules.register(series.pk, person(3), occurrence_start=NOV).outcome == "waitlisted"
    # December has its own two places; person 1 may come again.
    assert rules.register(series.pk, person(1), occurrence_start=DEC).outcome == "confirmed"
    assert rules.register(series.pk, person(1), occurrence_start=DEC).outcome == "duplicate"
    assert Registration.objects.filter(occurrence_start=NOV, status="bestaetigt").count() == 2
    assert Registration.objects.filter(occurrence_start=DEC).count() == 1


def test_cancelling_moves_up_the_waiting_list_of_that_date_only(series):
    first = rules.register(series.pk, person(1), occurrence_start=NOV).registration
    rules.register(series.pk, person(2), occurrence_start=NOV)
    waiting = rules.register(series.pk, person(3), occurrence_start=NOV).registration
    for n in (4, 5, 6):
        rules.register(series.pk, person(n), occurrence_start=DEC)
    result = rules.cancel(first.pk)
    assert [r.pk for r in result.promoted] == [waiting.pk]
    december = Registration.objects.filter(occurrence_start=DEC)
    assert sorted(december.values_list("status", flat=True)) == [
        "bestaetigt",
        "bestaetigt",
        "warteliste",
    ]


def test_a_date_not_in_the_series_or_cancelled_takes_no_registration(series):
    elsewhere = berlin(2026, 11, 11, 19, 0)
    assert rules.register(series.pk, person(1), occurrence_start=elsewhere).outcome == "closed"
    cancelled = berlin(2027, 1, 12, 19, 0)
    assert rules.register(series.pk, person(1), occurrence_start=cancelled).outcome == "closed"
    past = berlin(2026, 10, 13, 19, 0)
    assert rules.register(series.pk, person(1), occurrence_start=past).outcome == "closed"
    assert not Registration.objects.exists()


def test_registering_through_the_page_of_a_date(post, client, series):
    page = client.get(series.url + "?termin=2026-12-08").content.decode()
    assert "anmeldung/?termin=2026-12-08" in page
    form = client.get(series.url + "anmeldung/?termin=2026-12-08")
    assert form.status_code == 200
    assert "8. Dezember 2026" in form.content.decode()
    response = post(
        series.url + "anmeldung/?termin=2026-12-08",
        {"name": "Erika Beispiel", "email": "erika@example.org", "consent": "on"},
    )
    assert response.status_code == 200
    stored = Registration.objects.get()
    assert stored.occurrence_start == DEC and stored.status == "bestaetigt"
    (message,) = mail.outbox
    assert "8. Dezember 2026" in message.body
    _name, content, _type = message.attachments[0]
    (vevent,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert vevent.decoded("dtstart").astimezone(BERLIN) == DEC
    assert "RRULE" not in vevent  # the person's date, not the series
    assert str(vevent["UID"]).startswith(f"{series.translation_key}-20261208@")
    # The cancel link in the mail shows the person's date.
    url = next(line for line in message.body.split() if "/abmelden/?code=" in line)
    cancel_page = client.get("/" + url.split("/", 3)[3]).content.decode()
    assert "8. Dezember 2026" in cancel_page


def test_the_page_without_a_date_registers_for_the_next_one(post, series):
    post(series.url + "anmeldung/", {"name": "A", "email": "a@example.org", "consent": "on"})
    assert Registration.objects.get().occurrence_start == NOV


def test_staff_counts_cover_the_whole_series(series):
    rules.register(series.pk, person(1), occurrence_start=NOV)
    rules.register(series.pk, person(2), occurrence_start=DEC)
    counts = rules.counts(series)
    assert counts["confirmed"] == 2 and counts["free"] is None
