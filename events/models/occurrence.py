"""The dates of a recurring event.

The rule lives on the event page (`EventPage.recurrence`, an RFC 5545 RRULE value, with
extra, skipped and cancelled dates); `OccurrenceChange` moves one date of the series
(RECURRENCE-ID in iCal). `EventOccurrence` holds every date the rule gives, materialised
when the page is saved with its dates (events.recurrence.materialise) and extended daily
for open-ended series, so that lists, the month view, hubs and home blocks find the dates
with a join in the same query instead of expanding rules in Python per request.

An event without a rule has no occurrence rows: the lists read its own start and end.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable


class EventOccurrence(models.Model):
    """One date of a recurring event (not edited by hand: derived from the rule)."""

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="occurrences"
    )
    # The date the rule gives (iCal RECURRENCE-ID); `start` differs when it was moved.
    original_start = models.DateTimeField(_("Date in the series"))
    start = models.DateTimeField(_("Start"))
    end = models.DateTimeField(_("End"))
    cancelled = models.BooleanField(pgettext_lazy("event date", "Cancelled"), default=False)
    note = models.CharField(_("Note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Date of a series")
        verbose_name_plural = _("Dates of a series")
        ordering = ["start", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "original_start"], name="events_one_occurrence_per_date"
            ),
        ]
        indexes = [models.Index(fields=["start", "end"])]

    def __str__(self):
        return f"{self.event_id} @ {self.start.isoformat()}"


class OccurrenceChange(Orderable):
    """One date of a series moved to another time (or cancelled with a note)."""

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="occurrence_changes"
    )
    original_date = models.DateField(
        _("Date in the series"), help_text=_("The date the rule gives, e.g. 8.12.2026.")
    )
    start = models.DateTimeField(_("New start"))
    end = models.DateTimeField(_("New end"))
    note = models.CharField(
        _("Note"), max_length=200, blank=True, help_text=_("For example “Im Raum 2.14”.")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("Moved date")
        verbose_name_plural = _("Moved dates")

    def __str__(self):
        return str(self.original_date)
