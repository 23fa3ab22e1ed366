"""The StreamBlocks that page bodies are built from.

Kept apart from `blocks.py` because the home page offers the list blocks of every content
app (projects, news, galleries, testimonials, events), and those apps' block modules import
the shared blocks from `metropolregion.blocks`.
"""

from wagtail import blocks

from .blocks import CallToActionBlock, FeaturedItemsBlock, HeroBlock, SectionBlock, SocialLinksBlock

# -- imports of the content apps' home-page blocks --
from galleries.blocks import GalleryTeaserBlock  # isort: skip
from testimonials.blocks import TestimonialsBlock  # isort: skip
from news.blocks import LatestNewsBlock  # isort: skip
from projects.blocks import ProjectGridBlock, WorkingGroupsBlock  # isort: skip
from events.blocks import FeaturedEventBlock, UpcomingEventsBlock  # isort: skip
from metropolregion.membership.blocks import MemberDirectoryBlock  # isort: skip


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every content page offers."""

    section = SectionBlock()
    featured = FeaturedItemsBlock()
    call_to_action = CallToActionBlock()
    social = SocialLinksBlock()


class StandardStreamBlock(BaseStreamBlock):
    """The blocks of standard pages: the shared ones and the member directory. (Kept out
    of BaseStreamBlock: the directory belongs on one page, not in news or events.)"""

    members = MemberDirectoryBlock()


class HomeStreamBlock(BaseStreamBlock):
    """The blocks of the home page: the shared ones, the opening hero and the blocks that
    list live content from the other apps."""

    hero = HeroBlock()
    # -- projects --
    projects = ProjectGridBlock()
    working_groups = WorkingGroupsBlock()
    # -- events --
    events = UpcomingEventsBlock()
    featured_event = FeaturedEventBlock()
    # -- news --
    news = LatestNewsBlock()
    # -- galleries --
    galleries = GalleryTeaserBlock()
    # -- testimonials --
    testimonials = TestimonialsBlock()

    class Meta:
        block_counts = {"hero": {"max_num": 1}}
