"""The registration benchmark of `make bench` (PostgreSQL): it measures, keeps the places
and leaves nothing behind."""

import pytest

from demo.bench.registrations import registration_throughput
from events.models import EventPage, Notification, Registration

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_benchmark_reports_throughput_keeps_the_places_and_cleans_up(calendar_page):
    per_second, confirmed, capacity, refused = registration_throughput(
        threads=4, attempts=10, capacity=25
    )
    assert per_second > 0
    assert (confirmed, capacity, refused) == (25, 25, 15)
    assert not EventPage.objects.filter(slug__startswith="benchmark-").exists()
    assert not Registration.objects.exists() and not Notification.objects.exists()
