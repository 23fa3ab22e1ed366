"""The rules of event registration, in small functions called from the page, the admin
and commands alike (tested without HTTP).

- Capacity is never exceeded: every change that fills or frees a place runs in a
  transaction that first locks the event's row (SELECT … FOR UPDATE on PostgreSQL), so
  registrations and cancellations for one event queue up behind each other.
- One registration per email address and event (a database constraint); a second attempt
  is answered like the first, so the page never reveals who is registered.
- A logged-in member gets the member price; the price is recorded with the registration.
- When a confirmed place becomes free, the first on the waiting list moves up (members
  first where the event says so) in the same transaction: nobody moves up twice.
- The online join link of an event people register for here is for confirmed
  participants only: it goes into their mails, never onto a public page or feed.
- Registrations belong to the event in the site's first language (`event_id` is that
  page's): its translations share its places. Each registration keeps the language of the
  page the person used, and their mails are written in it (events.mail).
"""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.apps import apps
from django.db import transaction
from django.db.models import Case, Count, IntegerField, Q, Value, When

from metropolregion import clock
from metropolregion.membership.members import member_organisation

from . import mail, recurrence
from .cancel_links import (  # noqa: F401 - the rules' API, used by pages and tests
    CANCEL_SALT,
    LinkExpired,
    LinkInvalid,
    cancel_code,
    cancel_url,
    registration_for_code,
)
from .choices import Audience, EventStatus, RegistrationMode, RegistrationStatus
from .models.notification import NotificationKind
from .models.registration import Registration

CONFIRMED = RegistrationStatus.CONFIRMED
WAITLISTED = RegistrationStatus.WAITLISTED
CANCELLED = RegistrationStatus.CANCELLED

MEMBERS_GROUP = "Mitglieder"


class Outcome(StrEnum):
    """What became of an attempt to register."""

    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    DUPLICATE = "duplicate"  # answered like CONFIRMED; the address gets a mail instead
    # Refusals: the page says so plainly.
    NO_REGISTRATION = "no_registration"
    NOT_OPEN_YET = "not_open_yet"
    CLOSED = "closed"
    FULL = "full"
    MEMBERS_ONLY = "members_only"


REFUSALS = {
    Outcome.NO_REGISTRATION,
    Outcome.NOT_OPEN_YET,
    Outcome.CLOSED,
    Outcome.FULL,
    Outcome.MEMBERS_ONLY,
}


@dataclass
class Applicant:
    """What a person enters in the form (already validated)."""

    name: str
    email: str
    organisation: str = ""
    notes: str = ""
    dietary_needs: str = ""
    accessibility_needs: str = ""


@dataclass
class Result:
    outcome: str
    registration: Registration | None = None
    promoted: list = field(default_factory=list)
    changed: bool = True  # False: nothing to do (e.g. cancelled already)

    @property
    def refused(self):
        return self.outcome in REFUSALS


def normalise_email(email):
    return (email or "").strip().lower()


def is_member(user):
    """Whether `user` is a logged-in member: linked to an active member organisation, or,
    without any link, in the members' group (accounts staff created by hand). A person
    whose organisation is no longer active is no member, whatever the group says."""
    if user is None or not user.is_authenticated:
        return False
    from metropolregion.membership.members import linked_organisation_active

    active = linked_organisation_active(user)
    if active is not None:
        return active
    return user.groups.filter(name=MEMBERS_GROUP).exists()


def price_for(event, member):
    """The price a person pays: the member price for members where there is one."""
    if member and event.member_price is not None:
        return event.member_price
    return event.price if event.price is not None else Decimal("0")


def lock_event(event_id, occurrence_start=None):
    """The event, its row locked until the transaction ends (a no-op lock on SQLite,
    which serialises writers anyway). With `occurrence_start`: shown as that date of its
    series (places are per date), or None when the series has no such date."""
    # The page model is above this module (its routes use these rules): looked up.
    EventPage = apps.get_model("events", "EventPage")
    event = EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)
    if occurrence_start is None:
        return event
    found = event.occurrences.filter(original_start=occurrence_start).first()
    return recurrence.apply_occurrence(event, found) if found is not None else None


def date_of(event):
    """The date of its series `event` stands for (None for an event without a rule)."""
    return getattr(event, "occurrence_start", None)


def registrations_of(event):
    """The registrations for `event`, or for the date of its series it stands for."""
    return Registration.objects.filter(event=event, occurrence_start=date_of(event))


