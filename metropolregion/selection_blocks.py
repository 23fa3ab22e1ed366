"""The shape of a home-page block that shows items chosen by hand or picked on its own
(the newest galleries, a daily changing selection of testimonials): a mode, a list of
chosen items, a maximum number, and a value that loads the items in a constant number
of queries. The apps declare the child blocks (their labels and choices differ) and say
how to load items; the rules live here once.

    class GalleryTeaserBlock(ChosenOrAutomaticBlock):
        chosen_field = "galleries"
        ...
        def chosen_items(self, ids, limit): ...
        def automatic_items(self, limit): ...
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

CHOSEN = "chosen"


class ChosenOrAutomaticValue(blocks.StructValue):
    """The items the block shows: the chosen ones (live ones, in the editors' order) in
    the mode "chosen", else the automatic selection; at most `count`."""

    @cached_property
    def shown_items(self):
        block = self.block
        limit = self.get("count") or block.max_items
        if self.get("mode") == CHOSEN:
            chosen = [item.pk for item in self.get(block.chosen_field) or [] if item is not None]
            return block.chosen_items(chosen, limit)
        return block.automatic_items(limit)

    @cached_property
    def more_url(self):
        """Where the block's "all …" link leads, or "" for none."""
        return self.block.more_url()


class ChosenOrAutomaticBlock(blocks.StructBlock):
    """Base of the blocks described above. Subclasses declare `mode` (a choice with
    `CHOSEN` among its values), the list named by `chosen_field` and `count`, and set
    `max_items` and `chosen_missing` (the error when "chosen" has nothing chosen)."""

    chosen_field = ""
    max_items = 6
    chosen_missing = ""

    def chosen_items(self, ids, limit):
        raise NotImplementedError

    def automatic_items(self, limit):
        raise NotImplementedError

    def more_url(self):
        return ""

    def clean(self, value):
        value = super().clean(value)
        if value.get("mode") == CHOSEN and not any(
            item is not None for item in value.get(self.chosen_field) or []
        ):
            raise StructBlockValidationError(
                block_errors={self.chosen_field: ValidationError(self.chosen_missing)}
            )
        return value

    class Meta:
        value_class = ChosenOrAutomaticValue
