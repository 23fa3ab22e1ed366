"""Personal data of registrations is kept only as long as needed (DSGVO).

- `purge_due()`: a set number of days after an event ended (REGISTRATION_RETENTION_DAYS,
  default 180), the names, addresses, organisations and answers of its registrations are
  deleted. The rows stay, emptied, so that the counts (confirmed, waiting, cancelled,
  checked in, price) remain for statistics.
- `erase_person(email)`: erase one person from every registration on request; an upcoming
  place is cancelled first, so the waiting list moves up.

Both are holders in the core's retention registry (metropolregion.retention), with the
registration mails (the outbox rows, `Notification`) before them: `register_holders()`,
from EventsConfig.ready. Run by `manage.py purge_personal_data` (daily, from the
scheduler) and `manage.py erase_person`; `manage.py purge_registrations` runs the
registrations alone. Logs carry counts only.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction

from metropolregion import clock
from metropolregion import retention as registry

from . import registration as rules
from .choices import RegistrationStatus
from .models.notification import Notification
from .models.registration import Registration

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
    return (at or clock.now()) - datetime.timedelta(days=days)


@transaction.atomic
def anonymise(registrations, at=None):
    """Empty the personal fields of `registrations` (a queryset); their mails go too."""
    moment = at or clock.now()
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
    address = rules.normalise_email(email)
    if not address:
        return 0
    moment = at or clock.now()
    for registration in Registration.objects.filter(email=address).select_related("event"):
        if registration.status != RegistrationStatus.CANCELLED and not registration.event.is_past(
            moment
        ):
            rules.cancel(registration.pk, at=moment, notify=False)
    count = anonymise(Registration.objects.filter(email=address), at=moment)
    logger.info("Erasure on request: %s registration(s) anonymised", count)
    return count


def count_person(email):
    """How many registrations `erase_person` would anonymise."""
    address = rules.normalise_email(email)
    return Registration.objects.filter(email=address).count() if address else 0


# -- the registration mails (outbox rows): they go with their registration --


def mails_due(at=None, days=None):
    return Notification.objects.filter(registration__event__end__lt=retention_cutoff(at, days))


def mails_of(email):
    address = rules.normalise_email(email)
    if not address:
        return Notification.objects.none()
    return Notification.objects.filter(registration__email=address)


def purge_mails_due(at=None, days=None):
    """Delete the mails of registrations whose event has had its time."""
    count, _ = mails_due(at, days).delete()
    logger.info("Retention: %s registration mail(s) deleted", count)
    return count


def erase_mails(email):
    """Delete the mails to this address (before its registrations are anonymised)."""
    count, _ = mails_of(email).delete()
    logger.info("Erasure on request: %s registration mail(s) deleted", count)
    return count


def register_holders():
    """The registration mails and the registrations, in the core's retention registry;
    the mails first, while their registrations still carry the address."""
    registry.register(
        "registration_mails",
        label="Anmelde-Mails",
        purge=purge_mails_due,
        erase=erase_mails,
        find=lambda email: mails_of(email).count(),
    )
    registry.register(
        "registrations",
        label="Anmeldungen",
        effect="anonymisiert",
        purge=purge_due,
        erase=erase_person,
        find=count_person,
    )
