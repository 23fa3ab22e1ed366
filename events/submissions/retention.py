"""The reporters' details, a holder in the retention registry (metropolregion.retention).

- `purge_due()`: EVENT_SUBMISSION_RETENTION_DAYS after a report its sender's name,
  address and phone number are deleted; the organisation and the event (a page) stay.
- `erase_person(email)` deletes one person's details on request.

Logs carry counts only.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from metropolregion import retention as registry

from .models import EventSubmission

logger = logging.getLogger(__name__)


def retention_cutoff(at=None, days=None):
    """Reports made before this instant have had their time."""
    days = settings.EVENT_SUBMISSION_RETENTION_DAYS if days is None else days
    return (at or timezone.now()) - datetime.timedelta(days=days)


def anonymise(submissions, at=None):
    """Delete name, address and phone from `submissions` (a queryset); the number changed."""
    with transaction.atomic():
        ids = list(
            submissions.filter(anonymised_at=None).select_for_update().values_list("pk", flat=True)
        )
        return EventSubmission.objects.filter(pk__in=ids).update(
            name="", email="", phone="", anonymised_at=at or timezone.now()
        )


def purge_due(at=None, days=None):
    """Anonymise the reports older than EVENT_SUBMISSION_RETENTION_DAYS."""
    cutoff = retention_cutoff(at, days)
    count = anonymise(EventSubmission.objects.filter(created_at__lt=cutoff), at=at)
    logger.info("Retention: personal data of %s event report(s) deleted", count)
    return count


def reports_of(email):
    address = (email or "").strip()
    if not address:
        return EventSubmission.objects.none()
    return EventSubmission.objects.filter(anonymised_at=None, email__iexact=address)


def erase_person(email, at=None):
    """Delete name, address and phone from every report sent with this address."""
    count = anonymise(reports_of(email), at=at)
    logger.info("Erasure on request: %s event report(s) anonymised", count)
    return count


def register():
    registry.register(
        "event_submissions",
        label="Veranstaltungsmeldungen",
        effect="anonymisiert",
        purge=purge_due,
        erase=erase_person,
        find=lambda email: reports_of(email).count(),
    )
