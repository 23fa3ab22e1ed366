"""Factories for the members: organisations and member accounts."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from events.registration import MEMBERS_GROUP
from metropolregion.membership.models import MemberOrganisation, MemberProfile


class MemberOrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Beispiel Organisation {n}")
    type = "unternehmen"
    website = factory.LazyAttribute(lambda o: f"https://org{abs(hash(o.name)) % 1000}.example.org/")
    logo = None
    active = True
    public = True

    class Meta:
        model = MemberOrganisation


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("geheim-Passwort-2025")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


class MemberFactory(UserFactory):
    """A login in the members' group, linked to a member organisation."""

    profile = factory.RelatedFactory(
        "tests.factories.membership.MemberProfileFactory", factory_related_name="user"
    )

    @factory.post_generation
    def in_members_group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get_or_create(name=MEMBERS_GROUP)[0])


class MemberProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(MemberOrganisationFactory)

    class Meta:
        model = MemberProfile
