"""Factories for the projects app: project and working-group pages, contacts, blocks."""

import factory
import wagtail_factories

from projects import blocks
from projects.models import (
    ProjectIndexPage,
    ProjectPage,
    ProjectStatus,
    WorkingGroupContact,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)

from .images import ImageFactory
from .pages import BaseStreamBlockFactory


class PartnerBlockFactory(wagtail_factories.StructBlockFactory):
    name = factory.Faker("company", locale="de_DE")
    url = factory.Faker("url")

    class Meta:
        model = blocks.PartnerBlock


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Projekte"
    slug = factory.Sequence(lambda n: f"projekte-{n}")
    intro = factory.Faker("sentence", locale="de_DE")

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    """A project; `topics=["Wasserstoff", …]` tags it, `logo=None` leaves the logo out."""

    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    teaser = factory.Faker("sentence", nb_words=14, locale="de_DE")
    logo = factory.SubFactory(ImageFactory)
    status = ProjectStatus.ONGOING
    website = factory.Faker("url")
    contact_name = factory.Faker("name", locale="de_DE")
    contact_role = "Projektleitung"
    contact_email = factory.Faker("email", domain="example.org")
    body = wagtail_factories.StreamFieldFactory(BaseStreamBlockFactory)

    class Meta:
        model = ProjectPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            if create:
                obj.save()


class WorkingGroupIndexPageFactory(wagtail_factories.PageFactory):
    title = "Arbeits- und Projektgruppen"
    slug = factory.Sequence(lambda n: f"arbeitsgruppen-{n}")
    intro = factory.Faker("sentence", locale="de_DE")

    class Meta:
        model = WorkingGroupIndexPage


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Arbeitsgruppe {n}")
    slug = factory.Sequence(lambda n: f"arbeitsgruppe-{n}")
    purpose = factory.Faker("sentence", nb_words=16, locale="de_DE")
    body = wagtail_factories.StreamFieldFactory(BaseStreamBlockFactory)

    class Meta:
        model = WorkingGroupPage


class WorkingGroupContactFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(WorkingGroupPageFactory)
    name = factory.Faker("name", locale="de_DE")
    role = "Vorsitz"
    organisation = factory.Faker("company", locale="de_DE")
    email = factory.Faker("email", domain="example.org")
    phone = "+49 341 000000"

    class Meta:
        model = WorkingGroupContact
