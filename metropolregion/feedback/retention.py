"""Personal data of feedback reports, a holder in the retention registry
(metropolregion.retention).

- `purge_due()`: FEEDBACK_RETENTION_DAYS after a report arrived its name and address are
  deleted; what the barrier was and where stay, so the statement can be kept up to date.
- `erase_person(email)` deletes one person's details on request.

Logs carry counts only.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from metropolregion import retention as registry

from .models import FeedbackSubmission

logger = logging.getLogger(__name__)

PERSONAL_FIELDS = ("name", "email")


def retention_cutoff(at=None, days=None):
    """Reports that arrived before this instant have had their time."""
    days = settings.FEEDBACK_RETENTION_DAYS if days is None else days
    return (at or timezone.now()) - datetime.timedelta(days=days)


def anonymise(submissions, at=None):
    """Delete name and address from `submissions` (a queryset); the number changed."""
    moment = at or timezone.now()
    count = 0
    with transaction.atomic():
        for submission in submissions.filter(anonymised_at=None).select_for_update():
            for name in PERSONAL_FIELDS:
                submission.form_data[name] = ""
            submission.anonymised_at = moment
            submission.save(update_fields=["form_data", "anonymised_at"])
            count += 1
    return count


def purge_due(at=None, days=None):
    """Anonymise the reports older than FEEDBACK_RETENTION_DAYS."""
    cutoff = retention_cutoff(at, days)
    count = anonymise(FeedbackSubmission.objects.filter(submit_time__lt=cutoff), at=at)
    logger.info("Retention: personal data of %s feedback report(s) deleted", count)
    return count


def reports_of(email):
    """The ids of the reports, not yet anonymised, sent with this address."""
    address = (email or "").strip().lower()
    if not address:
        return []
    return [
        submission.pk
        for submission in FeedbackSubmission.objects.filter(anonymised_at=None).only("form_data")
        if (submission.form_data.get("email") or "").lower() == address
    ]


def erase_person(email, at=None):
    """Delete name and address from every report sent with this address."""
    if not (email or "").strip():
        return 0
    count = anonymise(FeedbackSubmission.objects.filter(pk__in=reports_of(email)), at=at)
    logger.info("Erasure on request: %s feedback report(s) anonymised", count)
    return count


def register():
    registry.register(
        "feedback",
        label="Barriere-Meldungen",
        effect="anonymisiert",
        purge=purge_due,
        erase=erase_person,
        find=lambda email: len(reports_of(email)),
    )
