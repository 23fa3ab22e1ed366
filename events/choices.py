"""Choices shared by the event models, blocks and filters (kept apart so blocks need not
import models)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventFormat(models.TextChoices):
    """Where people take part."""

    IN_PERSON = "vor-ort", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventStatus(models.TextChoices):
    """Whether the event takes place as announced."""

    SCHEDULED = "geplant", _("Takes place as planned")
    POSTPONED = "verschoben", _("Postponed")
    CANCELLED = "abgesagt", pgettext_lazy("event status", "Cancelled")


class Organiser(models.TextChoices):
    """The index filter "own events / other organisers" (query values)."""

    OWN = "eigene", _("Our own events")
    EXTERNAL = "extern", _("Other organisers")


# schema.org and iCalendar names of the choices.
SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}
SCHEMA_ATTENDANCE = {
    EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


class RegistrationMode(models.TextChoices):
    """How people register for an event."""

    NONE = "keine", _("No registration")
    EXTERNAL = "extern", _("On another website (registration link)")
    INTERNAL = "intern", _("On this website")


class Audience(models.TextChoices):
    """Who may register."""

    PUBLIC = "alle", _("Everyone")
    MEMBERS = "mitglieder", _("Members only")


class RegistrationStatus(models.TextChoices):
    """Where a registration stands. A checked-in person stays confirmed (see checked_in_at)."""

    CONFIRMED = "bestaetigt", _("Confirmed")
    WAITLISTED = "warteliste", _("On the waiting list")
    CANCELLED = "storniert", pgettext_lazy("registration status", "Cancelled")
