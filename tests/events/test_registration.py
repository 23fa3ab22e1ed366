"""The registration rules without HTTP: places, waiting list, moving up, member prices,
members-only events, one registration per address, the registration window."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.db import IntegrityError, transaction

from events import registration as rules
from events.models import Registration
from tests.factories.events import EventPageFactory, berlin

NOW = berlin(2025, 6, 1, 12, 0)
pytestmark = pytest.mark.django_db


@pytest.fixture
def event(calendar_page, frozen):
    frozen(NOW)
    return EventPageFactory(
        parent=calendar_page,
        registration_mode="intern",
        capacity=2,
        waiting_list=True,
        price=Decimal("120.00"),
        member_price=Decimal("80.00"),
    )


@pytest.fixture
def member():
    user = User.objects.create_user("erika", "erika@example.org", "x")
    user.groups.add(Group.objects.get_or_create(name=rules.MEMBERS_GROUP)[0])
    return user


def person(n, **fields):
    return rules.Applicant(name=f"Person {n}", email=f"Person{n}@Example.org", **fields)


def statuses(event):
    return [(r.name, r.status) for r in Registration.objects.filter(event=event).order_by("pk")]


def test_places_then_waiting_list(event):
    outcomes = [rules.register(event.pk, person(n)).outcome for n in range(4)]
    assert outcomes == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert rules.counts(event) == {
        "confirmed": 2,
        "waiting": 2,
        "cancelled": 0,
        "checked_in": 0,
        "free": 0,
    }


def test_full_event_without_waiting_list_refuses(event):
    event.waiting_list = False
    event.save()
    rules.register(event.pk, person(1))
    rules.register(event.pk, person(2))
    result = rules.register(event.pk, person(3))
    assert result.outcome == rules.Outcome.FULL and result.refused
    assert Registration.objects.filter(event=event).count() == 2


def test_cancelling_a_place_moves_the_first_waiting_person_up(event):
    first = rules.register(event.pk, person(1)).registration
    rules.register(event.pk, person(2))
    waiting = [rules.register(event.pk, person(n)).registration for n in (3, 4)]
    result = rules.cancel(first.pk)
    assert result.registration.status == "storniert"
    assert [r.pk for r in result.promoted] == [waiting[0].pk]
    waiting[0].refresh_from_db()
    assert waiting[0].status == "bestaetigt" and waiting[0].promoted_at == NOW
    assert rules.counts(event)["confirmed"] == 2
    # Cancelling again changes nothing and moves nobody up.
    again = rules.cancel(first.pk)
    assert again.promoted == [] and rules.counts(event)["confirmed"] == 2


def test_cancelling_a_waiting_place_moves_nobody_up(event):
    for n in range(3):
        rules.register(event.pk, person(n))
    waiting = Registration.objects.get(event=event, status="warteliste")
    assert rules.cancel(waiting.pk).promoted == []
    assert rules.counts(event) == {
        "confirmed": 2,
        "waiting": 0,
        "cancelled": 1,
        "checked_in": 0,
        "free": 0,
    }


def test_members_move_up_first_where_the_event_says_so(event, member):
    event.members_first = True
    event.save()
    first = rules.register(event.pk, person(1)).registration
    rules.register(event.pk, person(2))
    rules.register(event.pk, person(3))  # waiting, not a member, came first
    waiting_member = rules.register(event.pk, person(4), user=member).registration
    promoted = rules.cancel(first.pk).promoted
    assert [r.pk for r in promoted] == [waiting_member.pk]


def test_without_members_first_the_order_is_first_come(event, member):
    first = rules.register(event.pk, person(1)).registration
    rules.register(event.pk, person(2))
    early = rules.register(event.pk, person(3)).registration
    rules.register(event.pk, person(4), user=member)
    assert [r.pk for r in rules.cancel(first.pk).promoted] == [early.pk]


def test_member_price_for_members_and_price_for_the_public(event, member):
    public = rules.register(event.pk, person(1)).registration
    own = rules.register(event.pk, person(2), user=member).registration
    assert (public.price, public.is_member) == (Decimal("120.00"), False)
    assert (own.price, own.is_member, own.user) == (Decimal("80.00"), True, member)


def test_free_event_records_price_zero(event):
    event.price = event.member_price = None
    event.save()
    assert rules.register(event.pk, person(1)).registration.price == Decimal("0")


def test_members_only_event_refuses_the_public(event, member):
    event.audience = "mitglieder"
    event.save()
    assert rules.register(event.pk, person(1)).outcome == rules.Outcome.MEMBERS_ONLY
    outsider = User.objects.create_user("max", "max@example.org", "x")
    assert rules.register(event.pk, person(2), user=outsider).outcome == "members_only"
    assert rules.register(event.pk, person(3), user=member).outcome == "confirmed"


def test_second_registration_with_the_same_address_is_a_duplicate(event):
    first = rules.register(event.pk, person(1)).registration
    again = rules.register(event.pk, rules.Applicant(name="Jemand", email=" person1@example.ORG "))
    assert again.outcome == rules.Outcome.DUPLICATE
    assert again.registration.pk == first.pk and again.registration.name == "Person 1"
    assert Registration.objects.filter(event=event).count() == 1


def test_after_cancelling_the_same_address_may_register_again(event):
    first = rules.register(event.pk, person(1)).registration
    rules.cancel(first.pk)
    again = rules.register(event.pk, person(1))
    assert again.outcome == "confirmed" and again.registration.pk == first.pk
    assert again.registration.cancelled_at is None


def test_database_allows_one_registration_per_address(event):
    rules.register(event.pk, person(1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, name="X", email="person1@example.org")


@pytest.mark.parametrize(
    ("fields", "outcome"),
    [
        ({"registration_mode": "keine"}, "no_registration"),
        (
            {"registration_mode": "extern", "registration_url": "https://example.org/"},
            "no_registration",
        ),
        ({"registration_opens": berlin(2025, 6, 2, 9, 0)}, "not_open_yet"),
        ({"registration_closes": berlin(2025, 6, 1, 12, 0)}, "closed"),
        ({"status": "abgesagt"}, "closed"),
        ({"start": berlin(2025, 5, 1, 9, 0), "end": berlin(2025, 5, 1, 12, 0)}, "closed"),
    ],
)
def test_registration_window_and_mode(event, fields, outcome):
    for name, value in fields.items():
        setattr(event, name, value)
    event.save()
    assert rules.register(event.pk, person(1)).outcome == outcome
    assert not Registration.objects.filter(event=event).exists()


def test_registration_closes_when_the_event_starts_by_default(event, frozen):
    frozen(event.start)
    assert rules.register(event.pk, person(1)).outcome == "closed"


def test_only_the_asked_questions_are_stored(event):
    event.ask_notes, event.ask_dietary_needs, event.ask_accessibility_needs = True, False, True
    event.save()
    stored = rules.register(
        event.pk,
        person(1, notes="Komme später", dietary_needs="vegan", accessibility_needs="Rampe"),
    ).registration
    assert (stored.notes, stored.dietary_needs, stored.accessibility_needs) == (
        "Komme später",
        "",
        "Rampe",
    )


def test_a_login_linked_to_an_active_member_organisation_is_a_member(event):
    from metropolregion.membership.models import MemberOrganisation, MemberProfile

    user = User.objects.create_user("jonas", "jonas@example.org", "x")
    assert not rules.is_member(user)
    organisation = MemberOrganisation.objects.create(name="Beispiel AG", type="unternehmen")
    MemberProfile.objects.create(user=user, organisation=organisation)
    assert rules.is_member(user)
    assert rules.register(event.pk, person(1), user=user).registration.price == Decimal("80.00")
    organisation.active = False
    organisation.save()
    assert not rules.is_member(user)
