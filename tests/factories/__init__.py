from .blocks import (
    CallToActionBlockFactory,
    FeaturedCardBlockFactory,
    FeaturedItemsBlockFactory,
    HeroBlockFactory,
    LinkBlockFactory,
    SectionBlockFactory,
    SocialLinksBlockFactory,
)
from .images import ImageFactory
from .pages import HomePageFactory, StandardPageFactory

__all__ = [
    "CallToActionBlockFactory",
    "FeaturedCardBlockFactory",
    "FeaturedItemsBlockFactory",
    "HeroBlockFactory",
    "HomePageFactory",
    "ImageFactory",
    "LinkBlockFactory",
    "SectionBlockFactory",
    "SocialLinksBlockFactory",
    "StandardPageFactory",
]
