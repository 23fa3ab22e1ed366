"""The outbox of registration mails: a row is written in the same transaction as the
registration it tells about, so no mail is lost when the mail server, the task queue or
the worker is down; the shared outbox (metropolregion.outbox) sends it, as `events.mail`
composes it, and records the outcome."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from metropolregion.outbox import OutboxMixin, OutboxStatus


class NotificationKind(models.TextChoices):
    CONFIRMATION = "bestaetigung", _("Confirmation")
    WAITLIST = "warteliste", _("Waiting list")
    PROMOTION = "nachgerueckt", _("Moved up")
    CANCELLATION = "storniert", _("Cancellation")
    DUPLICATE = "doppelt", _("Already registered")
    # About the event (events.reminders, events.changes), not about the registration.
    REMINDER = "erinnerung", _("Reminder")
    CHANGE = "geaendert", _("Event changed")
    EVENT_CANCELLED = "abgesagt", _("Event cancelled")


# The states of every outbox row (the name stays for the events app's callers).
NotificationStatus = OutboxStatus


class Notification(OutboxMixin):
    """One mail to the person of a registration (status, attempts, last error and the
    time sent come from the outbox)."""

    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("Kind"), max_length=20, choices=NotificationKind.choices)
    # The start of the event (or of the date of a series) a reminder is about: one
    # reminder per registration and start, whoever queues it and however often.
    starts_at = models.DateTimeField(_("Event start"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Registration mail")
        verbose_name_plural = _("Registration mails")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "starts_at"],
                condition=models.Q(kind="erinnerung"),
                name="events_one_reminder_per_date",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"
