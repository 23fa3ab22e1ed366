"""Projects: the project list with its topic and status filters, and the project page."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from metropolregion import fragments
from metropolregion.blocks import BaseStreamBlock
from metropolregion.listing import paginate, querystring_without
from metropolregion.pages import IntroMixin, PortalPageMixin, first_text
from metropolregion.privacy import public
from metropolregion.streamfield import prefetch_stream

from .. import queries
from ..blocks import PartnerBlock
from ..choices import ProjectStatus
from ..filters import PROJECT_FILTERS, topic_url

PROJECTS_PER_PAGE = 24


class ProjectPageTopic(TaggedItemBase):
    """Links a project to a topic (a tag shared with news and events)."""

    content_object = ParentalKey(
        "projects.ProjectPage", on_delete=models.CASCADE, related_name="tagged_topics"
    )

    class Meta:
        verbose_name = _("Project topic")
        verbose_name_plural = _("Project topics")


class ProjectIndexPage(IntroMixin, Page):
    """The list of projects, filterable by topic and status."""

    # Its rendered content is shared by everyone who gets it rendered, and shows
    # pages and these (templates/base.html, metropolregion.fragments).
    content_fragment_shows = ()

    content_panels = [*Page.content_panels, IntroMixin.intro_panel]
    search_fields = [*Page.search_fields, *IntroMixin.intro_search_fields]

    parent_page_types = ["metropolregion.HomePage"]
    subpage_types = ["projects.ProjectPage"]

    class Meta:
        verbose_name = _("Project list")
        verbose_name_plural = _("Project lists")

    @fragments.unless_rendered
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects = public(ProjectPage.objects.child_of(self).live())
        project_filter = PROJECT_FILTERS.read(request.GET, projects)
        filtered = queries.with_card_data(project_filter.apply(projects))
        context.update(
            projects=paginate(request, filtered.order_by("path"), per_page=PROJECTS_PER_PAGE),
            project_filter=project_filter,
            pagination_query=querystring_without(request, "page"),
        )
        return context


class ProjectPage(PortalPageMixin, Page):
    """One project: what it is about, who takes part, whom to ask."""

    # Its rendered content is shared by everyone who gets it rendered, and shows
    # pages and these (templates/base.html, metropolregion.fragments).
    content_fragment_shows = ("events.eventpage",)

    logo = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Logo"),
    )
    teaser = models.TextField(
        max_length=300,
        verbose_name=_("Teaser"),
        help_text=_("One or two sentences for the project list and search results."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("Content"))
    topics = ClusterTaggableManager(
        through=ProjectPageTopic,
        blank=True,
        verbose_name=_("Topics"),
        help_text=_("Topics are shared with news and events; prefer existing ones."),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.ONGOING
    )
    partners = StreamField([("partner", PartnerBlock())], blank=True, verbose_name=_("Partners"))
    website = models.URLField(_("Website"), blank=True)
    working_group = models.ForeignKey(
        "projects.WorkingGroupPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        verbose_name=_("Working group"),
    )
    contact_name = models.CharField(_("Name"), max_length=150, blank=True)
    contact_role = models.CharField(_("Role"), max_length=150, blank=True)
    contact_email = models.EmailField(_("Email"), blank=True)
    contact_phone = models.CharField(_("Phone"), max_length=40, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("topics"),
                FieldPanel("working_group", widget=forms.Select),
                FieldPanel("website"),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("body"),
        FieldPanel("partners"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Contact person"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.SearchField("partners"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("status"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Project")
        verbose_name_plural = _("Projects")

    def clean(self):
        super().clean()
        if self.contact_name and not (self.contact_email or self.contact_phone):
            raise ValidationError(
                {
                    "contact_email": _(
                        "Give an email address or a phone number for the contact person."
                    )
                }
            )

    def listing_summary(self):
        return first_text(self.search_description, self.teaser)

    def social_image(self):
        """The project's logo represents it in link previews."""
        return self.logo

    @property
    def card_topics(self):
        """The topics by name, from the tags `queries.with_card_data` prefetched."""
        return queries.by_name(item.tag for item in self.tagged_topics.all())

    @property
    def has_contact(self):
        return bool(self.contact_name or self.contact_email or self.contact_phone)

    @property
    def website_label(self):
        """The website's address as people read it: without scheme and trailing slash."""
        label = self.website.split("://", 1)[-1]
        return label[:-1] if label.endswith("/") and label.count("/") == 1 else label

    @fragments.unless_rendered
    def get_context(self, request, *args, **kwargs):
        prefetch_stream(self.body, self.partners)
        context = super().get_context(request, *args, **kwargs)
        index_url = self.get_parent().get_url(request)
        context["topic_links"] = [
            (topic, topic_url(index_url, topic.slug))
            for topic in queries.by_name(self.topics.all())
        ]
        context["working_group"] = (
            queries.live_working_group(self.working_group_id) if self.working_group_id else None
        )
        return context
