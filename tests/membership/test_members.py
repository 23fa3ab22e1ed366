"""Member organisations and member accounts: the model rules, member_organisation(), and
managing both in the Wagtail admin."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from metropolregion.membership.members import member_organisation
from metropolregion.membership.models import MemberOrganisation, MemberProfile
from tests.factories.membership import (
    MemberFactory,
    MemberOrganisationFactory,
    MemberProfileFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ORGANISATIONS = "wagtailsnippets_membership_memberorganisation"
PROFILES = "wagtailsnippets_membership_memberprofile"


def test_member_organisation_of_a_member():
    member = MemberFactory(profile__organisation__name="Beispiel Chemie AG")
    assert member_organisation(member).name == "Beispiel Chemie AG"


def test_member_organisation_is_none_without_profile_or_when_inactive():
    assert member_organisation(AnonymousUser()) is None
    assert member_organisation(None) is None
    assert member_organisation(UserFactory()) is None
    inactive = MemberFactory(profile__organisation__active=False)
    assert member_organisation(inactive) is None


def test_one_profile_per_user():
    profile = MemberProfileFactory()
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        MemberProfile.objects.create(user=profile.user, organisation=MemberOrganisationFactory())


def test_admin_creates_an_organisation(admin_client):
    response = admin_client.post(
        reverse(f"{ORGANISATIONS}:add"),
        {
            "name": "Stadt Musterstadt (Beispiel)",
            "type": "kommune",
            "website": "https://musterstadt.example.org/",
            "logo": "",
            "active": "on",
            "public": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    created = MemberOrganisation.objects.get(name="Stadt Musterstadt (Beispiel)")
    assert created.type == "kommune" and created.active and created.public


def test_admin_refuses_an_organisation_without_type(admin_client):
    response = admin_client.post(
        reverse(f"{ORGANISATIONS}:add"), {"name": "Ohne Typ", "type": "", "active": "on"}
    )
    assert response.status_code == 200
    assert "type" in response.context["form"].errors
    assert not MemberOrganisation.objects.filter(name="Ohne Typ").exists()


def test_admin_list_searches_by_name_and_filters_by_type(admin_client):
    MemberOrganisationFactory(name="Beispiel Chemie AG", type="unternehmen")
    MemberOrganisationFactory(name="Hochschule Beispielstadt", type="hochschule")
    response = admin_client.get(reverse(f"{ORGANISATIONS}:list"), {"q": "Chemie"})
    assert [o.name for o in response.context["object_list"]] == ["Beispiel Chemie AG"]
    response = admin_client.get(reverse(f"{ORGANISATIONS}:list"), {"type": "hochschule"})
    assert [o.name for o in response.context["object_list"]] == ["Hochschule Beispielstadt"]


def test_admin_links_an_account_to_an_organisation(admin_client):
    """The login is named by its address, never picked from a list of logins (more in
    test_member_accounts.py)."""
    user = UserFactory(username="erika")
    organisation = MemberOrganisationFactory()
    response = admin_client.post(
        reverse(f"{PROFILES}:add"),
        {
            "first_name": "Erika",
            "last_name": "Muster",
            "email": user.email,
            "organisation": organisation.pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    user.refresh_from_db()
    assert user.member_profile.organisation == organisation
    listing = admin_client.get(reverse(f"{PROFILES}:list"), {"q": "erika"})
    assert [p.user for p in listing.context["object_list"]] == [user]


def test_admin_menu_has_the_members_group(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse(f"{ORGANISATIONS}:list") in response.content.decode()


def test_a_member_of_an_organisation_no_longer_active_pays_the_full_price():
    """Accounts made by the Mitgliederverwaltung are in the members' group and linked to an
    organisation: unticking "Aktiv" on the organisation ends the member price, the group
    alone does not keep it. A login in the group without any link stays a member."""
    from events.registration import is_member

    member = MemberFactory(profile__organisation__active=True)
    assert is_member(member)
    organisation = member.member_profile.organisation
    organisation.active = False
    organisation.save()
    assert not is_member(member)
    unlinked = UserFactory()
    from django.contrib.auth.models import Group

    unlinked.groups.add(Group.objects.get(name="Mitglieder"))
    assert is_member(unlinked)
