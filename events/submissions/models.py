"""A reported event (`EventSubmission`) and its mails in the shared outbox
(`SubmissionMail`, metropolregion.outbox)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metropolregion.outbox import OutboxMixin


class EventSubmission(models.Model):
    """An event a partner reported through the form "Veranstaltung melden": who sent it
    and the draft page it became, which waits for the Redaktion."""

    page = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,  # an editor who deletes the draft turns the report down
        related_name="+",
        verbose_name=_("Event page"),
    )
    name = models.CharField(_("Name"), max_length=150, blank=True)
    email = models.EmailField(_("Email address"), max_length=254, blank=True)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    phone = models.CharField(_("Phone"), max_length=40, blank=True)
    consent = models.BooleanField(_("Consent to storage"), default=False)
    # The language of the form: the reporter's mails are written in it.
    language = models.CharField(_("Language"), max_length=10, default="de")
    created_at = models.DateTimeField(_("Reported on"), default=timezone.now, db_index=True)
    published_notice_sent = models.BooleanField(_("Told about publication"), default=False)
    anonymised_at = models.DateTimeField(_("Personal data deleted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("Reported event")
        verbose_name_plural = _("Reported events")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent=True), name="event_submissions_consent_given"
            ),
        ]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"


class MailKind(models.TextChoices):
    EDITORS = "redaktion", _("Notice to the editors")
    CONFIRMATION = "bestaetigung", _("Confirmation to the reporter")
    PUBLISHED = "veroeffentlicht", _("Notice of publication to the reporter")


class MailStatus(models.TextChoices):
    """The outbox's states (metropolregion.outbox.OutboxStatus), and "no recipient"."""

    PENDING = "offen", _("Waiting to be sent")
    SENT = "gesendet", _("Sent")
    FAILED = "fehlgeschlagen", _("Failed")
    NONE = "keine", _("No recipient")


class SubmissionMail(OutboxMixin):
    """One of a report's mails; each kind at most once per report (the constraint keeps
    the notice of publication from going out twice)."""

    submission = models.ForeignKey(
        EventSubmission,
        on_delete=models.CASCADE,
        related_name="mails",
        verbose_name=_("Reported event"),
    )
    kind = models.CharField(_("Kind"), max_length=20, choices=MailKind.choices)
    status = models.CharField(
        _("Status"), max_length=20, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    created_at = models.DateTimeField(_("Received"), default=timezone.now)

    class Meta:
        verbose_name = _("Mail about a reported event")
        verbose_name_plural = _("Mails about reported events")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "kind"], name="event_submissions_one_mail_per_kind"
            ),
        ]
        indexes = [models.Index(fields=["status"])]
