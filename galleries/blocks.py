"""The home-page block that shows picture galleries.

`metropolregion.home_blocks` imports this module while the core app's models load, so the
page models are looked up lazily (through `galleries.queries`) and never imported here.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from metropolregion.blocks import GROUP_TEASERS
from metropolregion.streamfield import PageChooserBlock

from . import queries

MAX_TEASED_GALLERIES = 6


class GalleryTeaserMode:
    NEWEST = "newest"
    CHOSEN = "chosen"
    CHOICES = [
        (NEWEST, _("The newest galleries")),
        (CHOSEN, _("Chosen galleries")),
    ]


class GalleryTeaserValue(blocks.StructValue):
    """The galleries a teaser shows, loaded in a constant number of queries."""

    @cached_property
    def shown_galleries(self):
        limit = self.get("count") or MAX_TEASED_GALLERIES
        if self.get("mode") == GalleryTeaserMode.CHOSEN:
            chosen = [page.pk for page in self.get("galleries") or [] if page is not None]
            return queries.chosen_galleries(chosen, limit)
        return queries.newest_galleries(limit)

    @cached_property
    def index_url(self):
        return queries.gallery_index_url()


class GalleryTeaserBlock(blocks.StructBlock):
    """Cards of the newest picture galleries, or of galleries chosen by hand."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    mode = blocks.ChoiceBlock(
        choices=GalleryTeaserMode.CHOICES,
        default=GalleryTeaserMode.NEWEST,
        label=_("Which galleries"),
    )
    galleries = blocks.ListBlock(
        PageChooserBlock(page_type="galleries.GalleryPage", label=_("Gallery")),
        required=False,
        label=_("Galleries"),
        help_text=_("For “Chosen galleries”: the galleries in the order they are shown."),
        collapsed=True,
    )
    count = blocks.IntegerBlock(
        default=3,
        min_value=1,
        max_value=MAX_TEASED_GALLERIES,
        label=_("Show at most"),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("mode") == GalleryTeaserMode.CHOSEN and not any(
            page is not None for page in value.get("galleries") or []
        ):
            raise StructBlockValidationError(
                block_errors={"galleries": ValidationError(_("Choose at least one gallery."))}
            )
        return value

    class Meta:
        icon = "image"
        label = _("Gallery teaser")
        template = "blocks/gallery_teaser_block.html"
        group = GROUP_TEASERS
        description = _("Cards of the newest picture galleries or of chosen ones.")
        value_class = GalleryTeaserValue
        preview_value = {
            "heading": "Bildergalerien",
            "mode": GalleryTeaserMode.NEWEST,
            "count": 3,
        }
