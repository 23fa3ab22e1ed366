"""StreamField blocks shared by the home page and standard pages.

Later issues add list blocks (projects, news, events, galleries, testimonials) in their own
apps; this module holds the editorial building blocks every page can use.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from . import fragments
from .navigation import link_hint, localize_pages
from .streamfield import ImageChooserBlock, PageChooserBlock, prefetch_pending

GROUP_TEXT = _("Text")
GROUP_TEASERS = _("Teasers and actions")
GROUP_CONTACT = _("Contact and networks")

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


def preview_image():
    """The newest image in the library, so block previews in the admin show a picture."""
    from wagtail.images import get_image_model

    return get_image_model().objects.order_by("-created_at").first()


class LinkStructValue(blocks.StructValue):
    """Resolves a link that points either to a page or to an external address.

    A page is shown in the reader's language where it has a live translation; a link to a
    page without one says so (`hreflang_attr`, `language_hint`; metropolregion/translations.py).
    """

    @cached_property
    def target(self):
        """The page in the reader's language (LinkBlock.bulk_to_python fills this in for
        all links of a stream at once; a single value asks here)."""
        page = self.get("page")
        return localize_pages([page], None)[0] if page is not None else None

    @cached_property
    def href(self):
        if self.target is not None:
            return self.target.url
        return self.get("url") or ""

    @cached_property
    def text(self):
        if self.get("label"):
            return self["label"]
        return self.target.title if self.target is not None else self.get("url", "")

    @cached_property
    def _language(self):
        return link_hint(self.target)

    @property
    def hreflang_attr(self):
        """` hreflang="de"` on a link to a page in another language than the reader's."""
        code = self._language[0]
        return format_html(' hreflang="{}"', code) if code else ""

    @property
    def language_hint(self):
        """The language after the text of such a link, " (German)", for everybody to see."""
        name = self._language[1]
        return format_html(' <span class="link-language">({})</span>', name) if name else ""

    @property
    def is_external(self):
        return self.get("page") is None and bool(self.get("url"))


