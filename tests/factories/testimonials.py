"""Factories for the testimonials app."""

import factory

from testimonials.models import Testimonial


class TestimonialFactory(factory.django.DjangoModelFactory):
    quote = factory.Faker("paragraph", nb_sentences=2, locale="de_DE")
    name = factory.Sequence(lambda n: f"Beispielperson {n}")
    role = "Geschäftsführung"
    organisation = factory.Sequence(lambda n: f"Beispiel GmbH {n}")
    portrait = None
    is_active = True
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Testimonial
