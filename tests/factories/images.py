import factory
import wagtail_factories
from wagtail.models import Collection

from metropolregion.images.models import Licence


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection with a small generated file and its photographer."""

    title = factory.Sequence(lambda n: f"Testbild {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=1600, height=1000, color="#0b3d6e")
    credit = factory.Faker("name", locale="de_DE")
    licence = Licence.ALL_RIGHTS_RESERVED
