"""The home page composition: the StreamBlocks of the home page and of standard pages,
which offer the list blocks of every content app (projects, news, galleries, testimonials,
events) beside the core's shared blocks.

This is the one module of the core that imports the content apps (the import contracts in
pyproject.toml allow it here and nowhere else): the apps build on `metropolregion.blocks`
(`BaseStreamBlock`), and only this module puts their blocks together.
"""

from events.blocks import FeaturedEventBlock, UpcomingEventsBlock
from galleries.blocks import GalleryTeaserBlock
from news.blocks import LatestNewsBlock
from projects.blocks import ProjectGridBlock, WorkingGroupsBlock
from testimonials.blocks import TestimonialsBlock

from .blocks import BaseStreamBlock, HeroBlock
from .membership.blocks import MemberDirectoryBlock

__all__ = ["BaseStreamBlock", "HomeStreamBlock", "StandardStreamBlock"]


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
