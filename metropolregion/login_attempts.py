"""The records of failed log-ins (django-axes), a holder of personal data.

django-axes keeps a record per user name and address (with the browser's user agent) of
failed log-ins, on the admin's and the members' log-in. It deletes expired records
itself, but only when someone logs in; the daily purge does it regardless. Records
younger than the cool-off (AXES_COOLOFF_TIME) are kept: they are what a current lock-out
rests on. On request the records of one person go at once: those under the address as
user name, or under the user name of a login with that address.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from . import retention

MODELS = (AccessAttempt, AccessLog, AccessFailureLog)


def purge_login_attempts(now=None):
    """Delete failure records older than the cool-off, and any access logs (none are
    written while AXES_DISABLE_ACCESS_LOG is on). Returns the number of rows deleted."""
    threshold = (now or timezone.now()) - settings.AXES_COOLOFF_TIME
    deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=threshold).delete()
    for model in (AccessLog, AccessFailureLog):
        count, _ = model.objects.filter(attempt_time__lt=threshold).delete()
        deleted += count
    return deleted


def _of_person(address):
    """The filter for the records of the person with this address."""
    user_model = get_user_model()
    names = user_model._default_manager.filter(
        **{f"{user_model.get_email_field_name()}__iexact": address}
    ).values_list(user_model.USERNAME_FIELD, flat=True)
    return Q(username__iexact=address) | Q(username__in=list(names))


def count_person(address):
    return sum(model.objects.filter(_of_person(address)).count() for model in MODELS)


def erase_person(address):
    """Delete the failure records of the person with this address; the number of rows."""
    found = _of_person(address)
    deleted = 0
    for model in MODELS:
        deleted += model.objects.filter(found).delete()[1].get(model._meta.label, 0)
    return deleted


def register():
    retention.register(
        "login_attempts",
        label="Fehlgeschlagene Log-ins",
        purge=purge_login_attempts,
        erase=erase_person,
        find=count_person,
    )
