"""The home-page block that shows testimonials.

`metropolregion.home_blocks` imports this module while the core app's models load, so the
snippet model is named by its label and looked up lazily (through `testimonials.rotation`).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from metropolregion.blocks import GROUP_TEASERS
from metropolregion.selection_blocks import CHOSEN, ChosenOrAutomaticBlock

from . import rotation

MAX_TESTIMONIALS = 6


class TestimonialsMode:
    CHOSEN = CHOSEN
    ROTATING = "rotating"
    CHOICES = [
        (ROTATING, _("A daily changing selection")),
        (CHOSEN, _("Chosen testimonials")),
    ]


class TestimonialsBlock(ChosenOrAutomaticBlock):
    """Quotes of people from member organisations: chosen ones or a daily selection."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    mode = blocks.ChoiceBlock(
        choices=TestimonialsMode.CHOICES,
        default=TestimonialsMode.ROTATING,
        label=_("Which testimonials"),
        help_text=_(
            "The daily selection changes at midnight and is the same for every visitor "
            "during the day."
        ),
    )
    testimonials = blocks.ListBlock(
        SnippetChooserBlock("testimonials.Testimonial", label=_("Testimonial")),
        required=False,
        max_num=MAX_TESTIMONIALS,
        label=_("Testimonials"),
        help_text=_("For “Chosen testimonials”: in the order they are shown."),
        collapsed=True,
    )
    count = blocks.IntegerBlock(
        default=3, min_value=1, max_value=MAX_TESTIMONIALS, label=_("Show at most")
    )

    chosen_field = "testimonials"
    max_items = MAX_TESTIMONIALS
    chosen_missing = _("Choose at least one testimonial.")

    def chosen_items(self, ids, limit):
        return rotation.chosen(ids, limit)

    def automatic_items(self, limit):
        return rotation.rotating(limit)

    # What the block shows: it is rendered anew when one of these changes
    # (metropolregion.fragments), never for a change elsewhere.
    fragment_shows = ("testimonials.testimonial",)

    class Meta:
        icon = "openquote"
        label = _("Testimonials")
        template = "blocks/testimonials_block.html"
        group = GROUP_TEASERS
        description = _("Quotes with name, role, organisation and portrait.")
        preview_value = {
            "heading": "Stimmen aus dem Netzwerk",
            "mode": TestimonialsMode.ROTATING,
            "count": 2,
        }
