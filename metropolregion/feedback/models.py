"""A report through the feedback form: a Wagtail form submission that is also the row of
its mail to staff in the outbox (metropolregion.outbox). App label "metropolregion"
(metropolregion/models.py imports it, so Django registers it there); the outbox fields
keep the columns they had before the outbox was shared (mail_status, mail_attempts,
mail_error)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission

from metropolregion.outbox import OutboxMixin


class MailStatus(models.TextChoices):
    """The outbox's states (metropolregion.outbox.OutboxStatus), and "no recipient"."""

    PENDING = "offen", _("Waiting to be sent")
    SENT = "gesendet", _("Sent")
    FAILED = "fehlgeschlagen", _("Failed")
    NONE = "keine", _("No recipient")


class FeedbackSubmission(OutboxMixin, AbstractFormSubmission):
    """A report sent through a feedback form; staff see it under Forms in the admin."""

    status = models.CharField(
        _("Mail to staff"),
        max_length=20,
        choices=MailStatus.choices,
        default=MailStatus.PENDING,
        db_column="mail_status",
    )
    attempts = models.PositiveSmallIntegerField(
        _("Mail attempts"), default=0, db_column="mail_attempts"
    )
    last_error = models.CharField(
        _("Last mail error"), max_length=200, blank=True, db_column="mail_error"
    )
    anonymised_at = models.DateTimeField(_("Personal data deleted on"), null=True, blank=True)
    # The language of the page the report came through: staff answer in it.
    language = models.CharField(_("Language"), max_length=10, default="de")

    def get_data(self):
        return {**super().get_data(), "mail_status": self.get_status_display()}

    class Meta:
        app_label = "metropolregion"
        verbose_name = _("Feedback report")
        verbose_name_plural = _("Feedback reports")
        indexes = [models.Index(fields=["status"]), models.Index(fields=["submit_time"])]
