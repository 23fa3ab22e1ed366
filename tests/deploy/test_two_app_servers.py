"""Two app servers, one truth: two gunicorn instances (production settings) on one
PostgreSQL database and one Redis behind one Varnish. An editor publishes through one of
them (or a third process); the change is visible at once on both (their shared page cache) and through Varnish
(purged by the server that published). A registration rush split across both servers never
overbooks: the row lock in PostgreSQL holds across processes and machines."""

import threading
from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from events.models import Registration
from tests.deploy.conftest import Browser, set_production_password, varnishd_missing_reason
from tests.factories import StandardPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory, berlin

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(bool(varnishd_missing_reason()), reason=varnishd_missing_reason() or ""),
]

PASSWORD = "geheim-Passwort-2025"
CAPACITY = 5
PEOPLE = 24


def test_an_unpublish_through_one_server_is_seen_everywhere_at_once(two_app_servers, home_page):
    stack = two_app_servers
    server_a, server_b = stack.servers
    page = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    readers = [server_a, server_b, stack.base]
    for base in readers:  # every cache holds the old page
        Browser().get(base + "/ueber-uns/")
        assert "Über uns" in Browser().get(base + "/ueber-uns/").text
    assert Browser().get(stack.base + "/ueber-uns/").cache == "HIT"

    # A publish from a third process with the same settings (the test: as the scheduler
    # or a command would): fresh on both servers and through Varnish at once.
    page.title = "Über den Verein"
    page.save_revision().publish()
    for base in readers:
        assert "Über den Verein" in Browser().get(base + "/ueber-uns/").text, base

    # An editor unpublishes in the admin of server A, over HTTP.
    set_production_password(User.objects.create_superuser("redaktion", "r@example.org"), PASSWORD)
    editor = Browser()
    editor.log_in(server_a + "/admin/login/", "redaktion", PASSWORD)
    unpublish = f"{server_a}/admin/pages/{page.pk}/unpublish/"
    form = editor.get(unpublish)
    assert form.status == 200, form.text[:300]
    done = editor.post(unpublish, {"csrfmiddlewaretoken": editor.csrf_token(form.text)})
    assert done.status == 200, done.text[:300]

    for base in readers:  # at once, on both servers and through Varnish
        assert Browser().get(base + "/ueber-uns/").status == 404, base


def test_a_registration_rush_split_across_both_servers_never_overbooks(two_app_servers, home_page):
    stack = two_app_servers
    calendar = EventIndexPageFactory(parent=home_page, slug="termine")
    event = EventPageFactory(
        parent=calendar,
        title="Jahreskonferenz",
        slug="jahreskonferenz",
        start=berlin(2099, 6, 24, 10, 0),
        registration_mode="intern",
        capacity=CAPACITY,
        waiting_list=True,
        price=Decimal("50.00"),
    )
    event_path = "/termine/jahreskonferenz/"
    before = Browser().get(stack.base + event_path)
    assert before.status == 200 and "5 Plätze" in before.text

    barrier = threading.Barrier(PEOPLE)
    answers, errors = [None] * PEOPLE, []

    def register(n):
        server = stack.servers[n % 2]  # A, B, A, B …
        try:
            barrier.wait(timeout=60)
            answers[n] = Browser().post(
                server + event_path + "anmeldung/",
                {"name": f"Person {n}", "email": f"person{n}@example.org", "consent": "on"},
            )
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=register, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert not errors, errors
    assert [a.status for a in answers] == [200] * PEOPLE

    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert len(statuses) == PEOPLE  # nobody lost
    assert statuses.count("bestaetigt") == CAPACITY  # nobody more
    assert statuses.count("warteliste") == PEOPLE - CAPACITY
    # Through Varnish, the event page shows it is full at once (purged by the servers).
    after = Browser().get(stack.base + event_path)
    assert after.cache == "MISS"
    assert "waiting list" in after.text or "Warteliste" in after.text
