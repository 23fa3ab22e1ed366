"""Reminder mails: confirmed participants hear from us `EventPage.reminder_days` days
before the event (or before the date of a series they registered for), with the .ics,
the place or the join link, and the link to cancel.

`queue_due()` is what `manage.py send_reminders` (hourly, metropolregion.scheduler) runs:
it writes one `Notification` of kind REMINDER per registration and start into the shared
outbox, which sends it after the commit. "Once" rests on two things:

- the database: a reminder row is unique per registration and start (the constraint
  events_one_reminder_per_date), so a second run, a second scheduler or a run that
  overlaps a slow one cannot queue a second reminder; the insert that loses the race is
  skipped;
- the outbox: a row is claimed (marked sent) before its mail goes out, so a worker that
  restarts, or a task that runs twice, never sends it again (at most once, see
  metropolregion.outbox.deliver; SMTP itself has no exactly-once).

A reminder is due from `start - reminder_days` until the start; one missed while the
scheduler was down goes out on its next run, if the event has not started yet. An event
moved to a new start gets a reminder for the new start (another row).
"""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.db.models import Q

from metropolregion import clock

from . import mail
from .choices import EventStatus, RegistrationStatus
from .models import EventOccurrence, EventPage, Notification, NotificationKind, Registration

logger = logging.getLogger(__name__)

# The furthest ahead a reminder can be due (reminder_days is a small number of days).
MAX_DAYS = 60


def due(at=None):
    """(registration, start) for every confirmed registration whose reminder is due at
    `at` (default: now) and not yet queued."""
    at = at or clock.now()
    events = {
        event.pk: event
        for event in EventPage.objects.live()
        .filter(reminder_days__isnull=False, reminder_days__gt=0)
        .exclude(status=EventStatus.CANCELLED)
        .filter(
            Q(start__gt=at, start__lte=at + datetime.timedelta(days=MAX_DAYS))
            | Q(occurrences__start__gt=at)
        )
        .distinct()
        .only("pk", "start", "reminder_days")
    }
    registrations = Registration.objects.filter(
        event_id__in=events, status=RegistrationStatus.CONFIRMED, email__isnull=False
    ).order_by("pk")
    occurrences = {
        (row.event_id, row.original_start): row
        for row in EventOccurrence.objects.filter(
            event_id__in=events,
            start__gt=at,
            start__lte=at + datetime.timedelta(days=MAX_DAYS),
            cancelled=False,
        )
    }
    found = []
    for registration in registrations:
        event = events[registration.event_id]
        if registration.occurrence_start is None:
            start = event.start
        else:
            occurrence = occurrences.get((event.pk, registration.occurrence_start))
            if occurrence is None:  # cancelled, over, or not yet near
                continue
            start = occurrence.start
        if at < start <= at + datetime.timedelta(days=event.reminder_days):
            found.append((registration, start))
    queued = set(
        Notification.objects.filter(
            kind=NotificationKind.REMINDER, registration__in=[r for r, _ in found]
        ).values_list("registration_id", "starts_at")
    )
    return [(r, start) for r, start in found if (r.pk, start) not in queued]


def queue_due(at=None):
    """Queue every due reminder; the number queued."""
    count = 0
    for registration, start in due(at):
        try:
            with transaction.atomic():
                mail.queue(registration, NotificationKind.REMINDER, starts_at=start)
        except IntegrityError:
            # Queued by someone else meanwhile (a second scheduler): theirs goes out.
            logger.info("Reminder for registration %s queued elsewhere", registration.pk)
            continue
        count += 1
    return count
