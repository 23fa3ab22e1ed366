"""A person's registration for an event. The rules (capacity, waiting list, prices) live in
`events.registration`; this model holds the data and the database's invariants."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import RegistrationStatus


def new_token():
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    """One person registered for one event: confirmed, on the waiting list or cancelled.
    Personal fields are emptied by the retention rule; the row stays for the counts."""

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("Event"),
    )
    # For a recurring event: the date of the series (its original start, iCal
    # RECURRENCE-ID) this registration is for; None for an event without a rule.
    occurrence_start = models.DateTimeField(_("Date"), null=True, blank=True)
    status = models.CharField(
        _("Status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    name = models.CharField(_("Name"), max_length=150)
    # Stored lower-case; NULL (not "") once the personal data is deleted, so that the
    # one-registration-per-address constraint ignores deleted addresses.
    email = models.EmailField(_("Email"), null=True, blank=True)  # noqa: DJ001
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    notes = models.TextField(_("Notes"), max_length=1000, blank=True)
    dietary_needs = models.CharField(_("Dietary needs"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("Accessibility needs"), max_length=300, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
        verbose_name=_("Account"),
    )
    is_member = models.BooleanField(_("Member"), default=False)
    price = models.DecimalField(
        _("Price (EUR)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    token = models.CharField(max_length=64, default=new_token, unique=True, editable=False)
    created_at = models.DateTimeField(_("Registered at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    promoted_at = models.DateTimeField(
        _("Moved up from the waiting list at"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("Cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("Checked in at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("Personal data deleted at"), null=True, blank=True)
    # The language of the page the person registered on: their mails are written in it.
    language = models.CharField(
        _("Language"),
        max_length=10,
        default="de",  # LANGUAGE_CODE: registrations by staff, and those from before
        help_text=_("The person's mails are written in this language."),
    )

    class Meta:
        verbose_name = _("Registration")
        verbose_name_plural = _("Registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(email__isnull=False, occurrence_start__isnull=True),
                name="events_one_registration_per_email",
            ),
            models.UniqueConstraint(
                fields=["event", "occurrence_start", "email"],
                condition=models.Q(email__isnull=False, occurrence_start__isnull=False),
                name="events_one_registration_per_email_and_date",
            ),
            models.CheckConstraint(
                condition=models.Q(checked_in_at__isnull=True)
                | models.Q(status=RegistrationStatus.CONFIRMED),
                name="events_only_confirmed_check_in",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "created_at"]),
            models.Index(fields=["event", "occurrence_start", "status"]),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    def localized_event(self):
        """The event's live page in the person's language, else the event itself: what
        their mails name and link to. (Registrations belong to the event in the site's
        first language; its translations share its places.)"""
        event = self.event
        found = (
            type(event)
            .objects.live()
            .filter(translation_key=event.translation_key, locale__language_code=self.language)
            .first()
        )
        event = found or event
        if self.occurrence_start is not None:  # a date of a series: the mails name it
            from ..recurrence import apply_occurrence

            occurrence = self.event.occurrences.filter(original_start=self.occurrence_start).first()
            if occurrence is not None:
                apply_occurrence(event, occurrence)
        return event

    @property
    def is_active(self):
        return self.status != RegistrationStatus.CANCELLED

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waiting(self):
        """On the waiting list."""
        return self.status == RegistrationStatus.WAITLISTED

    @property
    def is_cancelled(self):
        return self.status == RegistrationStatus.CANCELLED
