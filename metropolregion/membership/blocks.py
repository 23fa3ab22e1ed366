"""The public member directory block for content pages."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from metropolregion.blocks import GROUP_CONTACT

from . import members


class MemberDirectoryValue(blocks.StructValue):
    """The organisations the directory lists, grouped by type (constant queries)."""

    @cached_property
    def groups(self):
        return members.directory()


class MemberDirectoryBlock(blocks.StructBlock):
    """The directory of member organisations, grouped by type, with logos and links."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    intro = blocks.TextBlock(required=False, max_length=400, label=_("Introduction"))

    class Meta:
        icon = "group"
        label = _("Member directory")
        template = "blocks/member_directory_block.html"
        group = GROUP_CONTACT
        description = _("Lists the member organisations marked “Show in the directory”, by type.")
        value_class = MemberDirectoryValue
        preview_value = {
            "heading": "Unsere Mitglieder",
            "intro": "Unternehmen, Kommunen, Kammern, Hochschulen und Forschungseinrichtungen "
            "gestalten gemeinsam die Zukunft der Region.",
        }