def confirmed_count(event):
    return registrations_of(event).filter(status=CONFIRMED).count()


def free_places(event):
    """Places left, or None for an event without a limit."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - confirmed_count(event))


def availability(event, user=None, at=None, places=None):
    """Why a person cannot register now (an Outcome of REFUSALS), or None if they can.
    A full event with a waiting list is open: people join the list. `places`: the free
    places if the caller has counted them already."""
    at = at or clock.now()
    if event.registration_mode != RegistrationMode.INTERNAL:
        return Outcome.NO_REGISTRATION
    if event.status == EventStatus.CANCELLED or event.is_past(at):
        return Outcome.CLOSED
    if event.registration_opens and at < event.registration_opens:
        return Outcome.NOT_OPEN_YET
    if at >= event.registration_closes_at:
        return Outcome.CLOSED
    if event.audience == Audience.MEMBERS and not is_member(user):
        return Outcome.MEMBERS_ONLY
    if not event.waiting_list and (places if places is not None else free_places(event)) == 0:
        return Outcome.FULL
    return None


def place(event, applicant, *, member=False, user=None, details=True, language=None):
    """Give `applicant` a place: confirmed while places are free, else on the waiting
    list; a cancelled registration of the same address is reused. Who may register and
    when is the caller's question; the caller holds the event's lock (`lock_event`).
    Returns the Result, or a DUPLICATE result when the address holds a place already
    (nothing is changed then). `details=False` (staff at the door): no form details.
    `language`: of the page the person used (their mails are in it); else German."""
    email = normalise_email(applicant.email)
    existing = registrations_of(event).filter(email=email).first()
    if existing is not None and existing.status != CANCELLED:
        return Result(Outcome.DUPLICATE, existing)
    places = free_places(event)
    status = CONFIRMED if places is None or places > 0 else WAITLISTED
    registration = existing or Registration(
        event=event, occurrence_start=date_of(event), email=email
    )
    registration.status = status
    registration.name = applicant.name.strip()
    registration.organisation = applicant.organisation.strip()
    if details:
        registration.notes = applicant.notes.strip() if event.ask_notes else ""
        registration.dietary_needs = (
            applicant.dietary_needs.strip() if event.ask_dietary_needs else ""
        )
        registration.accessibility_needs = (
            applicant.accessibility_needs.strip() if event.ask_accessibility_needs else ""
        )
        registration.user = user if user is not None and user.is_authenticated else None
        registration.is_member = member
        registration.promoted_at = None
    registration.price = price_for(event, member)
    registration.cancelled_at = None
    if language:
        registration.language = language
    registration.save()
    confirmed = status == CONFIRMED
    mail.queue(
        registration, NotificationKind.CONFIRMATION if confirmed else NotificationKind.WAITLIST
    )
    return Result(Outcome.CONFIRMED if confirmed else Outcome.WAITLISTED, registration)


@transaction.atomic
def register(event_id, applicant, user=None, at=None, language=None, occurrence_start=None):
    """Register `applicant` for the event (for a series: for the date `occurrence_start`):
    confirmed while places are free, else on the waiting list (if the event has one),
    else refused. A second registration of an address is answered like the first; the
    address gets a mail that says so (in the language of the first). `language`: of the
    page the person used."""
    event = lock_event(event_id, occurrence_start)
    if event is None:
        return Result(Outcome.CLOSED)
    refusal = availability(event, user=user, at=at)
    if refusal is not None:
        return Result(refusal)
    result = place(event, applicant, member=is_member(user), user=user, language=language)
    if result.outcome == Outcome.DUPLICATE:
        mail.queue(result.registration, NotificationKind.DUPLICATE)
    return result


@transaction.atomic
def cancel(registration_id, at=None, notify=True):
    """Cancel a registration; a freed place goes to the waiting list. Cancelling twice
    changes nothing the second time. `notify=False`: no mail to the person (erasure)."""
    registration = Registration.objects.only("event_id", "occurrence_start").get(pk=registration_id)
    event = lock_event(registration.event_id, registration.occurrence_start)
    registration = Registration.objects.select_for_update().get(pk=registration_id)
    if registration.status == CANCELLED:
        return Result(CANCELLED, registration, changed=False)
    was_confirmed = registration.status == CONFIRMED
    registration.status = CANCELLED
    registration.cancelled_at = at or clock.now()
    registration.checked_in_at = None
    registration.save(update_fields=["status", "cancelled_at", "checked_in_at", "updated_at"])
    if notify:
        mail.queue(registration, NotificationKind.CANCELLATION)
    promoted = fill_free_places(event, at=at) if was_confirmed and event is not None else []
    return Result(CANCELLED, registration, promoted)


def waiting_list(event):
    """The waiting list in the order people move up: first come, first served, members
    first where the event says so."""
    waiting = registrations_of(event).filter(status=WAITLISTED)
    if event.members_first:
        waiting = waiting.annotate(
            member_rank=Case(
                When(is_member=True, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        ).order_by("member_rank", "created_at", "pk")
    else:
        waiting = waiting.order_by("created_at", "pk")
    return waiting


def fill_free_places(event, at=None):
    """Move people up from the waiting list while places are free. The caller holds the
    event's lock (call it inside `lock_event`'s transaction)."""
    places = free_places(event)
    if places == 0:
        return []
    waiting = waiting_list(event).select_for_update(of=("self",))
    chosen = list(waiting if places is None else waiting[:places])
    moment = at or clock.now()
    for registration in chosen:
        registration.status = CONFIRMED
        registration.promoted_at = moment
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        mail.queue(registration, NotificationKind.PROMOTION)
    return chosen


def counts(event):
    """Confirmed, waiting, cancelled and checked-in registrations, and free places (for a
    series without a chosen date: over all its dates, free places per date not given)."""
    whole_series = date_of(event) is None and recurrence.is_recurring(event)
    rows = Registration.objects.filter(event=event) if whole_series else registrations_of(event)
    found = rows.aggregate(
        confirmed=Count("pk", filter=Q(status=CONFIRMED)),
        waiting=Count("pk", filter=Q(status=WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=CANCELLED)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )
    capacity = event.capacity
    found["free"] = None if capacity is None else max(0, capacity - found["confirmed"])
    if whole_series:
        found["free"] = None
    return found


def initial_data(user):
    """The form's pre-filled values for a logged-in person: the name from the account
    (first and last name, never the login name: empty, the form asks for it)."""
    if user is None or not user.is_authenticated:
        return {}
    initial = {"name": user.get_full_name().strip(), "email": user.email}
    organisation = member_organisation(user)
    if organisation is not None:
        initial["organisation"] = organisation.name
    return initial


# -- what staff do --


@transaction.atomic
def promote(registration_id, at=None):
    """Move one person up from the waiting list by hand, if a place is free (the
    capacity is never exceeded: raise it on the event first). True if moved up."""
    registration = Registration.objects.only("event_id", "occurrence_start").get(pk=registration_id)
    event = lock_event(registration.event_id, registration.occurrence_start)
    registration = Registration.objects.select_for_update().get(pk=registration_id)
    places = free_places(event) if event is not None else 0
    if registration.status != WAITLISTED or places == 0:
        return False
    registration.status = CONFIRMED
    registration.promoted_at = at or clock.now()
    registration.save(update_fields=["status", "promoted_at", "updated_at"])
    mail.queue(registration, NotificationKind.PROMOTION)
    return True


@transaction.atomic
def fill_after_change(event_id, at=None):
    """After staff raised the capacity (or opened the waiting list): fill the free places
    (of every date of a series that has a waiting list)."""
    event = lock_event(event_id)
    waiting_dates = (
        Registration.objects.filter(event_id=event_id, status=WAITLISTED)
        .exclude(occurrence_start=None)
        .values_list("occurrence_start", flat=True)
        .distinct()
    )
    promoted = fill_free_places(event, at=at)
    for original_start in sorted(waiting_dates):
        dated = lock_event(event_id, original_start)
        if dated is not None:
            promoted += fill_free_places(dated, at=at)
    return promoted


def check_in(registration_id, at=None, undo=False):
    """Mark a confirmed person as arrived (or undo it). True if the state changed."""
    rows = Registration.objects.filter(pk=registration_id, status=CONFIRMED)
    if undo:
        return bool(rows.exclude(checked_in_at=None).update(checked_in_at=None))
    return bool(rows.filter(checked_in_at=None).update(checked_in_at=at or clock.now()))


@transaction.atomic
def register_by_staff(event_id, applicant, at=None, occurrence_start=None):
    """Staff add a person by hand (e.g. at the door): the registration window and the
    audience do not apply, the places do (confirmed, else waiting list)."""
    event = lock_event(event_id, occurrence_start)
    if event is None:
        return Result(Outcome.CLOSED)
    return place(event, applicant, details=False)
