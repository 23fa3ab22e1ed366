"""The home-page block that shows testimonials.

`metropolregion.home_blocks` imports this module while the core app's models load, so the
snippet model is named by its label and looked up lazily (through `testimonials.rotation`).
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from metropolregion.blocks import GROUP_TEASERS

from . import rotation

MAX_TESTIMONIALS = 6


class TestimonialsMode:
    CHOSEN = "chosen"
    ROTATING = "rotating"
    CHOICES = [
        (ROTATING, _("A daily changing selection")),
        (CHOSEN, _("Chosen testimonials")),
    ]


class TestimonialsValue(blocks.StructValue):
    """The testimonials a block shows, loaded in a constant number of queries."""

    @cached_property
    def shown_testimonials(self):
        limit = self.get("count") or MAX_TESTIMONIALS
        if self.get("mode") == TestimonialsMode.CHOSEN:
            chosen = [t.pk for t in self.get("testimonials") or [] if t is not None]
            return rotation.chosen(chosen, limit)
        return rotation.rotating(limit)


class TestimonialsBlock(blocks.StructBlock):
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

    def clean(self, value):
        value = super().clean(value)
        if value.get("mode") == TestimonialsMode.CHOSEN and not any(
            t is not None for t in value.get("testimonials") or []
        ):
            raise StructBlockValidationError(
                block_errors={
                    "testimonials": ValidationError(_("Choose at least one testimonial."))
                }
            )
        return value

    class Meta:
        icon = "openquote"
        label = _("Testimonials")
        template = "blocks/testimonials_block.html"
        group = GROUP_TEASERS
        description = _("Quotes with name, role, organisation and portrait.")
        value_class = TestimonialsValue
        preview_value = {
            "heading": "Stimmen aus dem Netzwerk",
            "mode": TestimonialsMode.ROTATING,
            "count": 2,
        }