class LinkBlock(blocks.StructBlock):
    """A link to a page of the portal or to an external address, with an optional label."""

    page = PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("External address"))
    label = blocks.CharBlock(
        required=False,
        max_length=80,
        label=_("Link text"),
        help_text=_("Leave empty to use the page title."),
    )

    def __init__(self, *args, required=True, **kwargs):
        self._link_required = required
        super().__init__(*args, **kwargs)

    def bulk_to_python(self, values):
        """The links of a whole stream (a list of cards, a menu) with their pages in the
        reader's language: one query for all of them, none on a page in the pages'
        own language, where one per link would be an N+1 on every English page."""
        links = super().bulk_to_python(values)
        pages = [link["page"] for link in links if link.get("page") is not None]
        if pages:
            localized = iter(localize_pages(pages, None))
            for link in links:
                if link.get("page") is not None:
                    link.__dict__["target"] = next(localized)  # LinkStructValue.target
        return links

    @property
    def required(self):
        return self._link_required

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if has_page and has_url:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Give either a page or an external address, not both.")
                    )
                }
            )
        if not has_page and not has_url:
            if self._link_required:
                raise StructBlockValidationError(
                    block_errors={
                        "page": ValidationError(_("Choose a page or enter an external address."))
                    }
                )
            return value
        if has_url and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ValidationError(_("External links need a link text."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkStructValue
        form_classname = "struct-block link-block"


class HeroBlock(blocks.StructBlock):
    """The opening of a page: tagline, a short introduction, an image and one link."""

    tagline = blocks.CharBlock(max_length=120, label=_("Tagline"))
    text = blocks.TextBlock(max_length=600, label=_("Introduction"))
    image = ImageChooserBlock(required=False, label=_("Image"))
    image_alt = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Image alternative text"),
        help_text=_("Leave empty if the image is purely decorative."),
    )
    link = LinkBlock(required=False, label=_("Link"))

    class Meta:
        icon = "title"
        label = _("Hero")
        template = "blocks/hero_block.html"
        group = GROUP_TEXT
        description = _(
            "Large opening with tagline, introduction and image – at the top of the page."
        )
        preview_value = staticmethod(
            lambda: {
                "tagline": "Wirtschaft, Wissenschaft und Kultur im Zentrum",
                "text": "Unternehmen, Kommunen, Kammern und Hochschulen aus drei Ländern "
                "arbeiten gemeinsam an der Zukunft Mitteldeutschlands.",
                "image": preview_image(),
            }
        )


class SectionBlock(blocks.StructBlock):
    """A section of formatted text with an optional heading."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "doc-full"
        label = _("Text section")
        template = "blocks/section_block.html"
        group = GROUP_TEXT
        description = _("Heading with formatted text, lists and links.")
        preview_value = {
            "heading": "Gemeinsam für die Region",
            "text": "<p>Die Mitglieder bündeln ihre Kräfte in <b>Projekten</b> "
            "und <i>Arbeitsgruppen</i>.</p>",
        }


class FeaturedCardBlock(blocks.StructBlock):
    """One card of a featured-items row: image, title, short text and a link."""

    image = ImageChooserBlock(required=False, label=_("Image"))
    title = blocks.CharBlock(max_length=100, label=_("Title"))
    text = blocks.TextBlock(required=False, max_length=300, label=_("Text"))
    link = LinkBlock(label=_("Link"))

    class Meta:
        icon = "doc-empty"
        label = _("Card")


class FeaturedItemsBlock(blocks.StructBlock):
    """A row of cards that point to pages or other sites."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    intro = blocks.TextBlock(required=False, max_length=400, label=_("Introduction"))
    items = blocks.ListBlock(
        FeaturedCardBlock(), min_num=1, max_num=12, label=_("Cards"), collapsed=True
    )

    class Meta:
        icon = "grid"
        label = _("Featured items")
        template = "blocks/featured_items_block.html"
        group = GROUP_TEASERS
        description = _("Cards with image, title, text and link, e.g. for focus topics.")
        preview_value = staticmethod(
            lambda: {
                "heading": "Schwerpunkte",
                "items": [
                    {
                        "title": "Strukturwandel",
                        "text": "Projekte für das Mitteldeutsche Revier.",
                        "image": preview_image(),
                        "link": {"url": "https://example.org/", "label": "Mehr erfahren"},
                    },
                    {
                        "title": "Wasserstoff",
                        "text": "Grüner Wasserstoff als Schlüssel der Energiewende.",
                        "image": preview_image(),
                        "link": {"url": "https://example.org/", "label": "Mehr erfahren"},
                    },
                ],
            }
        )


class CallToActionBlock(blocks.StructBlock):
    """A highlighted box that invites the reader to do one thing."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(required=False, max_length=400, label=_("Text"))
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "arrow-right-full"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        group = GROUP_TEASERS
        description = _("Highlighted box with one button.")
        preview_value = {
            "heading": "Mitglied werden",
            "text": "Gestalten Sie die Zukunft der Region mit.",
            "link": {"url": "https://example.org/", "label": "Jetzt Kontakt aufnehmen"},
        }


class SocialLinksBlock(blocks.StructBlock):
    """Plain links to the association's social-media accounts (from the site settings)."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(required=False, max_length=300, label=_("Text"))

    class Meta:
        icon = "globe"
        label = _("Social media")
        template = "blocks/social_links_block.html"
        group = GROUP_CONTACT
        description = _(
            "Links to the accounts in the site settings – plain links, no embedded content."
        )
        preview_value = {
            "heading": "Folgen Sie uns",
            "text": "Neuigkeiten aus der Region auf unseren Kanälen.",
        }


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every content page offers (news, events, projects, standard pages)."""

    section = SectionBlock()
    featured = FeaturedItemsBlock()
    call_to_action = CallToActionBlock()
    social = SocialLinksBlock()

    renders_fragments = True  # prefetch_stream() leaves converting to render_basic()

    def render_basic(self, value, context=None):
        """Wagtail's markup, each child from the fragment cache (metropolregion.fragments)
        when it is there: keyed by the child's raw value, so a hit costs no database query,
        not even the chooser lookups of converting the value. A child block names what it
        shows in `fragment_shows` (model labels); by default any page (rich-text links)."""
        if not fragments.enabled():
            return super().render_basic(value, context)
        page = (context or {}).get("page")
        owner = (getattr(page, "pk", None), getattr(page, "locale_id", None))
        rendered = []
        for index in range(len(value)):
            raw = value.raw_data[index]
            child_block = self.child_blocks.get(raw.get("type"))
            if child_block is None:  # a block type removed from the code since
                continue
            html = fragments.fragment(
                f"block.{raw['type']}",
                [owner, raw.get("id"), raw.get("value")],
                getattr(child_block, "fragment_shows", (fragments.ANY_PAGE,)),
                lambda index=index: self._render_child(value, index, context),
            )
            rendered.append((html, raw["type"]))
        return format_html_join("\n", '<div class="w-block-{1} block-{1}">{0}</div>', rendered)

    @staticmethod
    def _render_child(value, index, context):
        prefetch_pending(value)  # the first miss converts the whole stream in two queries
        return value[index].render(context=context)
