"""The site-wide settings editors keep in the admin ("Einstellungen"): the organisation's
name, address and social-media accounts, and the main and footer navigation. Part of the
core: every app may read them (feeds, mails, page chrome)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock

from .blocks import LinkBlock
from .streamfield import prefetch_stream


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


class PartnerBlock(blocks.StructBlock):
    """A partner or funder whose mark the footer shows, linked to its website."""

    name = blocks.CharBlock(
        max_length=120, label=_("Name"), help_text=_("Read out instead of the logo.")
    )
    logo = ImageChooserBlock(
        label=_("Logo"), help_text=_("Shown 48 px high on white; a wide logo works best.")
    )
    url = blocks.URLBlock(required=False, label=_("Website"))

    class Meta:
        icon = "group"
        label = _("Partner")


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
    partners_heading = models.CharField(
        _("Heading over the partners"), max_length=120, blank=True, default="Gefördert von"
    )
    partners_heading_en = models.CharField(
        _("Heading over the partners, in English"),
        max_length=120,
        blank=True,
        help_text=_("Empty: “Partners and funders”."),
    )
    partners = StreamField(
        [("partner", PartnerBlock())],
        blank=True,
        verbose_name=_("Partners and funders"),
        help_text=_("Their logos appear in the footer of every page, in this order."),
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
        MultiFieldPanel(
            [
                FieldPanel("partners_heading"),
                FieldPanel("partners_heading_en"),
                FieldPanel("partners"),
            ],
            heading=_("Partners and funders in the footer"),
        ),
    ]

    class Meta:
        verbose_name = _("Site settings")

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
