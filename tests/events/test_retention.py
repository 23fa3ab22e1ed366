"""Retention (DSGVO): personal data of registrations is deleted a set number of days
after the event, the counts stay; one person can be erased on request."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from events import registration as rules
from events import retention
from events.models import Notification, Registration
from tests.factories.events import EventPageFactory, berlin

pytestmark = pytest.mark.django_db
PERSONAL = [
    "name",
    "email",
    "organisation",
    "notes",
    "dietary_needs",
    "accessibility_needs",
    "user_id",
]


@pytest.fixture
def events(calendar_page, frozen):
    frozen(berlin(2025, 1, 5, 12, 0))
    made = {}
    for key, start in (("old", berlin(2025, 1, 10, 10)), ("recent", berlin(2025, 6, 10, 10))):
        event = EventPageFactory(
            parent=calendar_page,
            registration_mode="intern",
            capacity=2,
            price=Decimal("30"),
            ask_notes=True,
            start=start,
        )
        for n in range(3):
            rules.register(
                event.pk,
                rules.Applicant(
                    name=f"Person {n}",
                    email=f"p{n}@example.org",
                    organisation="Beispiel AG",
                    notes="Bitte vegetarisch",
                ),
            )
        made[key] = event
    return made


def test_purge_deletes_personal_data_after_the_retention_period_and_keeps_counts(events, frozen):
    old, recent = events["old"], events["recent"]
    before = rules.counts(old)
    # 180 days after the old event's end, but not yet for the recent one.
    at = frozen(old.end + datetime.timedelta(days=180, minutes=1))
    assert retention.purge_due(at=at) == 3
    for row in Registration.objects.filter(event=old).values(*PERSONAL, "anonymised_at", "price"):
        assert {key: row[key] for key in PERSONAL} == {
            "name": "", "email": None, "organisation": "", "notes": "",
            "dietary_needs": "", "accessibility_needs": "", "user_id": None,
        }  # fmt: skip
        assert row["anonymised_at"] == at and row["price"] == Decimal("30")
    assert rules.counts(old) == before  # statistics stay
    assert not Notification.objects.filter(registration__event=old).exists()
    assert Registration.objects.filter(event=recent, anonymised_at=None).count() == 3
    assert retention.purge_due(at=at) == 0  # nothing twice


def test_nothing_is_purged_before_the_period_ends(events):
    at = events["old"].end + datetime.timedelta(days=179)
    assert retention.purge_due(at=at) == 0


def test_anonymised_addresses_do_not_block_new_registrations(events, frozen):
    old = events["old"]
    retention.purge_due(at=frozen(old.end + datetime.timedelta(days=181)))
    assert Registration.objects.filter(event=old, email=None).count() == 3


def test_erase_one_person_everywhere_and_free_the_upcoming_place(events, frozen):
    frozen(berlin(2025, 1, 5, 12, 0))
    recent = events["recent"]
    assert retention.erase_person(" P0@Example.org ") == 2
    assert not Registration.objects.filter(email="p0@example.org").exists()
    erased = Registration.objects.get(event=recent, anonymised_at__isnull=False)
    assert erased.status == "storniert" and erased.name == ""
    # p2 was waiting and moved up into the freed place.
    assert Registration.objects.get(event=recent, email="p2@example.org").status == "bestaetigt"


def test_command_runs_the_rule_and_the_erasure(events, frozen):
    frozen(events["old"].end + datetime.timedelta(days=200))
    out = io.StringIO()
    call_command("purge_registrations", stdout=out)
    assert "3 of the registrations anonymised under the retention rule" in out.getvalue()
    call_command("purge_registrations", "--email", "p1@example.org", stdout=out)
    assert not Registration.objects.filter(email="p1@example.org").exists()
