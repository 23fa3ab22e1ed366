"""Core page types and site-wide settings of the portal."""

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormSubmission,
    validate_to_address,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from . import feedback
from .blocks import LinkBlock
from .home_blocks import HomeStreamBlock, StandardStreamBlock
from .navigation import privacy_url
from .security import rate_limited
from .streamfield import prefetch_stream


class HomePage(Page):
    """The start page; editors assemble its body from blocks."""

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

    def get_context(self, request, *args, **kwargs):
        prefetch_stream(self.body)
        return super().get_context(request, *args, **kwargs)

    class Meta:
        verbose_name = _("Home page")
        verbose_name_plural = _("Home pages")


class StandardPage(Page):
    """A plain content page: Über uns, Impressum, Datenschutz, Barrierefreiheit and the like."""

    intro = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("Introduction"),
        help_text=_("One to three sentences shown below the title."),
    )
    body = StreamField(StandardStreamBlock(), blank=True, verbose_name=_("Content"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["metropolregion.HomePage", "metropolregion.StandardPage"]
    subpage_types = ["metropolregion.StandardPage", "metropolregion.FeedbackFormPage"]

    def get_context(self, request, *args, **kwargs):
        prefetch_stream(self.body)
        return super().get_context(request, *args, **kwargs)

    class Meta:
        verbose_name = _("Standard page")
        verbose_name_plural = _("Standard pages")


class MailStatus(models.TextChoices):
    PENDING = "offen", _("Waiting to be sent")
    SENT = "gesendet", _("Sent")
    FAILED = "fehlgeschlagen", _("Failed")
    NONE = "keine", _("No recipient")


class FeedbackSubmission(AbstractFormSubmission):
    """A report sent through a feedback form; staff see it under Forms in the admin."""

    mail_status = models.CharField(
        _("Mail to staff"), max_length=20, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    mail_attempts = models.PositiveSmallIntegerField(_("Mail attempts"), default=0)
    mail_error = models.CharField(_("Last mail error"), max_length=200, blank=True)
    anonymised_at = models.DateTimeField(_("Personal data deleted on"), null=True, blank=True)

    def get_data(self):
        return {**super().get_data(), "mail_status": self.get_mail_status_display()}

    class Meta:
        verbose_name = _("Feedback report")
        verbose_name_plural = _("Feedback reports")
        indexes = [models.Index(fields=["mail_status"]), models.Index(fields=["submit_time"])]


class FeedbackFormPage(AbstractEmailForm):
    """A page with a form to report barriers (the accessibility statement): reports are
    stored under Forms in the admin and mailed to the recipients."""

    intro = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("Introduction"),
        help_text=_("One to three sentences shown below the title."),
    )
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
        FieldPanel("intro"),
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
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["metropolregion.HomePage", "metropolregion.StandardPage"]
    subpage_types = []

    template = "metropolregion/feedback_form_page.html"
    landing_page_template = "metropolregion/feedback_form_page_landing.html"

    # -- the form (fixed fields; see metropolregion/feedback.py) --

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


class SocialPlatform(models.TextChoices):
    LINKEDIN = "linkedin", "LinkedIn"
    MASTODON = "mastodon", "Mastodon"
    BLUESKY = "bluesky", "Bluesky"
    INSTAGRAM = "instagram", "Instagram"
    YOUTUBE = "youtube", "YouTube"
    XING = "xing", "XING"
    FACEBOOK = "facebook", "Facebook"
    X = "x", "X (Twitter)"
    OTHER = "other", _("Other")


class SocialAccountStructValue(blocks.StructValue):
    @property
    def text(self):
        return self.get("label") or dict(SocialPlatform.choices).get(self.get("platform"), "")


class SocialAccountBlock(blocks.StructBlock):
    """One social-media account of the association, shown as a plain link."""

    platform = blocks.ChoiceBlock(choices=SocialPlatform.choices, label=_("Platform"))
    url = blocks.URLBlock(label=_("Address"))
    label = blocks.CharBlock(
        required=False,
        max_length=60,
        label=_("Link text"),
        help_text=_("Leave empty to use the platform's name."),
    )

    class Meta:
        icon = "site"
        label = _("Social media account")
        value_class = SocialAccountStructValue


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who we are and how to reach us: shown in the footer, the contact page and metadata."""

    organisation_name = models.CharField(
        _("Organisation name"),
        max_length=150,
        default="Europäische Metropolregion Mitteldeutschland e. V.",
    )
    short_name = models.CharField(
        _("Short name"), max_length=60, default="Metropolregion Mitteldeutschland"
    )
    claim = models.CharField(_("Tagline"), max_length=150, blank=True)
    street = models.CharField(_("Street and number"), max_length=150, blank=True)
    postcode = models.CharField(_("Postcode"), max_length=10, blank=True)
    city = models.CharField(_("City"), max_length=100, blank=True)
    phone = models.CharField(_("Phone"), max_length=40, blank=True)
    email = models.EmailField(_("Email"), blank=True)
    social_accounts = StreamField(
        [("account", SocialAccountBlock())],
        blank=True,
        verbose_name=_("Social media"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("short_name"), FieldPanel("claim")],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("social_accounts"),
    ]

    class Meta:
        verbose_name = _("Site settings")

    @property
    def phone_href(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def accounts(self):
        return [child.value for child in self.social_accounts]


class MenuBlock(blocks.StreamBlock):
    """Menu entries: links to pages or other sites, in the order editors give."""

    link = LinkBlock()


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """The main menu in the header and the links in the footer."""

    main_menu = StreamField(MenuBlock(), blank=True, verbose_name=_("Main navigation"), max_num=8)
    footer_menu = StreamField(
        MenuBlock(), blank=True, verbose_name=_("Footer navigation"), max_num=12
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_menu")]

    class Meta:
        verbose_name = _("Navigation")

    def prefetch(self):
        """Load the pages of both menus in one query (once per instance)."""
        if not getattr(self, "_prefetched", False):
            prefetch_stream(self.main_menu, self.footer_menu)
            self._prefetched = True
