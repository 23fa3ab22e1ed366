"""Factories for the events app: the calendar page, events and many events at once."""

import datetime

import factory
import wagtail_factories

from events import blocks
from events.dates import BERLIN
from events.models import EventIndexPage, EventPage

from .images import ImageFactory


def berlin(*args):
    """An aware datetime in Europe/Berlin: berlin(2025, 6, 24, 10, 0)."""
    return datetime.datetime(*args, tzinfo=BERLIN)


class AgendaItemBlockFactory(wagtail_factories.StructBlockFactory):
    day = None
    start_time = datetime.time(10, 0)
    end_time = datetime.time(10, 45)
    title = factory.Faker("sentence", nb_words=4, locale="de_DE")
    speakers = "Dr. Erika Beispiel, Beispiel-Institut"
    description = ""

    class Meta:
        model = blocks.AgendaItemBlock


class UpcomingEventsBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Nächste Termine"
    count = 3
    topic = ""
    index = None

    class Meta:
        model = blocks.UpcomingEventsBlock


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Termine"
    slug = "termine"
    intro = factory.Faker("sentence", locale="de_DE")

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """A live event of one afternoon; pass `topics=["Wasserstoff"]` to give it topics."""

    title = factory.Faker("sentence", nb_words=4, locale="de_DE")
    slug = factory.Sequence(lambda n: f"termin-{n}")
    start = berlin(2025, 6, 24, 10, 0)
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=6, minutes=30))
    all_day = False
    format = "vor-ort"
    venue = "Konferenzzentrum"
    street = "Beispielstraße 1"
    postcode = "08056"
    city = "Zwickau"
    teaser = factory.Faker("paragraph", nb_sentences=2, locale="de_DE")
    image = None
    registration_url = ""
    registration_mode = factory.LazyAttribute(lambda o: "extern" if o.registration_url else "keine")

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    class Params:
        with_image = factory.Trait(
            image=factory.SubFactory(ImageFactory, file__width=1000, file__height=600),
        )

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            if create:
                obj.save()


def many_events(index, count, first_start, **fields):
    """`count` live events below `index`, one per day from `first_start`, each with a small
    image and a topic."""
    return [
        EventPageFactory(
            parent=index,
            title=f"Termin {count}-{n}",
            slug=f"termin-{count}-{n}",
            start=first_start + datetime.timedelta(days=n),
            with_image=True,
            topics=["Wasserstoff" if n % 2 else "Strukturwandel"],
            **fields,
        )
        for n in range(count)
    ]
