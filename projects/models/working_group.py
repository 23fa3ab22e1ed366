"""Working groups ("Arbeits- und Projektgruppen"): the list and the group's hub page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from metropolregion import fragments, hubs
from metropolregion.blocks import BaseStreamBlock
from metropolregion.listing import paginate, querystring_without
from metropolregion.pages import IntroMixin, PortalPageMixin, first_text
from metropolregion.privacy import public
from metropolregion.streamfield import prefetch_stream

from .. import queries

GROUPS_PER_PAGE = 24


class WorkingGroupIndexPage(IntroMixin, Page):
    """The list of working groups."""

    # Its rendered content is shared by everyone who gets it rendered, and shows
    # pages and these (templates/base.html, metropolregion.fragments).
    content_fragment_shows = ()

    content_panels = [*Page.content_panels, IntroMixin.intro_panel]
    search_fields = [*Page.search_fields, *IntroMixin.intro_search_fields]

    parent_page_types = ["metropolregion.HomePage"]
    subpage_types = ["projects.WorkingGroupPage"]

    class Meta:
        verbose_name = _("Working group list")
        verbose_name_plural = _("Working group lists")

    @fragments.unless_rendered
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = public(WorkingGroupPage.objects.child_of(self).live()).order_by("path")
        context["groups"] = paginate(
            request, queries.working_groups_with_counts(groups), per_page=GROUPS_PER_PAGE
        )
        context["pagination_query"] = querystring_without(request, "page")
        return context


class WorkingGroupPage(PortalPageMixin, Page):
    """A working group: its purpose, the people to ask, and its projects, news and events."""

    # Its rendered content is shared by everyone who gets it rendered, and shows
    # pages and these (templates/base.html, metropolregion.fragments).
    content_fragment_shows = ("events.eventpage",)

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

    def listing_summary(self):
        return first_text(self.search_description, self.purpose)

    def hub_sections(self, request):
        """The lists on the group's page, in the order shown: its projects, then what the
        other apps contribute to the "working_group" hub (metropolregion.hubs): its
        upcoming events, its latest news. Each section costs a constant number of
        queries; the page leaves out sections without items."""
        return [self.projects_section(request), *hubs.sections("working_group", self, request)]

    def projects_section(self, request):
        return hubs.Section(
            heading=_("Projects of this working group"),
            template="projects/includes/project_cards.html",
            items=queries.group_projects(self),
            name="projects",
        )

    @fragments.unless_rendered
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
