"""Core page types and site-wide settings of the portal."""

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, validate_to_address
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from . import feedback, fragments
from .feedback.models import FeedbackSubmission, MailStatus
from .home_blocks import HomeStreamBlock, StandardStreamBlock
from .navigation import privacy_url
from .pages import IntroMixin, PortalPageMixin
from .routing import route_by_url_path
from .security import rate_limited
from .site_settings import NavigationSettings, SiteSettings, SocialPlatform
from .streamfield import prefetch_stream
from .topics import TopicName  # noqa: F401 - a model of this app


class HomePage(PortalPageMixin, Page):
    """The start page; editors assemble its body from blocks."""

    # Its rendered content is shared by everyone who gets it rendered, and shows
    # pages and these (templates/base.html, metropolregion.fragments).
    content_fragment_shows = ("events.eventpage", "testimonials.testimonial")

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("Content"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "metropolregion.StandardPage",
        "metropolregion.FeedbackFormPage",
        # -- index pages of the content apps --
        "events.EventIndexPage",
        "galleries.GalleryIndexPage",
        "news.NewsIndexPage",
        "projects.ProjectIndexPage",
        "projects.WorkingGroupIndexPage",
    ]

    @fragments.unless_rendered
    def get_context(self, request, *args, **kwargs):
        prefetch_stream(self.body)
        return super().get_context(request, *args, **kwargs)

    def route(self, request, path_components):
        """Every page below the home page in one query (metropolregion/routing.py)."""
        if not path_components:
            return super().route(request, path_components)
        return route_by_url_path(self, request, path_components)

    def social_image(self):
        """The hero's image represents the home page in link previews. While the blocks
        come from the fragment cache the stream stays unconverted: then the raw stream
        names the image."""
        from wagtail.images import get_image_model

        if not getattr(self.body, "prefetch_pending", False):
            for child in self.body:  # converted already, with its images in one batch
                if child.block_type == "hero" and child.value.get("image"):
                    return child.value["image"]
            return None
        for item in self.body.raw_data:
            image_id = (item.get("value") or {}).get("image") if item["type"] == "hero" else None
            if image_id:
                return get_image_model().objects.filter(pk=image_id).first()
        return None

    class Meta:
        verbose_name = _("Home page")
        verbose_name_plural = _("Home pages")


class StandardPage(IntroMixin, Page):
    """A plain content page: Über uns, Impressum, Datenschutz, Barrierefreiheit and the like."""

    # Its rendered content is shared by everyone who gets it rendered, and shows
    # pages and these (templates/base.html, metropolregion.fragments).
    content_fragment_shows = ()

    body = StreamField(StandardStreamBlock(), blank=True, verbose_name=_("Content"))

    content_panels = [*Page.content_panels, IntroMixin.intro_panel, FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        *IntroMixin.intro_search_fields,
        index.SearchField("body"),
    ]

    parent_page_types = ["metropolregion.HomePage", "metropolregion.StandardPage"]
    subpage_types = ["metropolregion.StandardPage", "metropolregion.FeedbackFormPage"]

    @fragments.unless_rendered
    def get_context(self, request, *args, **kwargs):
        prefetch_stream(self.body)
        return super().get_context(request, *args, **kwargs)

    class Meta:
        verbose_name = _("Standard page")
        verbose_name_plural = _("Standard pages")


class FeedbackFormPage(IntroMixin, AbstractEmailForm):
    """A page with a form to report barriers (the accessibility statement): reports are
    stored under Forms in the admin and mailed to the recipients."""

    body = StreamField(StandardStreamBlock(), blank=True, verbose_name=_("Content"))
    to_address = models.CharField(
        _("Recipients"),
        max_length=255,
        validators=[validate_to_address],
        help_text=_("Reports are mailed to these addresses; separate several with commas."),
    )
    form_heading = models.CharField(
        _("Heading of the form"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty for “Report a barrier”."),
    )
    thank_you_text = RichTextField(
        _("Thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after a report was sent."),
    )

    content_panels = [
        *Page.content_panels,
        IntroMixin.intro_panel,
        FieldPanel("body"),
        FieldPanel("form_heading"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading=_("Mail to staff"),
        ),
        FormSubmissionsPanel(),
    ]
    search_fields = [
        *Page.search_fields,
        *IntroMixin.intro_search_fields,
        index.SearchField("body"),
    ]

    parent_page_types = ["metropolregion.HomePage", "metropolregion.StandardPage"]
    subpage_types = []

    template = "metropolregion/feedback_form_page.html"
    landing_page_template = "metropolregion/feedback_form_page_landing.html"

    # -- the form (fixed fields; see metropolregion/feedback/forms.py) --

    def get_form_fields(self):
        return []

    def get_form_class(self):
        return feedback.FeedbackForm

    def get_data_fields(self):
        return [
            ("submit_time", _("Submission date")),
            *feedback.FeedbackForm.data_fields(),
            ("mail_status", _("Mail to staff")),
        ]

    def get_submission_class(self):
        return FeedbackSubmission

    def get_submissions_list_view_class(self):
        """The admin's list of reports; its CSV defuses formulas typed by visitors."""
        from .spreadsheets import DefusedSubmissionsListView

        return DefusedSubmissionsListView

    def process_form_submission(self, form):
        return feedback.store(self, form)

    def get_context(self, request, *args, **kwargs):
        prefetch_stream(self.body)
        context = super().get_context(request, *args, **kwargs)
        context["privacy_url"] = privacy_url(request)
        context["retention_days"] = settings.FEEDBACK_RETENTION_DAYS
        return context

    def serve(self, request, *args, **kwargs):
        """GET: the page with the form. POST: check (rate limit, honeypot), store, thank."""
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, page=self, user=request.user)
        context = self.get_context(request, *args, **kwargs)
        status = 200
        if rate_limited(request, "feedback"):
            context["rate_limited"] = True
            status = 429
        elif form.is_valid():
            if form.is_spam:  # answered like a success; nothing stored
                return self.render_landing_page(request, None, *args, **kwargs)
            submission = self.process_form_submission(form)
            return self.render_landing_page(request, submission, *args, **kwargs)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    class Meta:
        verbose_name = _("Feedback form page")
        verbose_name_plural = _("Feedback form pages")


__all__ = [
    "FeedbackFormPage",
    "FeedbackSubmission",
    "HomePage",
    "MailStatus",
    "NavigationSettings",
    "SiteSettings",
    "SocialPlatform",
    "StandardPage",
]
