"""The event calendar ("Terminkalender"): the calendar page with its upcoming list, month
view, archive and iCal feeds, and the event page."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from metropolregion.home_blocks import BaseStreamBlock
from metropolregion.images.models import UNCREDITED_IMAGE
from metropolregion.streamfield import prefetch_stream

from .. import dates
from ..blocks import AgendaItemBlock, DocumentBlock
from ..choices import Audience, EventFormat, EventStatus, RegistrationMode
from ..panels import RegistrationCountsPanel


class EventIndexPage(RoutablePageMixin, Page):
    """The calendar: upcoming events, a month view, the archive of past events and the
    iCal feeds (all events, per topic, per working group)."""

    intro = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("Introduction"),
        help_text=_("One to three sentences shown below the title."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["metropolregion.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Event calendar")
        verbose_name_plural = _("Event calendars")

    # -- lists: upcoming (default), archive, month --

    @path("", name="upcoming")
    def upcoming_route(self, request):
        from ..views import listing_context

        return self.render(request, context_overrides=listing_context(self, request, "upcoming"))

    @path("archiv/", name="past")
    def past_route(self, request):
        from ..views import listing_context

        return self.render(request, context_overrides=listing_context(self, request, "past"))

    @path("monat/", name="this_month")
    def this_month_route(self, request):
        today = dates.today()
        url = self.url_for("month", today.year, today.month)
        query = request.GET.urlencode()
        return HttpResponseRedirect(f"{url}?{query}" if query else url)

    @path("monat/<int:year>/<int:month>/", name="month")
    def month_route(self, request, year, month):
        from ..views import month_context

        context = month_context(self, request, year, month)
        if context is None:
            raise Http404("No such month in the calendar")
        return self.render(request, context_overrides=context)

    # -- iCal feeds --

    @path("ical/", name="feed")
    def feed_route(self, request):
        from ..views import serve_feed

        return serve_feed(self, request)

    @path("ical/thema/<str:slug>/", name="topic_feed")
    def topic_feed_route(self, request, slug):
        from ..views import serve_feed

        return serve_feed(self, request, topic_slug=slug)

    @path("ical/arbeitsgruppe/<str:slug>/", name="group_feed")
    def group_feed_route(self, request, slug):
        from ..views import serve_feed

        return serve_feed(self, request, group_slug=slug)

    def url_for(self, route_name, *args, request=None):
        """The URL of one of the calendar's routes (relative to the site, or "" while the
        page has no URL, e.g. in the preview of a new page)."""
        base = self.get_url(request)
        if base is None:
            return ""
        return base + self.reverse_subpage(route_name, args=args)

    @cached_property
    def public_events(self):
        """The live, public events below this calendar (a queryset)."""
        from .. import queries

        return queries.public_events(self)


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "events.EventPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class EventPage(RoutablePageMixin, Page):
    """An event: when and where, who organises it, its programme and downloads; after the
    event, its report and gallery make the page its own archive."""

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
    teaser = models.TextField(
        _("Teaser"),
        max_length=500,
        help_text=_("Two or three sentences for the calendar, feeds and search results."),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Image"),
        help_text=_("Photographer and licence come with the image and are shown with it."),
    )
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
    tags = ClusterTaggableManager(
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
                RegistrationCountsPanel(heading=_("Registrations so far")),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("report"),
        MultiFieldPanel(
            [FieldPanel("tags"), FieldPanel("working_group", widget=forms.Select)],
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
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

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
        if self.image is not None and not self.image.credit:
            errors["image"] = UNCREDITED_IMAGE
        errors.update(self.registration_errors())
        if errors:
            raise ValidationError(errors)

    def registration_errors(self):
        """What is wrong with the registration settings, by field."""
        errors = {}
        if self.registration_mode == RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Give the address where people register.")
        opens, closes = self.registration_opens, self.registration_closes
        if opens and closes and closes <= opens:
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.capacity == 0:
            errors["capacity"] = _("Give at least one place, or leave the field empty.")
        price, member_price = self.price, self.member_price
        if member_price is not None and price is not None and member_price > price:
            errors["member_price"] = _("The member price is higher than the price.")
        if member_price is not None and price is None:
            errors["price"] = _("Give the price for non-members as well.")
        return errors

    @property
    def registration_closes_at(self):
        """When registration closes: as set, else when the event starts."""
        return self.registration_closes or self.start

    def save(self, *args, **kwargs):
        if self.all_day and self.start and self.end:
            self.start, self.end = dates.normalise_all_day(self.start, self.end)
        super().save(*args, **kwargs)

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

    def is_past(self, at=None):
        """Whether the event is over at `at` (default: now, in Berlin)."""
        at = at or dates.now()
        if self.all_day:
            return self.end < dates.midnight(dates.today(at))
        return self.end <= at

    def calendar(self):
        return EventIndexPage.objects.parent_of(self).first()

    # -- the page and its .ics --

    @path("ical/", name="ical")
    def ical_route(self, request):
        from ..views import serve_event_ics

        return serve_event_ics(self, request)

    def ics_url(self, request=None):
        return self.route_url("ical", request)

    def route_url(self, route_name, request=None):
        """The address of one of the page's routes, or "" while it has none (preview)."""
        base = self.get_url(request)
        return base + self.reverse_subpage(route_name) if base else ""

    # -- registration, shaped like wagtail.contrib.forms: small methods to override --

    @path("anmeldung/", name="register")
    def register_route(self, request):
        return self.serve_registration(request)

    @path("abmelden/", name="cancel")
    def cancel_route(self, request):
        from ..views import serve_cancel

        return serve_cancel(self, request)

    def get_form(self, request, data=None):
        """The registration form; pre-filled for a logged-in person."""
        from ..forms import RegistrationForm
        from ..registration import initial_data

        return RegistrationForm(data, event=self, initial=initial_data(request.user))

    def process_registration(self, request, form):
        """Store the registration (rules in events.registration); returns its Result."""
        from .. import registration

        data = form.cleaned_data
        applicant = registration.Applicant(
            name=data["name"],
            email=data["email"],
            organisation=data.get("organisation", ""),
            notes=data.get("notes", ""),
            dietary_needs=data.get("dietary_needs", ""),
            accessibility_needs=data.get("accessibility_needs", ""),
        )
        return registration.register(self.pk, applicant, user=request.user)

    def render_landing(self, request, result, form=None, context=None):
        """The thank-you page (the same for a duplicate address as for a new one). With
        `context` (the page's, read before the registration) it makes no query of its
        own: after the commit, a failing database must not turn success into an error."""
        from ..views import landing_kind

        context = dict(context) if context is not None else self.get_context(request)
        context.update(
            {
                "landing": landing_kind(self, result, context),
                "email": form.cleaned_data["email"] if form else "",
            }
        )
        return TemplateResponse(request, "events/registration_landing.html", context)

    def serve_registration(self, request):
        from ..views import serve_registration

        return serve_registration(self, request)

    def get_context(self, request, *args, **kwargs):
        from ..views import event_context

        prefetch_stream(self.body, self.report)
        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context
