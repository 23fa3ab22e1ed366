"""A small registration rush through the code path of `make rush` (demo/bench/rush.py):
gunicorn with the production settings on this PostgreSQL test database and Redis, locust
visitors, members logged in through the log-in form. The places hold exactly, the rest
wait, no request fails, and the run leaves nothing behind."""

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django_tasks_db.models import DBTaskResult

from demo.bench import rush
from events.models import EventPage, Notification, Registration
from tests.factories.events import EventIndexPageFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
RUSH_REDIS_URL = "redis://127.0.0.1:6379/13"


def test_small_rush_holds_the_places_without_errors_and_cleans_up(home_page, static_root):
    EventIndexPageFactory(parent=home_page)
    pages_before = EventPage.objects.count()
    plan = rush.Plan(
        visitors=60,
        registrants=20,
        places=10,
        members=8,
        spawn_seconds=15,
        think="0.2,1",
        cpu_posts=10,
        cpu_concurrency=4,
        workers="2",
    )
    lines = []

    figures = rush.run(lines.append, plan, redis_url=RUSH_REDIS_URL, static_root=static_root)

    assert (figures["confirmed"], figures["waitlisted"], figures["registrations"]) == (10, 10, 20)
    assert figures["logins"] == 7  # every third of 20 registrants
    rows = figures["rows"]
    assert rows["All requests"]["failures"] == 0
    assert rows["GET event page"]["count"] == 60
    assert rows["GET registration form"]["count"] == 20
    assert rows["POST registration (member)"]["count"] == 7
    assert rows["POST registration (anonymous)"]["count"] == 13
    assert figures["cpu_ms"] > 0
    text = "\n".join(lines)
    assert "- Confirmed: 10 of 10 places, waiting list: 10" in text
    assert "errors: 0 (target 0: met)" in text
    # nothing left behind
    assert EventPage.objects.count() == pages_before
    assert not Registration.objects.exists() and not Notification.objects.exists()
    assert not User.objects.filter(username__startswith="rush-member-").exists()
    assert not Session.objects.exists() and not DBTaskResult.objects.exists()


def test_the_rush_refuses_a_server_without_redis():
    with pytest.raises(rush.BenchError, match="needs Redis"):
        rush.run(print, rush.Plan(visitors=1), redis_url="redis://127.0.0.1:1/0")
