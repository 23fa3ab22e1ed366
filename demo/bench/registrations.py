"""`make bench`: how many registrations per second the rules take on PostgreSQL, with
threads racing for a limited number of places, and whether the places held.

A throw-away event below the first calendar gets CAPACITY places and no waiting list;
THREADS threads each register ATTEMPTS people as fast as they can (every attempt a
transaction with the event's row lock, as on the site, mails left in the outbox). The
event is deleted afterwards. SQLite serialises writers, so this runs on PostgreSQL only.
"""

import threading
import time

from django.db import connection

from events import dates, mail
from events import registration as rules
from events.models import EventIndexPage, EventPage, Notification, Registration
from metropolregion import clock

THREADS = 8
ATTEMPTS = 50
CAPACITY = 300


def registration_throughput(threads=THREADS, attempts=ATTEMPTS, capacity=CAPACITY):
    """(attempts per second, confirmed, capacity, refused) or None without PostgreSQL."""
    if connection.vendor != "postgresql":
        return None
    calendar = EventIndexPage.objects.order_by("path").first()
    if calendar is None:
        return None
    start = dates.midnight(clock.today()) + dates.ONE_DAY * 30
    event = calendar.add_child(
        instance=EventPage(
            title="Benchmark (wird gelöscht)",
            slug=f"benchmark-{int(time.time())}",
            start=start,
            end=start,
            city="Leipzig",
            teaser="Benchmark",
            registration_mode="intern",
            capacity=capacity,
            waiting_list=False,
            live=True,
        )
    )
    queue = mail.queue
    mail.queue = lambda registration, kind: None  # measure the rules, not the mail server
    outcomes = []
    lock = threading.Lock()

    def run(worker):
        mine = []
        for n in range(attempts):
            applicant = rules.Applicant(
                name=f"Bench {worker}-{n}", email=f"b{worker}-{n}@example.org"
            )
            mine.append(rules.register(event.pk, applicant).outcome)
        with lock:
            outcomes.extend(mine)
        connection.close()

    workers = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - began
    mail.queue = queue
    confirmed = Registration.objects.filter(event=event, status="bestaetigt").count()
    Notification.objects.filter(registration__event=event).delete()
    event.delete()
    return len(outcomes) / elapsed, confirmed, capacity, outcomes.count("full")
