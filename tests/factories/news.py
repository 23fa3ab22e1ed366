"""Factories for the news app: index pages, news pages and many news items at once."""

import datetime

import factory
import wagtail_factories

from news import blocks
from news.models import NewsIndexPage, NewsPage

from .images import ImageFactory


class PressContactBlockFactory(wagtail_factories.StructBlockFactory):
    name = factory.Faker("name", locale="de_DE")
    role = "Pressesprecherin"
    phone = "+49 341 000000-12"
    email = "presse@example.org"
    note = "Montag bis Freitag erreichbar."

    class Meta:
        model = blocks.PressContactBlock


class LatestNewsBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Aktuelles"
    count = 3
    kind = ""
    tag = ""
    index = None

    class Meta:
        model = blocks.LatestNewsBlock


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    """A news index with one press contact."""

    title = "News und Presse"
    slug = "news"
    intro = factory.Faker("sentence", locale="de_DE")
    press_contact = wagtail_factories.StreamFieldFactory(
        {"contact": factory.SubFactory(PressContactBlockFactory)}
    )

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    """A live news item; pass `topics=["Wasserstoff"]` to give it topics."""

    title = factory.Faker("sentence", nb_words=5, locale="de_DE")
    slug = factory.Sequence(lambda n: f"meldung-{n}")
    date = factory.Faker(
        "date_between_dates",
        date_start=datetime.date(2024, 1, 1),
        date_end=datetime.date(2025, 12, 31),
    )
    kind = NewsPage._meta.get_field("kind").default
    teaser = factory.Faker("paragraph", nb_sentences=2, locale="de_DE")
    image = None

    class Meta:
        model = NewsPage
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


def many_news(index, count, **fields):
    """`count` live news items below `index`, one per day going back from 31 Dec 2025,
    each with a small image and a topic, created as quickly as the page tree allows."""
    start = datetime.date(2025, 12, 31)
    pages = []
    for n in range(count):
        pages.append(
            NewsPageFactory(
                parent=index,
                title=f"Meldung {count}-{n}",
                slug=f"meldung-{count}-{n}",
                date=start - datetime.timedelta(days=n),
                with_image=True,
                topics=["Wasserstoff" if n % 2 else "Strukturwandel"],
                **fields,
            )
        )
    return pages
