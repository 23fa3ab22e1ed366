"""The outbox of registration mails: a row is written in the same transaction as the
registration it tells about, so no mail is lost when the mail server, the task queue or
the worker is down; `events.mail` sends it and records the outcome."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    CONFIRMATION = "bestaetigung", _("Confirmation")
    WAITLIST = "warteliste", _("Waiting list")
    PROMOTION = "nachgerueckt", _("Moved up")
    CANCELLATION = "storniert", _("Cancellation")
    DUPLICATE = "doppelt", _("Already registered")


class NotificationStatus(models.TextChoices):
    PENDING = "offen", _("Waiting to be sent")
    SENT = "gesendet", _("Sent")
    FAILED = "fehlgeschlagen", _("Failed")


class Notification(models.Model):
    """One mail to the person of a registration."""

    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("Kind"), max_length=20, choices=NotificationKind.choices)
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=NotificationStatus.choices,
        default=NotificationStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("Attempts"), default=0)
    # The exception's class only: its message may contain an address (no personal data).
    last_error = models.CharField(_("Last error"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("Sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("Registration mail")
        verbose_name_plural = _("Registration mails")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"
