import factory
import wagtail_factories
from wagtail.models import Collection

from metropolregion.images.models import Licence


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection with a small generated file (640x400) and its
    photographer."""

    title = factory.Sequence(lambda n: f"Testbild {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    # Small: big enough for the smallest rendition of every picture (fill-640x400), small
    # enough that making renditions does not dominate the suite. Tests that need a
    # large original say so (file__width=…).
    file = factory.django.ImageField(width=640, height=400, color="#0b3d6e")
    credit = factory.Faker("name", locale="de_DE")
    licence = Licence.ALL_RIGHTS_RESERVED
