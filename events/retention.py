"""Personal data of registrations is kept only as long as needed (DSGVO).

- `purge_due()`: a set number of days after an event ended (REGISTRATION_RETENTION_DAYS,
  default 180), the names, addresses, organisations and answers of its registrations are
  deleted. The rows stay, emptied, so that the counts (confirmed, waiting, cancelled,
  checked in, price) remain for statistics.
- `erase_person(email)`: erase one person from every registration on request; an upcoming
  place is cancelled first, so the waiting list moves up.

Run by `manage.py purge_registrations` (and its daily task); logs carry counts only.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction

from . import dates
from .choices import RegistrationStatus
from .models import Notification, Registration

logger = logging.getLogger(__name__)

PERSONAL_FIELDS = {
    "name": "",
    "email": None,
    "organisation": "",
    "notes": "",
    "dietary_needs": "",
    "accessibility_needs": "",
    "user": None,
}


def retention_cutoff(at=None, days=None):
    """Events that ended before this instant have had their time."""
    days = settings.REGISTRATION_RETENTION_DAYS if days is None else days
    return (at or dates.now()) - datetime.timedelta(days=days)


@transaction.atomic
def anonymise(registrations, at=None):
    """Empty the personal fields of `registrations` (a queryset); their mails go too."""
    moment = at or dates.now()
    rows = registrations.filter(anonymised_at=None)
    Notification.objects.filter(registration__in=rows).delete()
    return rows.update(**PERSONAL_FIELDS, anonymised_at=moment)


def purge_due(at=None, days=None):
    """Anonymise the registrations of events that ended more than `days` ago."""
    cutoff = retention_cutoff(at, days)
    count = anonymise(Registration.objects.filter(event__end__lt=cutoff), at=at)
    logger.info("Retention: personal data of %s registration(s) deleted", count)
    return count


def erase_person(email, at=None):
    """Erase the person with this address from every registration; active places of
    events still to come are cancelled first (the waiting list moves up)."""
    from . import registration as rules

    address = rules.normalise_email(email)
    if not address:
        return 0
    moment = at or dates.now()
    for registration in Registration.objects.filter(email=address).select_related("event"):
        if registration.status != RegistrationStatus.CANCELLED and not registration.event.is_past(
            moment
        ):
            rules.cancel(registration.pk, at=moment, notify=False)
    count = anonymise(Registration.objects.filter(email=address), at=moment)
    logger.info("Erasure on request: %s registration(s) anonymised", count)
    return count
