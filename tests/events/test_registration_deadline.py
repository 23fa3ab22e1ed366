"""The registration deadline is shown where people register: on the event page next to
the button and on the form, in German and in Berlin time; after it, both say that
registration has closed (issue 12, item 8)."""

import datetime
import re
from decimal import Decimal

import pytest

from events import dates
from tests.factories.events import EventPageFactory, berlin

pytestmark = pytest.mark.django_db

# 20 June 2025, 18:00 in Berlin (summer time) = 16:00 UTC: stored in UTC on purpose.
DEADLINE = datetime.datetime(2025, 6, 20, 16, 0, tzinfo=datetime.UTC)
SHOWN = "Fr., 20. Juni 2025, 18:00 Uhr"


@pytest.fixture
def event(calendar_page):
    return EventPageFactory(
        parent=calendar_page,
        title="Jahreskonferenz",
        start=berlin(2025, 6, 24, 10, 0),
        registration_mode="intern",
        registration_closes=DEADLINE,
        capacity=20,
        price=Decimal("50.00"),
    )


def text(html):
    """The visible text, tags removed and white space collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" .", ".")


def box(response):
    html = response.content.decode()
    start = html.index('<div class="event__registration">')
    return html[start : html.index("</div>", start)]


def main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_format_moment_is_german_in_berlin_time():
    assert dates.format_moment(DEADLINE) == SHOWN
    winter = datetime.datetime(2025, 1, 15, 8, 30, tzinfo=datetime.UTC)
    assert dates.format_moment(winter) == "Mi., 15. Januar 2025, 09:30 Uhr"


def test_deadline_shown_next_to_the_button_and_on_the_form(client, event, frozen):
    frozen(berlin(2025, 6, 1, 12, 0))
    page = client.get(event.url)
    registration = box(page)
    assert "Jetzt anmelden" in registration
    assert f"Anmeldung bis {SHOWN}" in text(registration)
    assert '<time datetime="2025-06-20T18:00:00+02:00">' in registration

    form = main(client.get(event.url + "anmeldung/"))
    assert "registration-form" in form
    assert f"Anmeldung bis {SHOWN}" in text(form)


def test_without_a_deadline_registration_runs_until_the_start(client, event, frozen):
    frozen(berlin(2025, 6, 1, 12, 0))
    event.registration_closes = None
    event.save()
    assert "Anmeldung bis Di., 24. Juni 2025, 10:00 Uhr" in text(box(client.get(event.url)))


def test_members_only_event_shows_the_deadline_to_the_public_too(client, event, frozen):
    frozen(berlin(2025, 6, 1, 12, 0))
    event.audience = "mitglieder"
    event.save()
    registration = text(box(client.get(event.url)))
    assert "nur für Mitglieder" in registration and f"Anmeldung bis {SHOWN}" in registration


def test_after_the_deadline_both_say_registration_has_closed(client, event, frozen):
    frozen(berlin(2025, 6, 20, 18, 0))  # the very minute of the deadline
    registration = text(box(client.get(event.url)))
    assert "Jetzt anmelden" not in registration
    assert "Die Anmeldung für diese Veranstaltung ist geschlossen." in registration
    assert f"Anmeldeschluss war {SHOWN}." in registration
    assert "Anmeldung bis" not in registration

    form = client.get(event.url + "anmeldung/")
    assert form.status_code == 200
    assert "registration-form" not in main(form)
    assert f"Anmeldeschluss war {SHOWN}." in text(main(form))


def test_a_cancelled_event_shows_no_deadline(client, event, frozen):
    frozen(berlin(2025, 6, 1, 12, 0))
    event.status = "abgesagt"
    event.save()
    registration = text(box(client.get(event.url)))
    assert "Die Anmeldung für diese Veranstaltung ist geschlossen." in registration
    assert "Anmeldung bis" not in registration and "Anmeldeschluss" not in registration
