"""Factory for documents (downloads)."""

import factory
import wagtail_factories
from wagtail.models import Collection


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A document in the root collection with a small file."""

    title = factory.Sequence(lambda n: f"Testdokument {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.FileField(filename="dokument.pdf", data=b"%PDF-1.4\n%%EOF\n")
