"""The home-page block that shows picture galleries.

`metropolregion.home_blocks` imports this module while the core app's models load, so the
page models are looked up lazily (through `galleries.queries`) and never imported here.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from metropolregion.blocks import GROUP_TEASERS
from metropolregion.selection_blocks import CHOSEN, ChosenOrAutomaticBlock
from metropolregion.streamfield import PageChooserBlock

from . import queries

MAX_TEASED_GALLERIES = 6


class GalleryTeaserMode:
    NEWEST = "newest"
    CHOSEN = CHOSEN
    CHOICES = [
        (NEWEST, _("The newest galleries")),
        (CHOSEN, _("Chosen galleries")),
    ]


class GalleryTeaserBlock(ChosenOrAutomaticBlock):
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

    chosen_field = "galleries"
    max_items = MAX_TEASED_GALLERIES
    chosen_missing = _("Choose at least one gallery.")

    def chosen_items(self, ids, limit):
        return queries.chosen_galleries(ids, limit)

    def automatic_items(self, limit):
        return queries.newest_galleries(limit)

    def more_url(self):
        return queries.gallery_index_url()

    # What the block shows: it is rendered anew when one of these changes
    # (metropolregion.fragments), never for a change elsewhere.
    fragment_shows = ("galleries.gallerypage", "galleries.galleryindexpage")

    class Meta:
        icon = "image"
        label = _("Gallery teaser")
        template = "blocks/gallery_teaser_block.html"
        group = GROUP_TEASERS
        description = _("Cards of the newest picture galleries or of chosen ones.")
        preview_value = {
            "heading": "Bildergalerien",
            "mode": GalleryTeaserMode.NEWEST,
            "count": 3,
        }
