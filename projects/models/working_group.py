"""Working groups ("Arbeits- und Projektgruppen"): the list and the group's hub page."""

from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from metropolregion.home_blocks import BaseStreamBlock
from metropolregion.listing import paginate, querystring_without
from metropolregion.perf import public
from metropolregion.streamfield import prefetch_stream

from .. import queries

GROUPS_PER_PAGE = 24


class HubSection(NamedTuple):
    """One list on a working group's page: its heading, the template that renders the
    items (it gets them as `items`) and the items."""

    heading: str
    template: str
    items: list


class WorkingGroupIndexPage(Page):
    """The list of working groups."""

    intro = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("Introduction"),
        help_text=_("One to three sentences shown below the title."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["metropolregion.HomePage"]
    subpage_types = ["projects.WorkingGroupPage"]

    class Meta:
        verbose_name = _("Working group list")
        verbose_name_plural = _("Working group lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = public(WorkingGroupPage.objects.child_of(self).live()).order_by("path")
        context["groups"] = paginate(
            request, queries.working_groups_with_counts(groups), per_page=GROUPS_PER_PAGE
        )
        context["pagination_query"] = querystring_without(request, "page")
        return context


class WorkingGroupPage(Page):
    """A working group: its purpose, the people to ask, and its projects, news and events."""

    purpose = models.TextField(
        max_length=400,
        verbose_name=_("Purpose"),
        help_text=_("What the group works on, in one to three sentences."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("Content"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("purpose"),
        FieldPanel("body"),
        InlinePanel("contacts", heading=_("Chairs and contacts"), label=_("Person")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("purpose"),
        index.SearchField("body"),
        index.RelatedFields(
            "contacts", [index.SearchField("name"), index.SearchField("organisation")]
        ),
    ]

    parent_page_types = ["projects.WorkingGroupIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Working group")
        verbose_name_plural = _("Working groups")

    def hub_sections(self, request):
        """The lists on the group's page, in the order shown: its projects, its upcoming
        events and its latest news. Each section costs a constant number of queries;
        sections without items are not shown.
        """
        return [
            self.projects_section(request),
            self.events_section(request),
            self.news_section(request),
        ]

    def events_section(self, request):
        from events.queries import next_events  # events depend on projects, not vice versa

        return HubSection(
            heading=_("Upcoming events"),
            template="events/includes/event_cards.html",
            items=next_events(4, working_group=self),
        )

    def news_section(self, request):
        from news.queries import latest_news  # news depends on projects, not vice versa

        return HubSection(
            heading=_("Latest news"),
            template="news/includes/news_cards.html",
            items=latest_news(3, working_group=self),
        )

    def projects_section(self, request):
        return HubSection(
            heading=_("Projects of this working group"),
            template="projects/includes/project_cards.html",
            items=queries.group_projects(self),
        )

    def get_context(self, request, *args, **kwargs):
        prefetch_stream(self.body)
        context = super().get_context(request, *args, **kwargs)
        context["contacts"] = list(self.contacts.all())
        context["hub_sections"] = [
            section for section in self.hub_sections(request) if section.items
        ]
        return context


class WorkingGroupContact(Orderable):
    """A chair or contact person of a working group."""

    page = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("Name"), max_length=150)
    role = models.CharField(
        _("Role"), max_length=100, blank=True, help_text=_("For example “Vorsitz”.")
    )
    organisation = models.CharField(_("Organisation"), max_length=150, blank=True)
    email = models.EmailField(_("Email"), blank=True)
    phone = models.CharField(_("Phone"), max_length=40, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Chair or contact")
        verbose_name_plural = _("Chairs and contacts")

    def __str__(self):
        return self.name

    @property
    def phone_href(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
