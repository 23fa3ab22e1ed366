"""The mail outbox every app shares (registration mails, feedback reports, and what comes
next: reminders, submissions).

A row of an outbox model (`OutboxMixin`) is written in the same transaction as what it
tells about, so no mail is lost when the mail server, the task queue or the worker is
down. After the commit one task (`send_from_outbox`) composes the mail and sends it; when
the mail server fails, the row keeps the error's class and the task comes back after 1,
2, 4 … minutes until MAIL_ATTEMPTS are used up (then the row is marked failed and staff
see it in the admin). `manage.py send_pending_mail` (hourly from the scheduler) sends
whatever is still waiting. Logs name the row's id, never an address.

An app registers its outbox model once (in its AppConfig.ready) with the function that
composes a row's mail: `register(Notification, compose=…, noun="Registration mail")`.
The core imports no app; the apps register into it.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

logger = logging.getLogger(__name__)


class OutboxStatus(models.TextChoices):
    PENDING = "offen", _("Waiting to be sent")
    SENT = "gesendet", _("Sent")
    FAILED = "fehlgeschlagen", _("Failed")


class OutboxMixin(models.Model):
    """One mail waiting to be sent, sent, or given up on. A concrete model may redeclare
    a field (other choices, its own column name) as long as the name and type stay."""

    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=OutboxStatus.choices,
        default=OutboxStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("Attempts"), default=0)
    # The exception's class only: its message may contain an address (no personal data).
    last_error = models.CharField(_("Last error"), max_length=200, blank=True)
    sent_at = models.DateTimeField(_("Sent at"), null=True, blank=True)

    class Meta:
        abstract = True


@dataclass(frozen=True)
class Outbox:
    """A registered outbox model. `compose(row)` returns the mail (an EmailMessage), or
    None when there is nothing to send (it may mark the row so); `related` are the
    relations `compose` reads (loaded with the row); `noun` names the mail in logs."""

    model: type
    compose: Callable
    noun: str
    related: tuple = ()


_outboxes: dict[str, Outbox] = {}


def register(model, *, compose, noun, related=()):
    """Let the outbox send rows of `model` (called from an AppConfig.ready; again is
    harmless)."""
    _outboxes[model._meta.label] = Outbox(model, compose, noun, tuple(related))


def outboxes():
    return list(_outboxes.values())


def _outbox(model):
    return _outboxes[model if isinstance(model, str) else model._meta.label]


def mail_attempts():
    """Tries per mail before it is marked failed (MAIL_ATTEMPTS)."""
    return settings.MAIL_ATTEMPTS


def compose(row):
    """The mail of an outbox row, as its app composes it (None: nothing to send)."""
    return _outbox(type(row)).compose(row)


def queue(row):
    """Send `row` (just saved, status pending) once the transaction commits. If the task
    queue cannot take it, the row stays pending for `send_pending`."""
    label, pk = row._meta.label, row.pk
    transaction.on_commit(lambda: enqueue(label, pk))
    return row


def enqueue(label, pk):
    try:
        send_from_outbox.enqueue(label, pk)
    except Exception:
        noun = _outbox(label).noun.lower()
        logger.exception("Could not queue %s %s; it stays in the outbox", noun, pk)


def deliver(model, pk):
    """Send one pending row of an outbox (a model or its label). True when sent, False
    when the mail server failed (the row stays pending, or is marked failed after the
    last attempt), None when there was nothing to do (sent already, nothing to send, or
    another worker has it).

    What "once" means: SMTP has no exactly-once. A row is claimed before its mail goes
    out: under a row lock it is marked sent (without `sent_at`) and that is committed;
    then the mail is handed to the server, and `sent_at` (or, when the server refused,
    the row back to pending with the error) is written afterwards. A worker that dies
    between the claim and that last write leaves the row sent with no `sent_at`: nobody
    sends it again. So every mail is sent at most once; the price is that a crash in that
    window (rare, visible as "sent" without a time) may lose one mail, where sending under
    the lock and marking in the same transaction would send it twice."""
    box = _outbox(model)
    with transaction.atomic():
        row = (
            box.model.objects.select_for_update(skip_locked=True)
            .select_related(*box.related)
            .filter(pk=pk, status=OutboxStatus.PENDING)
            .first()
        )
        if row is None:
            return None
        try:
            message = box.compose(row)
        except Exception as error:
            return _failed(box, row, error)
        if message is None:
            return None
        row.status = OutboxStatus.SENT  # the claim, committed before the mail goes out
        row.attempts += 1
        row.save(update_fields=["status", "attempts"])
    try:
        message.send()
    except Exception as error:
        return _failed(box, row, error)
    row.sent_at = timezone.now()
    row.save(update_fields=["sent_at"])
    return True


def _failed(box, row, error):
    """Record a failed attempt: the row waits for the next one, or is given up on."""
    if row.status == OutboxStatus.SENT:  # claimed: the attempt is counted already
        row.status = OutboxStatus.PENDING
    else:
        row.attempts += 1
    row.last_error = type(error).__name__[:200]
    if row.attempts >= mail_attempts():
        row.status = OutboxStatus.FAILED
    row.save(update_fields=["attempts", "last_error", "status"])
    logger.warning(
        "%s %s not sent (attempt %s): %s", box.noun, row.pk, row.attempts, row.last_error
    )
    return False


@task()
def send_from_outbox(label, pk):
    """Send one row of the outbox `label` ("events.Notification"); on failure try again
    later (`retry_later`)."""
    sent = deliver(label, pk)
    if sent is False:
        attempts = _outbox(label).model.objects.filter(pk=pk).values_list("attempts", flat=True)
        retry_later(send_from_outbox, next(iter(attempts), 0), label, pk)
    return sent


def retry_later(task, attempts, *args):
    """Queue `task(*args)` again after 1, 2, 4 … minutes (by `attempts` so far), until
    MAIL_ATTEMPTS are used up, where the backend can defer (the database one can).
    Otherwise the row stays pending for `send_pending`. Wall-clock time: the queue does
    not run on the calendar's testable clock."""
    if attempts >= mail_attempts() or not task.get_backend().supports_defer:
        return False
    pause = datetime.timedelta(minutes=2 ** max(attempts - 1, 0))
    task.using(run_after=timezone.now() + pause).enqueue(*args)
    return True


def pending(box):
    return box.model.objects.filter(status=OutboxStatus.PENDING)


def send_pending():
    """Send every mail still waiting in every outbox (oldest first); the number sent."""
    sent = 0
    for box in outboxes():
        order = box.model._meta.ordering or ["pk"]
        ids = list(pending(box).order_by(*order).values_list("pk", flat=True))
        sent += sum(1 for pk in ids if deliver(box.model, pk))
    return sent


def pending_count():
    """How many mails are still waiting, in every outbox."""
    return sum(pending(box).count() for box in outboxes())
