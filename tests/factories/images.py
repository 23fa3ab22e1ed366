import factory
import wagtail_factories
from wagtail.models import Collection


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection with a small generated file."""

    title = factory.Sequence(lambda n: f"Testbild {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=1600, height=1000, color="#0b3d6e")
