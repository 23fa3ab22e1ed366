"""The event calendar ("Terminkalender"): the page with its upcoming list, month view,
archive, iCal feeds and the form for partners' events (`melden/`). What each route
shows is in `events.listing`, the form in `events.submissions`."""

from django.http import Http404, HttpResponseRedirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from metropolregion import clock
from metropolregion.pages import IntroMixin

from .. import listing, queries
from ..submissions import views as submissions


class EventIndexPage(IntroMixin, RoutablePageMixin, Page):
    """The calendar: upcoming events, a month view, the archive of past events and the
    iCal feeds (all events, per topic, per working group)."""

    # Its rendered content is shared by everyone who gets it rendered, and shows
    # pages and these (templates/base.html, metropolregion.fragments).
    content_fragment_shows = ("events.eventpage",)

    content_panels = [*Page.content_panels, IntroMixin.intro_panel]
    search_fields = [*Page.search_fields, *IntroMixin.intro_search_fields]

    parent_page_types = ["metropolregion.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Event calendar")
        verbose_name_plural = _("Event calendars")

    # -- lists: upcoming (default), archive, month --

    @path("", name="upcoming")
    def upcoming_route(self, request):
        return self.render(
            request, context_overrides=listing.listing_context(self, request, "upcoming")
        )

    @path("archiv/", name="past")
    def past_route(self, request):
        return self.render(
            request, context_overrides=listing.listing_context(self, request, "past")
        )

    @path("monat/", name="this_month")
    def this_month_route(self, request):
        today = clock.today()
        url = self.url_for("month", today.year, today.month)
        query = request.GET.urlencode()
        return HttpResponseRedirect(f"{url}?{query}" if query else url)

    @path("monat/<int:year>/<int:month>/", name="month")
    def month_route(self, request, year, month):
        context = listing.month_context(self, request, year, month)
        if context is None:
            raise Http404("No such month in the calendar")
        return self.render(request, context_overrides=context)

    # -- partners report an event (events.submissions) --

    @path("melden/", name="submit")
    def submit_route(self, request):
        return submissions.serve(self, request)

    # -- iCal feeds --

    @path("ical/", name="feed")
    def feed_route(self, request):
        return listing.serve_feed(self, request)

    @path("ical/thema/<str:slug>/", name="topic_feed")
    def topic_feed_route(self, request, slug):
        return listing.serve_feed(self, request, topic_slug=slug)

    @path("ical/arbeitsgruppe/<str:slug>/", name="group_feed")
    def group_feed_route(self, request, slug):
        return listing.serve_feed(self, request, group_slug=slug)

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
        return queries.public_events(self)
