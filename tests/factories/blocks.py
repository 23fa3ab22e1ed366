"""Factories for the core StreamField blocks (wagtail-factories)."""

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from metropolregion import blocks

from .images import ImageFactory


class LinkBlockFactory(wagtail_factories.StructBlockFactory):
    page = None
    url = factory.Faker("url")
    label = factory.Faker("sentence", nb_words=3, locale="de_DE")

    class Meta:
        model = blocks.LinkBlock


class HeroBlockFactory(wagtail_factories.StructBlockFactory):
    tagline = factory.Faker("sentence", nb_words=6, locale="de_DE")
    text = factory.Faker("paragraph", locale="de_DE")
    image = factory.SubFactory(
        wagtail_factories.ImageChooserBlockFactory, image=factory.SubFactory(ImageFactory)
    )
    image_alt = factory.Faker("sentence", nb_words=5, locale="de_DE")
    link = factory.SubFactory(LinkBlockFactory)

    class Meta:
        model = blocks.HeroBlock


class SectionBlockFactory(wagtail_factories.StructBlockFactory):
    heading = factory.Faker("sentence", nb_words=4, locale="de_DE")
    text = factory.LazyAttribute(lambda o: RichText(f"<p>{o.paragraph}</p>"))

    class Params:
        paragraph = factory.Faker("paragraph", locale="de_DE")

    class Meta:
        model = blocks.SectionBlock


class FeaturedCardBlockFactory(wagtail_factories.StructBlockFactory):
    image = None
    title = factory.Faker("sentence", nb_words=3, locale="de_DE")
    text = factory.Faker("sentence", locale="de_DE")
    link = factory.SubFactory(LinkBlockFactory)

    class Meta:
        model = blocks.FeaturedCardBlock


class FeaturedItemsBlockFactory(wagtail_factories.StructBlockFactory):
    heading = factory.Faker("sentence", nb_words=3, locale="de_DE")
    intro = factory.Faker("sentence", locale="de_DE")
    items = wagtail_factories.ListBlockFactory(FeaturedCardBlockFactory)

    class Meta:
        model = blocks.FeaturedItemsBlock


class CallToActionBlockFactory(wagtail_factories.StructBlockFactory):
    heading = factory.Faker("sentence", nb_words=3, locale="de_DE")
    text = factory.Faker("sentence", locale="de_DE")
    link = factory.SubFactory(LinkBlockFactory)

    class Meta:
        model = blocks.CallToActionBlock


class SocialLinksBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Folgen Sie uns"
    text = factory.Faker("sentence", locale="de_DE")

    class Meta:
        model = blocks.SocialLinksBlock
