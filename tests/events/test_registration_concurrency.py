"""Capacity under concurrency, with real threads against PostgreSQL.

Fifty people register at the same instant for the last few places: exactly the free
places are confirmed, nobody more. The control test removes the row lock (and widens the
window between counting and inserting, as a busy server would) and shows the overbooking
that the lock prevents, so the first test is known to see the race. A third test fires
cancellations and registrations at once: never above capacity, nobody moved up twice.
"""

import threading
import time
from decimal import Decimal

import pytest
from django.db import connection

from events import registration as rules
from events.models import EventPage, Registration
from tests.factories.events import EventPageFactory, berlin

# Real transactions (the threads use their own connections); the rows the migrations
# made (site, root page) are restored after each test.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 50
CAPACITY = 10
TAKEN = 7  # three places left
NOW = berlin(2025, 6, 1, 12, 0)


@pytest.fixture
def event(calendar_page, frozen):
    frozen(NOW)
    page = EventPageFactory(
        parent=calendar_page,
        registration_mode="intern",
        capacity=CAPACITY,
        waiting_list=False,
        price=Decimal("50.00"),
    )
    for n in range(TAKEN):
        rules.register(page.pk, applicant(f"vorab-{n}"))
    return page


def applicant(key):
    return rules.Applicant(name=f"Person {key}", email=f"{key}@example.org")


def at_once(calls):
    """Run the callables in threads released together; return their results in order."""
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()  # each thread used its own connection

    threads = [threading.Thread(target=run, args=(n, call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


def confirmed(event):
    return Registration.objects.filter(event=event, status="bestaetigt").count()


def test_fifty_at_once_for_the_last_three_places(event):
    results = at_once(
        [lambda n=n: rules.register(event.pk, applicant(f"p{n}")) for n in range(THREADS)]
    )
    outcomes = [result.outcome for result in results]
    assert outcomes.count("confirmed") == CAPACITY - TAKEN
    assert outcomes.count("full") == THREADS - (CAPACITY - TAKEN)
    assert confirmed(event) == CAPACITY
    assert Registration.objects.filter(event=event).count() == CAPACITY


def test_fifty_at_once_with_a_waiting_list(event):
    EventPage.objects.filter(pk=event.pk).update(waiting_list=True)
    results = at_once(
        [lambda n=n: rules.register(event.pk, applicant(f"p{n}")) for n in range(THREADS)]
    )
    outcomes = [result.outcome for result in results]
    assert outcomes.count("confirmed") == CAPACITY - TAKEN
    assert outcomes.count("waitlisted") == THREADS - (CAPACITY - TAKEN)
    assert confirmed(event) == CAPACITY


def test_control_without_the_lock_the_event_is_overbooked(event, monkeypatch):
    """The same fifty registrations with the row lock removed: more people are confirmed
    than there are places. (This is what the lock in the tests above prevents.)"""
    counted = rules.free_places

    def slow_free_places(page):
        places = counted(page)
        time.sleep(0.05)  # the time a busy server may take between counting and writing
        return places

    monkeypatch.setattr(
        rules, "lock_event", lambda pk, occurrence_start=None: EventPage.objects.get(pk=pk)
    )
    monkeypatch.setattr(rules, "free_places", slow_free_places)
    at_once([lambda n=n: rules.register(event.pk, applicant(f"p{n}")) for n in range(THREADS)])
    assert confirmed(event) > CAPACITY


def test_cancellations_and_registrations_at_once_never_overbook_nor_promote_twice(event):
    EventPage.objects.filter(pk=event.pk).update(waiting_list=True)
    for n in range(CAPACITY - TAKEN):
        rules.register(event.pk, applicant(f"rest-{n}"))
    for n in range(20):
        rules.register(event.pk, applicant(f"wartend-{n}"))
    leaving = list(
        Registration.objects.filter(event=event, status="bestaetigt").values_list("pk", flat=True)
    )
    assert len(leaving) == CAPACITY

    calls = [lambda pk=pk: rules.cancel(pk) for pk in leaving]
    calls += [lambda n=n: rules.register(event.pk, applicant(f"neu-{n}")) for n in range(30)]
    calls += [lambda pk=pk: rules.cancel(pk) for pk in leaving[:5]]  # some cancel twice
    results = at_once(calls)

    promoted = [r.pk for result in results for r in result.promoted]
    assert len(promoted) == len(set(promoted)) == CAPACITY  # each freed place filled once
    assert confirmed(event) == CAPACITY
    rows = Registration.objects.filter(event=event)
    assert rows.filter(status="storniert").count() == CAPACITY
    assert set(rows.filter(pk__in=promoted).values_list("status", flat=True)) == {"bestaetigt"}
    # The first twenty on the waiting list moved up in order of registration (first ten).
    first_waiting = list(
        rows.filter(email__startswith="wartend-").order_by("created_at", "pk")[:CAPACITY]
    )
    assert {r.pk for r in first_waiting} == set(promoted)


def test_fifty_at_once_for_two_dates_of_a_series_never_overbook_either(calendar_page, frozen):
    """A series: places are per date. Fifty people at once, half for each of two dates
    with three places each: three confirmed per date, the rest refused."""
    frozen(NOW)
    series = EventPageFactory(
        parent=calendar_page,
        start=berlin(2025, 6, 10, 18, 0),
        end=berlin(2025, 6, 10, 20, 0),
        recurrence="FREQ=WEEKLY;COUNT=4",
        registration_mode="intern",
        capacity=3,
        waiting_list=False,
    )
    first, second = berlin(2025, 6, 10, 18, 0), berlin(2025, 6, 17, 18, 0)
    results = at_once(
        [
            lambda n=n: rules.register(
                series.pk, applicant(f"s{n}"), occurrence_start=first if n % 2 else second
            )
            for n in range(THREADS)
        ]
    )
    assert [result.outcome for result in results].count("confirmed") == 6
    for date in (first, second):
        rows = Registration.objects.filter(event=series, occurrence_start=date)
        assert rows.filter(status="bestaetigt").count() == 3
        assert rows.count() == 3
