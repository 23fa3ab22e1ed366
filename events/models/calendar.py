"""The event page: when and where, the programme, registration (`RegistrationPageMixin`,
events/registration_page.py) and the page's .ics; the calendar page is in `index.py`."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from metropolregion import clock, fragments
from metropolregion.blocks import BaseStreamBlock
from metropolregion.pages import TeaserMixin
from metropolregion.streamfield import prefetch_stream

from .. import dates, listing, recurrence
from ..blocks import AgendaItemBlock, DocumentBlock
from ..choices import Audience, EventFormat, EventStatus, RegistrationMode
from ..panels import RegistrationCountsPanel
from ..registration_page import RegistrationPageMixin
from ..series_form import EventPageForm
from .facts import EventFactsMixin, SeriesMixin
from .index import EventIndexPage


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "events.EventPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class EventPage(
    EventFactsMixin, SeriesMixin, TeaserMixin, RegistrationPageMixin, RoutablePageMixin, Page
):
    """An event: when and where, who organises it, its programme and downloads; after the
    event, its report and gallery make the page its own archive."""

    # Its rendered content is shared by everyone who gets it rendered, and shows
    # pages and these (templates/base.html, metropolregion.fragments).
    content_fragment_shows = ("events.eventpage",)

    start = models.DateTimeField(_("Start"))
    end = models.DateTimeField(
        _("End"), help_text=_("For an all-day event: the last day (the time is ignored).")
    )
    all_day = models.BooleanField(
        _("All day"),
        default=False,
        help_text=_("Shown without times, e.g. a fair or a festival week."),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    # Recurring events (events.recurrence): an RFC 5545 RRULE value such as
    # "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630T215959Z", composed by the admin form from
    # fields an editor understands; `start`/`end` are the first date and its length.
    recurrence = models.CharField(_("Repeats"), max_length=500, blank=True)
    # Dates as ISO strings ("2026-12-24"); the series' clock times apply.
    extra_dates = models.JSONField(_("Extra dates"), default=list, blank=True)  # RDATE
    skipped_dates = models.JSONField(_("Dates left out"), default=list, blank=True)  # EXDATE
    cancelled_dates = models.JSONField(_("Cancelled dates"), default=list, blank=True)
    # iCal SEQUENCE: raised with each change registrants are told about (events.reminders).
    sequence = models.PositiveIntegerField(_("Version"), default=0, editable=False)
    # Where an imported partner event comes from (events.partner_feeds).
    source_url = models.URLField(
        _("Source"),
        max_length=500,
        blank=True,
        help_text=_("The page of this event on the organiser's website."),
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("Reminder (days before)"),
        null=True,
        blank=True,
        default=2,
        help_text=_(
            "Confirmed participants get a reminder mail this many days before the event. "
            "Leave empty for no reminder."
        ),
    )
    format = models.CharField(
        _("Format"), max_length=20, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    venue = models.CharField(
        _("Venue"), max_length=200, blank=True, help_text=_("For example “Congress Center”.")
    )
    street = models.CharField(_("Street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("Postcode"), max_length=10, blank=True)
    city = models.CharField(_("Town or city"), max_length=100, blank=True)
    online_url = models.URLField(
        _("Online link"),
        blank=True,
        help_text=_(
            "Where people join online. With registration on this site the link is shown only "
            "to confirmed people, in their confirmation mail; otherwise on the event page."
        ),
    )
    own_event = models.BooleanField(
        _("Our own event"),
        default=True,
        help_text=_("Untick for another organiser's event in the regional calendar."),
    )
    organiser_name = models.CharField(_("Organiser"), max_length=200, blank=True)
    organiser_url = models.URLField(_("Organiser's website"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("Description"))
    programme = StreamField([("item", AgendaItemBlock())], blank=True, verbose_name=_("Programme"))
    documents = StreamField(
        [("document", DocumentBlock())], blank=True, verbose_name=_("Downloads")
    )
    registration_mode = models.CharField(
        _("Registration"),
        max_length=10,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
    )
    registration_url = models.URLField(
        _("Registration link"),
        blank=True,
        help_text=_("An external page where people register for this event."),
    )
    registration_opens = models.DateTimeField(
        _("Registration opens"),
        null=True,
        blank=True,
        help_text=_("Leave empty to open registration when the page is published."),
    )
    registration_closes = models.DateTimeField(
        _("Registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to close registration when the event starts."),
    )
    capacity = models.PositiveIntegerField(
        _("Places"),
        null=True,
        blank=True,
        help_text=_("How many people can take part. Leave empty for no limit."),
    )
    waiting_list = models.BooleanField(
        _("Waiting list"),
        default=True,
        help_text=_("When all places are taken, further people join a waiting list."),
    )
    members_first = models.BooleanField(
        _("Members first on the waiting list"),
        default=False,
        help_text=_("When a place becomes free, members on the waiting list move up first."),
    )
    audience = models.CharField(
        _("Who may register"), max_length=12, choices=Audience.choices, default=Audience.PUBLIC
    )
    price = models.DecimalField(
        _("Price (EUR)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty for a free event. Shown and recorded; payment is not handled."),
    )
    member_price = models.DecimalField(
        _("Member price (EUR)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Applied automatically when a logged-in member registers."),
    )
    ask_notes = models.BooleanField(_("Ask for notes"), default=False)
    ask_dietary_needs = models.BooleanField(_("Ask about dietary needs"), default=False)
    ask_accessibility_needs = models.BooleanField(_("Ask about accessibility needs"), default=True)
    report = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("Report"),
        help_text=_("After the event: what happened. Shown first once the event is over."),
    )
    topics = ClusterTaggableManager(
        through=EventPageTag,
        blank=True,
        verbose_name=_("Topics"),
        help_text=_("Shared with projects and news, e.g. Wasserstoff, Strukturwandel."),
    )
    working_group = models.ForeignKey(
        "projects.WorkingGroupPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("Working group"),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("all_day"), FieldPanel("status")]),
            ],
            heading=_("Date and time"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("repeat_interval")]),
                FieldPanel("repeat_weekdays"),
                FieldPanel("repeat_monthly"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                FieldRowPanel(
                    [
                        FieldPanel("extra_dates_text"),
                        FieldPanel("skipped_dates_text"),
                        FieldPanel("cancelled_dates_text"),
                    ]
                ),
                InlinePanel("occurrence_changes", label=_("Moved date")),
            ],
            heading=_("Repetition"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("online_url"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("own_event"),
                FieldRowPanel([FieldPanel("organiser_name"), FieldPanel("organiser_url")]),
            ],
            heading=_("Organiser"),
        ),
        MultiFieldPanel(
            [FieldPanel("teaser"), FieldPanel("image")],
            heading=_("Teaser"),
        ),
        FieldPanel("body"),
        FieldPanel("programme"),
        FieldPanel("documents"),
        MultiFieldPanel(
            [
                FieldPanel("registration_mode"),
                FieldPanel("registration_url"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("audience")]),
                FieldRowPanel([FieldPanel("waiting_list"), FieldPanel("members_first")]),
                FieldRowPanel([FieldPanel("price"), FieldPanel("member_price")]),
                FieldRowPanel(
                    [
                        FieldPanel("ask_notes"),
                        FieldPanel("ask_dietary_needs"),
                        FieldPanel("ask_accessibility_needs"),
                    ]
                ),
                FieldPanel("reminder_days"),
                RegistrationCountsPanel(heading=_("Registrations so far")),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("report"),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("working_group", widget=forms.Select)],
            heading=_("Topics and group"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.SearchField("programme"),
        index.SearchField("venue"),
        index.SearchField("city"),
        index.SearchField("organiser_name"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Event")
        verbose_name_plural = _("Events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="events_end_not_before_start"
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gt=0),
                name="events_capacity_positive",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end:
            if self.all_day:
                self.start, self.end = dates.normalise_all_day(self.start, self.end)
            if self.end < self.start:
                errors["end"] = _(
                    "The event ends before it starts: the end must be on or after the start."
                )
        if self.format != EventFormat.ONLINE and not (self.city or "").strip():
            errors["city"] = _("Say where the event takes place: give the town or city.")
        if not self.own_event and not (self.organiser_name or "").strip():
            errors["organiser_name"] = _("Name the organiser of another organiser's event.")
        errors.update(self.teaser_errors())
        errors.update(self.registration_errors())
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.all_day and self.start and self.end:
            self.start, self.end = dates.normalise_all_day(self.start, self.end)
        super().save(*args, **kwargs)
        # A full save (create, publish, a copy) writes the dates of a series; a revision's
        # save (update_fields) holds a draft's values and must not touch the live dates.
        if kwargs.get("update_fields") is None:
            recurrence.materialise(self)

    def is_past(self, at=None):
        """Whether the event is over at `at` (default: now, in Berlin)."""
        at = at or clock.now()
        if self.all_day:
            return self.end < dates.midnight(clock.today(at))
        return self.end <= at

    def calendar(self):
        return EventIndexPage.objects.parent_of(self).first()

    # -- the page and its .ics --

    @path("ical/", name="ical")
    def ical_route(self, request):
        return listing.serve_event_ics(self, request)

    def ics_url(self, request=None):
        return self.route_url("ical", request)

    def route_url(self, route_name, request=None):
        """The address of one of the page's routes, or "" while it has none (preview)."""
        base = self.get_url(request)
        return base + self.reverse_subpage(route_name) if base else ""

    @fragments.unless_rendered
    def get_context(self, request, *args, **kwargs):
        prefetch_stream(self.body, self.report)
        context = super().get_context(request, *args, **kwargs)
        context.update(listing.event_context(self, request))
        context.update(self.registration_summary(request))
        return context
