"""News and press: the news index (with filters, year archive and feeds) and news pages."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from metropolregion import fragments
from metropolregion.blocks import BaseStreamBlock
from metropolregion.clock import BERLIN
from metropolregion.clock import today as today_in_berlin  # named in migration 0001
from metropolregion.listing import paginate, querystring_without
from metropolregion.pages import IntroMixin, TeaserMixin
from metropolregion.streamfield import prefetch_stream
from metropolregion.translations import live_page_in_active_language

from .blocks import PressContactBlock
from .choices import NewsKind

NEWS_PER_PAGE = 10
FEED_ROUTES = {
    # route name: (kind shown, feed format)
    "feed_rss": (None, "rss"),
    "feed_atom": (None, "atom"),
    "press_feed_rss": (NewsKind.PRESSEMITTEILUNG, "rss"),
    "press_feed_atom": (NewsKind.PRESSEMITTEILUNG, "atom"),
}


class NewsIndexPage(IntroMixin, RoutablePageMixin, Page):
    """The news and press archive: lists the news, filters them and offers them as feeds."""

    # Its rendered content is shared by everyone who gets it rendered, and shows
    # pages and these (templates/base.html, metropolregion.fragments).
    content_fragment_shows = ()

    press_contact = StreamField(
        [("contact", PressContactBlock())],
        blank=True,
        max_num=4,
        verbose_name=_("Press contact"),
        help_text=_("Shown on this page and on every press release."),
    )

    content_panels = [
        *Page.content_panels,
        IntroMixin.intro_panel,
        FieldPanel("press_contact"),
    ]
    search_fields = [*Page.search_fields, *IntroMixin.intro_search_fields]

    parent_page_types = ["metropolregion.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("News index")
        verbose_name_plural = _("News indexes")

    # -- the list, its filters and the year archive --

    @path("", name="index")
    def index_route(self, request):
        return self.render(request, context_overrides=self.listing_context(request))

    @path("archiv/<int:year>/", name="archive")
    def archive(self, request, year):
        from . import queries

        if not queries.valid_year(year) or year not in self.years:
            raise Http404("No news in this year")
        return self.render(request, context_overrides=self.listing_context(request, year=year))

    def listing_context(self, request, year=None):
        from . import queries
        from .filters import NEWS_FILTERS

        news = self.public_news
        filters = NEWS_FILTERS.read(request.GET, news)
        news = filters.apply(news)
        if year is not None:
            news = queries.filter_news(news, year=year)
        base_url = self.get_url(request) or ""  # no URL in the preview of a new page
        return {
            "news": paginate(request, queries.for_display(news), per_page=NEWS_PER_PAGE),
            "filters": filters,
            "year": year,
            "index_url": base_url,
            "archive": [
                (archive_year, base_url + self.reverse_subpage("archive", args=[archive_year]))
                for archive_year in self.years
            ],
            "form_action": base_url
            + (self.reverse_subpage("archive", args=[year]) if year else ""),
            "pagination_query": querystring_without(request, "page"),
        }

    @cached_property
    def public_news(self):
        """The live, public news below this index (a queryset; one query per request for
        the view restrictions)."""
        from . import queries

        return queries.public_news(self)

    @cached_property
    def years(self):
        """The years that have news, newest first."""
        from . import queries

        return queries.years(self.public_news)

    # -- feeds --

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        return self.serve_feed(request, "feed_rss")

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        return self.serve_feed(request, "feed_atom")

    @path("presse/feed/rss/", name="press_feed_rss")
    def press_feed_rss(self, request):
        return self.serve_feed(request, "press_feed_rss")

    @path("presse/feed/atom/", name="press_feed_atom")
    def press_feed_atom(self, request):
        return self.serve_feed(request, "press_feed_atom")

    def serve_feed(self, request, route_name):
        from .feeds import NewsFeed

        kind, feed_format = FEED_ROUTES[route_name]
        feed = NewsFeed(kind=kind, feed_format=feed_format, route_name=route_name)
        return feed(request, index=self)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(TeaserMixin, Page):
    """A news item or press release with date, teaser, image, text and topics."""

    # Its rendered content is shared by everyone who gets it rendered, and shows
    # pages and these (templates/base.html, metropolregion.fragments).
    content_fragment_shows = ()

    date = models.DateField(_("Date"), default=today_in_berlin)
    kind = models.CharField(
        _("Kind"), max_length=20, choices=NewsKind.choices, default=NewsKind.NACHRICHT
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("Content"))
    topics = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("Topics"),
        help_text=_("Shared with projects and events, e.g. Wasserstoff, Strukturwandel."),
    )
    working_group = models.ForeignKey(
        "projects.WorkingGroupPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
        verbose_name=_("Working group"),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("kind"), FieldPanel("teaser")],
            heading=_("News article"),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("working_group", widget=forms.Select)],
            heading=_("Topics and group"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        *TeaserMixin.teaser_search_fields,
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("date"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    og_type = "article"

    class Meta:
        verbose_name = _("News article")
        verbose_name_plural = _("News articles")

    def clean(self):
        super().clean()
        errors = self.teaser_errors()
        if errors:
            raise ValidationError(errors)

    @property
    def is_press_release(self):
        return self.kind == NewsKind.PRESSEMITTEILUNG

    # Approval where it is wanted: press releases go through the workflow "Pressefreigabe"
    # (group Freigabe); every other news item the Redaktion publishes directly.
    @property
    def has_workflow(self):
        return self.get_workflow() is not None

    def get_workflow(self):
        from metropolregion.roles import press_workflow

        return press_workflow() if self.is_press_release else super().get_workflow()

    def permissions_for_user(self, user):
        from .permissions import NewsPagePermissionTester

        return NewsPagePermissionTester(user, self)

    @property
    def teaser_meta(self):
        """The line above a teaser: "24. Juni 2025 · Pressemitteilung"."""
        return f"{date_format(self.date)} · {self.get_kind_display()}"

    @property
    def published_at(self):
        """The news date as an aware datetime: midnight in Berlin."""
        return datetime.datetime.combine(self.date, datetime.time.min, tzinfo=BERLIN)

    def news_index(self):
        return NewsIndexPage.objects.parent_of(self).first()

    @fragments.unless_rendered
    def get_context(self, request, *args, **kwargs):
        from . import queries

        context = super().get_context(request, *args, **kwargs)
        prefetch_stream(self.body)
        news_index = self.news_index()
        context["news_index"] = news_index
        context["news_index_url"] = news_index.get_url(request) if news_index else None
        context["topics"] = topics = list(self.topics.all())
        context["related_news"] = queries.related_news(self, index=news_index, topics=topics)
        # The group in the reader's language (an English item may name the German one).
        context["working_group"] = (
            live_page_in_active_language(self.working_group_id) if self.working_group_id else None
        )
        return context
