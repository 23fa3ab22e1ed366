"""Factories for the galleries app: gallery lists, galleries and their pictures."""

import datetime

import factory
import wagtail_factories

from galleries.models import GalleryImage, GalleryIndexPage, GalleryPage

from .images import ImageFactory


class GalleryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Bildergalerien"
    slug = factory.Sequence(lambda n: f"galerien-{n}")
    intro = factory.Faker("sentence", locale="de_DE")

    class Meta:
        model = GalleryIndexPage


class GalleryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Galerie {n}")
    slug = factory.Sequence(lambda n: f"galerie-{n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    description = factory.Faker("sentence", nb_words=14, locale="de_DE")

    class Meta:
        model = GalleryPage


class SmallImageFactory(ImageFactory):
    """A small picture: renditions are quick to make, even in AVIF."""

    file = factory.django.ImageField(width=240, height=160, color="#1f6fb2")


class GalleryImageFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(GalleryPageFactory)
    image = factory.SubFactory(SmallImageFactory)
    caption = factory.Faker("sentence", nb_words=6, locale="de_DE")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = GalleryImage
