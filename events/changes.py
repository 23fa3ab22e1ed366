"""Telling registrants when their event changes or is cancelled.

How a change is found: the page's own row holds the live values (Wagtail writes a draft
only into a revision), so just before a full save of a stored event (`pre_save`; a
publication is one) `remember_live_values` keeps what the row held, and the dates of the
series people registered for. When the page is published (`page_published`: from the
admin, a scheduled publication or code alike) `notify_registrants` compares:

- the event is cancelled (status "abgesagt") → EVENT_CANCELLED to every active
  registration (confirmed and waiting list), with METHOD:CANCEL;
- date, time, place, format, online link or status changed → CHANGE, with the updated
  .ics;
- one date of a series is cancelled, moved or given back → only the people registered
  for that date hear of it;
- nothing of that changed (a new teaser, a programme item) → no mail.

Each such publication raises the event's iCal SEQUENCE (on every translation: they share
the UID) without a new revision, so calendar clients take the update. The mails go
through the outbox after the commit; the admin tells the editor how many people are
informed (wagtail_hooks, `announced`).

Not covered: a page that is not live (its row is written before it is published, so
there is nothing to compare), and registrations for a date that a changed rule no longer
contains (logged; staff see them in the registration list).
"""

import logging
import threading

from django.db import transaction
from django.db.models import F

from metropolregion import clock

from . import mail
from .choices import EventStatus, RegistrationStatus
from .models import EventOccurrence, EventPage, NotificationKind, Registration

logger = logging.getLogger(__name__)

# What registrants are told about (the date fields also change the dates of a series).
TIME_FIELDS = ("start", "end", "all_day")
PLACE_FIELDS = ("status", "format", "venue", "street", "postcode", "city", "online_url")
SERIES_FIELDS = ("recurrence", "extra_dates", "skipped_dates", "cancelled_dates")
FIELDS = TIME_FIELDS + PLACE_FIELDS + SERIES_FIELDS

_announced = threading.local()


def remember_live_values(sender, instance, update_fields=None, **kwargs):
    """`pre_save` of EventPage: before a full save of a stored event keep the values its
    row holds (what registrants were told), and never let an older revision lower the
    SEQUENCE."""
    if update_fields is not None or instance.pk is None:
        return
    stored = EventPage.objects.filter(pk=instance.pk).values(*FIELDS, "sequence").first()
    if stored is None:
        return
    instance.sequence = max(instance.sequence or 0, stored.pop("sequence"))
    registered = Registration.objects.filter(event_id=instance.pk).exclude(occurrence_start=None)
    stored["dates"] = {
        row.original_start: row
        for row in EventOccurrence.objects.filter(
            event_id=instance.pk,
            original_start__in=registered.values("occurrence_start"),
        )
    }
    instance._live_before = stored


def notify_registrants(sender, instance, **kwargs):
    """`page_published` of EventPage: queue a change or cancellation mail to everyone
    concerned and raise the SEQUENCE (see the module's docstring)."""
    before = instance.__dict__.pop("_live_before", None)
    if before is None:
        return
    mails = plan(instance, before)
    changed = bool(mails) or any(before[name] != getattr(instance, name) for name in FIELDS)
    if not changed:
        return
    with transaction.atomic():
        EventPage.objects.filter(translation_key=instance.translation_key).update(
            sequence=F("sequence") + 1
        )
        instance.sequence += 1
        for registration, kind in mails:
            mail.queue(registration, kind)
    counts = {kind: sum(1 for _, k in mails if k == kind) for kind in NotificationKind}
    announced()[instance.pk] = (
        counts[NotificationKind.CHANGE],
        counts[NotificationKind.EVENT_CANCELLED],
    )


def plan(event, before, at=None):
    """[(registration, kind)]: who is told what about the published `event`, given the
    values `before` (remember_live_values)."""
    at = at or clock.now()
    was_cancelled = before["status"] == EventStatus.CANCELLED
    if was_cancelled and event.is_cancelled:
        return []  # told already
    if event.is_cancelled:
        event_kind = NotificationKind.EVENT_CANCELLED
    elif any(before[name] != getattr(event, name) for name in PLACE_FIELDS):
        event_kind = NotificationKind.CHANGE
    else:
        event_kind = None
    registrations = Registration.objects.filter(
        event=event,
        status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED],
        email__isnull=False,
    ).order_by("pk")
    dates_now = {
        row.original_start: row
        for row in EventOccurrence.objects.filter(
            event=event, original_start__in=registrations.values("occurrence_start")
        )
    }
    mails = []
    for registration in registrations:
        if registration.occurrence_start is None:
            kind = event_kind
            if kind is None and any(before[name] != getattr(event, name) for name in TIME_FIELDS):
                kind = NotificationKind.CHANGE
            over = before["end"] <= at and event.end <= at
        else:
            old = before["dates"].get(registration.occurrence_start)
            new = dates_now.get(registration.occurrence_start)
            if new is None:
                logger.warning(
                    "Registration %s: its date is no longer in the series of event %s",
                    registration.pk,
                    event.pk,
                )
                continue
            kind = date_kind(event_kind, old, new)
            over = new.end <= at and (old is None or old.end <= at)
        if kind is not None and not over:
            mails.append((registration, kind))
    return mails


def date_kind(event_kind, old, new):
    """What the people registered for one date of a series are told: the series'
    news, else the news of their date (cancelled, moved, or given back)."""
    if event_kind == NotificationKind.EVENT_CANCELLED:
        return event_kind
    if new.cancelled:
        return None if old is not None and old.cancelled else NotificationKind.EVENT_CANCELLED
    moved = old is not None and (old.start, old.end, old.cancelled) != (new.start, new.end, False)
    return NotificationKind.CHANGE if event_kind or moved else None


def announced():
    """{event id: (people told of a change, people told of the cancellation)} of the
    publications in this thread, for the admin's message (taken out by the reader)."""
    if not hasattr(_announced, "value"):
        _announced.value = {}
    return _announced.value
