"""What an event page tells (its date, place, organiser, status in words and the
properties templates ask) and how a recurring event's page stands for one date of its
series. Mixins of `EventPage` (events/models/calendar.py)."""

from django.utils.translation import gettext_lazy as _

from .. import dates, recurrence, rule_words
from ..choices import Audience, EventFormat, EventStatus, RegistrationMode


class EventFactsMixin:
    # -- what templates, lists and feeds show --

    @property
    def when(self):
        """ "Di., 24. Juni 2025, 10:00-16:30 Uhr" (in the active language)."""
        return dates.format_when(self.start, self.end, self.all_day)

    @property
    def days(self):
        """The calendar days (Berlin) the event covers."""
        return dates.days_covered(self.start, self.end, self.all_day)

    @property
    def place(self):
        """ "Congress Center, Leipzig", "Online" or "Leipzig und online"."""
        where = ", ".join(part for part in (self.venue, self.city) if part)
        if self.format == EventFormat.ONLINE:
            return str(_("Online"))
        if self.format == EventFormat.HYBRID:
            return _("%(place)s and online") % {"place": where} if where else str(_("Hybrid"))
        return where

    @property
    def address(self):
        """The postal address on one line (for iCal LOCATION)."""
        town = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.venue, self.street, town) if part)

    @property
    def teaser_meta(self):
        """The line above a teaser card: date and place."""
        return " · ".join(part for part in (self.when, self.place) if part)

    @property
    def organiser(self):
        """The organiser's name: the other organiser, or "" for an own event."""
        return "" if self.own_event else self.organiser_name

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    # --- template properties (issue 14) ---
    # Templates ask these instead of comparing stored values ("geplant", "intern", …).

    @property
    def is_scheduled(self):
        """Takes place as announced (neither postponed nor cancelled)."""
        return self.status == EventStatus.SCHEDULED

    @property
    def has_venue(self):
        """Takes place somewhere (in person or hybrid): it has an address to show."""
        return self.format != EventFormat.ONLINE

    @property
    def has_online_part(self):
        """People can take part online (online or hybrid)."""
        return self.format != EventFormat.IN_PERSON

    @property
    def has_internal_registration(self):
        """People register on this website."""
        return self.registration_mode == RegistrationMode.INTERNAL

    @property
    def has_external_registration(self):
        """People register on another website (the registration link)."""
        return self.registration_mode == RegistrationMode.EXTERNAL

    @property
    def members_only(self):
        """Only members may register."""
        return self.audience == Audience.MEMBERS

    # --- end of template properties ---


class SeriesMixin:
    # -- a recurring event: the page shows one date of its series --

    @property
    def is_recurring(self):
        return recurrence.is_recurring(self)

    @property
    def occurrence_query(self):
        """ "?termin=2026-12-08" when the page stands for one date of its series."""
        return recurrence.occurrence_query(self)

    @property
    def rule_text(self):
        """The rule in words: "every second Tuesday of the month, until …"."""
        start = getattr(self, "series_start", self.start)
        return rule_words.describe(self.recurrence, start) if start else ""

    def select_occurrence(self, day_text=None):
        """Show the date `day_text` ("2026-12-08") of the series, else the next one; keeps
        the series' dates in `series_dates`. Computed from the rule (works in previews)."""
        if not self.is_recurring or not self.start or not self.end:
            return None
        if not hasattr(self, "series_dates"):
            start, end = (
                getattr(self, "series_start", self.start),
                getattr(self, "series_end", self.end),
            )
            self.start, self.end = start, end
            self.series_dates = recurrence.occurrences(self)
        chosen = recurrence.choose(self.series_dates, recurrence.parse_day(day_text))
        if chosen is not None:
            recurrence.apply_occurrence(self, chosen)
        return chosen

    def serve(self, request, *args, **kwargs):
        self.select_occurrence(request.GET.get("termin"))
        return super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        self.select_occurrence(request.GET.get("termin"))
        return super().serve_preview(request, mode_name)
