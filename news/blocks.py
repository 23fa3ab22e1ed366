"""Blocks of the news app: the press contact of the news index and the home page's list of
the latest news.

`metropolregion.home_blocks` imports this module while the core models load, so nothing here
imports `news.models` at module level (the queries are imported when a block renders).
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from metropolregion.blocks import GROUP_CONTACT, GROUP_TEASERS
from metropolregion.streamfield import PageChooserBlock

from .choices import NewsKind


class PressContactBlock(blocks.StructBlock):
    """A person journalists can call or write to: shown on the news index and on every
    press release."""

    name = blocks.CharBlock(max_length=120, label=_("Name"))
    role = blocks.CharBlock(required=False, max_length=150, label=_("Role"))
    phone = blocks.CharBlock(required=False, max_length=40, label=_("Phone"))
    email = blocks.EmailBlock(required=False, label=_("Email"))
    note = blocks.TextBlock(
        required=False,
        max_length=400,
        label=_("Note"),
        help_text=_("For example when the person can be reached."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("phone") and not value.get("email"):
            raise StructBlockValidationError(
                block_errors={
                    "email": ValidationError(_("Give a phone number or an email address."))
                }
            )
        return value

    class Meta:
        icon = "user"
        label = _("Press contact")
        template = "blocks/press_contact_block.html"
        group = GROUP_CONTACT
        description = _("Name, role, phone and email of the person who answers the press.")
        preview_value = {
            "name": "Erika Beispiel",
            "role": "Pressesprecherin (Beispielperson)",
            "phone": "+49 341 000000-0",
            "email": "presse@example.org",
            "note": "Montag bis Freitag von 9 bis 16 Uhr erreichbar.",
        }


class LatestNewsStructValue(blocks.StructValue):
    @property
    def tag_slug(self):
        return (self.get("tag") or "").strip().lower()


class LatestNewsBlock(blocks.StructBlock):
    """The newest news items, optionally only press releases or one topic, always up to date."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    count = blocks.IntegerBlock(
        min_value=1, max_value=12, default=3, label=_("Number of news items")
    )
    kind = blocks.ChoiceBlock(
        choices=NewsKind.choices,
        required=False,
        label=_("Only this kind"),
        help_text=_("Leave empty to show news items and press releases."),
    )
    tag = blocks.CharBlock(
        required=False,
        max_length=100,
        label=_("Only this topic"),
        help_text=_("The short name (slug) of a tag, e.g. “wasserstoff”. Leave empty for all."),
    )
    index = PageChooserBlock(
        page_type="news.NewsIndexPage",
        required=False,
        label=_("News page"),
        help_text=_("Shows its news and links to it. Leave empty for the news of the site."),
    )

    def clean(self, value):
        value = super().clean(value)
        tag = (value.get("tag") or "").strip()
        if tag:
            try:
                validate_unicode_slug(tag)
            except ValidationError:
                raise StructBlockValidationError(
                    block_errors={
                        "tag": ValidationError(
                            _("Use the tag's short name: lower-case letters, digits and hyphens.")
                        )
                    }
                ) from None
        return value

    def get_context(self, value, parent_context=None):
        from news.queries import find_index, latest_news

        context = super().get_context(value, parent_context=parent_context)
        locale = getattr((parent_context or {}).get("page"), "locale_id", None)
        chosen = value.get("index")
        context["news"] = latest_news(
            value.get("count") or 3,
            kind=value.get("kind") or None,
            tag=value.tag_slug or None,
            index=chosen,
            locale=None if chosen is not None else locale,
        )
        context["index"] = chosen if chosen is not None else find_index(locale)
        return context

    # What the block shows: it is rendered anew when one of these changes
    # (metropolregion.fragments), never for a change elsewhere.
    fragment_shows = ("news.newspage", "news.newsindexpage", "projects.workinggrouppage")

    class Meta:
        icon = "doc-full-inverse"
        label = _("Latest news")
        template = "blocks/latest_news_block.html"
        group = GROUP_TEASERS
        description = _("The newest news items and press releases, optionally filtered.")
        value_class = LatestNewsStructValue
        preview_value = {"heading": "Aktuelles aus der Region", "count": 3}
