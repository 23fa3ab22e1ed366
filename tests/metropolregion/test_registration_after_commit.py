"""Issue 13, finding 1: once a registration is committed, nothing that fails afterwards may
turn the answer into an error page. The person learns that the registration is stored:
the thank-you page is rendered from what was read before the registration, and if even
that fails (the database went away right after the commit) a plain page says the
registration is stored and the mail will follow."""

import logging
from decimal import Decimal

import pytest
from django.db import OperationalError
from django.db.backends import utils as db_utils

from events import registration as rules
from events.models import EventPage, Notification, Registration
from tests.factories.events import EventPageFactory, berlin

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(calendar_page, frozen):
    frozen(berlin(2025, 6, 1, 12, 0))
    return EventPageFactory(
        parent=calendar_page,
        title="Jahreskonferenz",
        registration_mode="intern",
        capacity=2,
        price=Decimal("120.00"),
    )


def form_data(n=1):
    return {"name": f"Person {n}", "email": f"person{n}@example.org", "consent": "on"}


@pytest.fixture
def database_fails_after_register(monkeypatch):
    """From the moment `register()` has returned (its transaction committed), every query
    raises OperationalError, as when PostgreSQL restarts; off again when the test says so."""
    state = {"failing": False}
    register = rules.register

    def register_then_fail(*args, **kwargs):
        result = register(*args, **kwargs)
        state["failing"] = True
        return result

    def guard(method):
        def wrapped(self, *args, **kwargs):
            if state["failing"]:
                raise OperationalError("server closed the connection unexpectedly")
            return method(self, *args, **kwargs)

        return wrapped

    monkeypatch.setattr(rules, "register", register_then_fail)
    for name in ("execute", "executemany"):
        monkeypatch.setattr(
            db_utils.CursorWrapper, name, guard(getattr(db_utils.CursorWrapper, name))
        )
    yield state
    state["failing"] = False


def test_database_gone_right_after_the_commit_still_says_the_registration_is_stored(
    client, event, database_fails_after_register, caplog
):
    with caplog.at_level(logging.ERROR):
        response = client.post(event.url + "anmeldung/", form_data())
    database_fails_after_register["failing"] = False

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Ihre Anmeldung ist gespeichert" in html
    assert "person1@example.org" in html
    assert "Jahreskonferenz" in html
    # stored, and its confirmation waits in the outbox
    registration = Registration.objects.get(email="person1@example.org")
    assert Notification.objects.filter(registration=registration).exists()
    # the operator learns of it; the log names the registration, not the person
    assert any("stored" in record.getMessage() for record in caplog.records)
    assert not any("person1@example.org" in record.getMessage() for record in caplog.records)


def test_landing_needs_no_query_of_its_own_after_the_commit(client, event, monkeypatch):
    """The event's context is read once, before the registration; a failure in reading it
    again afterwards no longer matters: the full thank-you page comes from memory."""
    calls = {"after": False}
    get_context = EventPage.get_context
    register = rules.register

    def register_and_mark(*args, **kwargs):
        result = register(*args, **kwargs)
        calls["after"] = True
        return result

    def get_context_fails_afterwards(self, request, *args, **kwargs):
        if calls["after"]:
            raise OperationalError("server closed the connection unexpectedly")
        return get_context(self, request, *args, **kwargs)

    monkeypatch.setattr(rules, "register", register_and_mark)
    monkeypatch.setattr(EventPage, "get_context", get_context_fails_afterwards)

    response = client.post(event.url + "anmeldung/", form_data())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Vielen Dank für Ihre Anmeldung" in html
    assert "person1@example.org" in html
    assert '<main id="main"' in html  # the site's own layout, not the plain page
    assert Registration.objects.filter(email="person1@example.org").exists()


def test_duplicate_still_sees_what_a_newcomer_would_see(client, event):
    """The thank-you page of an address already registered is decided from the places
    read before the attempt; it still matches a newcomer's (waiting list when full)."""
    event.waiting_list = True
    event.save()
    client.post(event.url + "anmeldung/", form_data(1))
    client.post(event.url + "anmeldung/", form_data(2))  # full now
    newcomer = client.post(event.url + "anmeldung/", form_data(3))
    duplicate = client.post(event.url + "anmeldung/", form_data(1))

    assert "Sie stehen auf der Warteliste" in newcomer.content.decode()
    assert "Sie stehen auf der Warteliste" in duplicate.content.decode()
