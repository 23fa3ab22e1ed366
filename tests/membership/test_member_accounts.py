"""The Mitgliederverwaltung keeps member accounts with their logins, through the real admin
views ("Mitglieder" → "Mitgliedskonten") as a user of that group (no right on users):
a new address becomes a login in Mitglieder without a password and gets the access mail,
with which the person chooses a password and logs in; a staff login's address or one that
has a member account is refused on the address field; the forms list no logins; editing
changes the name; deleting deactivates a member login but never a staff login."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from metropolregion import roles
from metropolregion.membership import accounts
from metropolregion.membership.models import MemberProfile
from tests.factories.membership import (
    MemberFactory,
    MemberOrganisationFactory,
    MemberProfileFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PROFILES = "wagtailsnippets_membership_memberprofile"
ADD = reverse(f"{PROFILES}:add")
STAFF_REFUSAL = (
    "Diese Adresse gehört zu einem Zugang der Geschäftsstelle; bitte an die Administration wenden."
)
NEW_PASSWORD = "ein-eigenes-Passwort-2025"


def edit_url(profile):
    return reverse(f"{PROFILES}:edit", args=[profile.pk])


def delete_url(profile):
    return reverse(f"{PROFILES}:delete", args=[profile.pk])


@pytest.fixture
def manager(client):
    """A logged-in user of the group Mitgliederverwaltung, and nothing else."""
    user = UserFactory(username="verwaltung")
    user.groups.add(Group.objects.get(name=roles.MITGLIEDERVERWALTUNG))
    client.force_login(user)
    return user


@pytest.fixture
def organisation():
    return MemberOrganisationFactory(name="Beispiel Chemie AG")


def add(client, organisation, **data):
    values = {
        "first_name": "Erika",
        "last_name": "Muster",
        "email": "Erika.Muster@Example.org",
        "organisation": organisation.pk,
        **data,
    }
    return client.post(ADD, values)


def group_names(user):
    return sorted(user.groups.values_list("name", flat=True))


def errors(response):
    assert response.status_code == 200, response
    return response.context["form"].errors


def set_password_link(message):
    return re.search(r"http://testserver(/konto/passwort-neu/\S+)", message.body).group(1)


# -- create --


def test_a_new_address_gets_a_member_login_and_the_access_mail(
    client, manager, organisation, home_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, organisation)
        assert mail.outbox == []  # queued once the account is saved (committed)

    assert response.status_code == 302, response.context["form"].errors
    login = get_user_model().objects.get(username="erika.muster@example.org")
    assert (login.email, login.first_name, login.last_name) == (
        "erika.muster@example.org",
        "Erika",
        "Muster",
    )
    assert login.is_active and not login.is_staff and not login.is_superuser
    assert not login.has_usable_password()
    assert group_names(login) == [roles.MITGLIEDER]
    assert login.member_profile.organisation == organisation
    message = client.get(response["Location"]).context["messages"]
    assert "Mitgliedskonto „erika.muster@example.org“ angelegt" in " ".join(map(str, message))

    [sent] = mail.outbox
    assert sent.to == ["erika.muster@example.org"]
    assert sent.subject == "Ihr Zugang zum Mitgliederbereich der Metropolregion Mitteldeutschland"
    assert sent.body.startswith("Guten Tag Erika Muster,")
    assert "als Mitglied von Beispiel Chemie AG" in sent.body
    assert "Ihr Benutzername: erika.muster@example.org" in sent.body
    assert "der Link gilt 3 Tage" in sent.body
    assert "http://testserver/konto/anmelden/" in sent.body

    # The new member chooses a password with the link and logs in on the website.
    client.logout()
    response = client.get(set_password_link(sent), follow=True)
    assert response.context["validlink"]
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/konto/passwort-neu/fertig/"
    response = client.post(
        "/konto/anmelden/",
        {"username": "erika.muster@example.org", "password": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/konto/"
    assert response.context["user"] == login
    assert "Beispiel Chemie AG" in response.content.decode()


def test_the_access_mail_links_to_the_configured_base_url(
    client, manager, organisation, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        add(client, organisation, email="neu@example.org")

    [sent] = mail.outbox
    assert re.search(r"^https://portal\.example\.org/konto/passwort-neu/\S+/$", sent.body, re.M)
    assert "https://portal.example.org/konto/anmelden/" in sent.body


@pytest.mark.parametrize("kind", ["Redaktion", "Administration", "staff", "superuser", "right"])
def test_the_address_of_a_staff_login_is_refused_on_the_email_field(
    client, manager, organisation, django_capture_on_commit_callbacks, kind
):
    staff = UserFactory(username="gerda.geschaeftsstelle", email="gerda@example.org")
    if kind in ("staff", "superuser"):
        setattr(staff, f"is_{kind}", True)
        staff.save()
    elif kind == "right":
        staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    else:
        staff.groups.add(Group.objects.get(name=kind))
    before = group_names(staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, organisation, email="Gerda@Example.ORG")

    assert errors(response) == {"email": [STAFF_REFUSAL]}
    assert STAFF_REFUSAL in response.content.decode()
    staff.refresh_from_db()
    assert group_names(staff) == before and staff.is_active
    assert (staff.first_name, staff.last_name) == ("", "")
    assert not MemberProfile.objects.exists()
    assert get_user_model().objects.count() == 2  # the staff login and the manager
    assert mail.outbox == []


def test_a_staff_login_whose_user_name_is_the_address_is_refused(client, manager, organisation):
    UserFactory(username="gerda@example.org", email="").groups.add(
        Group.objects.get(name=roles.REDAKTION)
    )

    response = add(client, organisation, email="gerda@example.org")

    assert errors(response) == {"email": [STAFF_REFUSAL]}


def test_an_address_that_has_a_member_account_is_refused(client, manager, organisation):
    MemberFactory(email="erika.muster@example.org", profile__organisation__name="Muster GmbH")

    response = add(client, organisation)

    assert errors(response) == {
        "email": [
            "Diese Adresse hat schon ein Mitgliedskonto (Muster GmbH): "
            "ändern Sie dort die Organisation."
        ]
    }
    assert MemberProfile.objects.count() == 1


def test_a_member_login_without_member_account_is_linked(
    client, manager, organisation, django_capture_on_commit_callbacks
):
    login = UserFactory(username="erika", email="erika.muster@example.org")  # has a password

    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, organisation)

    assert response.status_code == 302, response.context["form"].errors
    login.refresh_from_db()
    assert login.member_profile.organisation == organisation
    assert group_names(login) == [roles.MITGLIEDER]
    assert login.username == "erika" and login.check_password("geheim-Passwort-2025")
    assert (login.first_name, login.last_name) == ("Erika", "Muster")
    assert get_user_model().objects.count() == 2
    assert mail.outbox == []  # they log in with their password as before
    message = " ".join(map(str, client.get(response["Location"]).context["messages"]))
    assert "mit ihrem Passwort wie bisher" in message


def test_every_missing_or_wrong_field_is_named(client, manager, organisation):
    response = client.post(
        ADD, {"first_name": "", "last_name": "", "email": "", "organisation": ""}
    )
    assert set(errors(response)) == {"first_name", "last_name", "email", "organisation"}

    response = add(client, organisation, email="keine-adresse", last_name="Muster\x07")
    assert set(errors(response)) == {"email", "last_name"}
    assert errors(response)["last_name"] == ["Bitte geben Sie den Namen ohne Steuerzeichen ein."]
    assert not MemberProfile.objects.exists()
    assert get_user_model().objects.count() == 1  # the manager


def test_an_address_longer_than_a_user_name_is_refused_on_the_email_field(
    client, manager, organisation
):
    response = add(client, organisation, email=f"{'e' * 140}@example.org")  # 152 characters

    assert list(errors(response)) == ["email"]
    assert "höchstens 150 Zeichen" in errors(response)["email"][0]
    assert not MemberProfile.objects.exists()


def test_a_login_saved_between_the_check_and_the_save_is_an_error_not_a_500(
    client, manager, organisation, monkeypatch
):
    """Control for a second click on "Save": the address check sees no login, the login
    is there all the same; the unique user name stops it, the form says so."""
    UserFactory(username="erika.muster@example.org", email="erika.muster@example.org")
    monkeypatch.setattr(accounts, "logins_for", lambda email: [])

    response = add(client, organisation)

    assert errors(response) == {
        "email": [
            "Ein Zugang mit dieser Adresse wurde gerade gespeichert; bitte prüfen Sie die Liste."
        ]
    }
    assert not MemberProfile.objects.exists()


# -- no list of logins --


def test_the_forms_list_no_logins(client, manager, organisation):
    UserFactory(username="gerda.geschaeftsstelle", first_name="Gerda").groups.add(
        Group.objects.get(name=roles.REDAKTION)
    )
    UserFactory(username="otto.andere", email="otto@example.org")
    profile = MemberFactory(username="erika.mitglied", profile__organisation=organisation)

    for url in (ADD, edit_url(profile)):
        html = client.get(url).content.decode()
        assert 'name="user"' not in html, url
        assert "gerda.geschaeftsstelle" not in html and "Gerda" not in html, url
        assert "otto" not in html, url
    assert "erika.mitglied" in client.get(edit_url(profile.member_profile)).content.decode()


# -- edit --


def test_the_edit_form_shows_the_login_read_only_and_changes_the_name(client, manager):
    member = MemberFactory(
        username="erika.muster@example.org",
        email="erika.muster@example.org",
        first_name="Erika",
        last_name="Muster",
    )
    profile = member.member_profile
    other = MemberOrganisationFactory(name="Muster Logistik GmbH")

    response = client.get(edit_url(profile))
    form = response.context["form"]
    assert form.fields["username"].disabled and form.fields["email"].disabled
    assert form["username"].value() == "erika.muster@example.org"
    assert re.search(r'<input[^>]*name="email"[^>]*disabled', response.content.decode())
    assert "send_access_mail" not in form.fields  # she has a password

    response = client.post(
        edit_url(profile),
        {
            "first_name": "Erika",
            "last_name": "Neumann",
            "email": "gekapert@example.org",  # read-only: ignored
            "username": "gekapert",
            "organisation": other.pk,
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    member.refresh_from_db()
    profile.refresh_from_db()
    assert (member.first_name, member.last_name) == ("Erika", "Neumann")
    assert (member.username, member.email) == ("erika.muster@example.org",) * 2
    assert profile.organisation == other


def test_a_staff_login_linked_as_member_account_keeps_its_name(client, manager):
    staff = UserFactory(username="gerda", first_name="Gerda", last_name="Graf")
    staff.groups.add(Group.objects.get(name=roles.REDAKTION))
    profile = MemberProfileFactory(user=staff)
    other = MemberOrganisationFactory()

    response = client.post(
        edit_url(profile), {"first_name": "X", "last_name": "Y", "organisation": other.pk}
    )

    assert response.status_code == 302, response.context["form"].errors
    staff.refresh_from_db()
    assert (staff.first_name, staff.last_name) == ("Gerda", "Graf")
    profile.refresh_from_db()
    assert profile.organisation == other


def test_the_access_mail_can_be_sent_again_until_a_password_is_chosen(
    client, manager, organisation, django_capture_on_commit_callbacks
):
    add(client, organisation)
    profile = MemberProfile.objects.get()
    assert "send_access_mail" in client.get(edit_url(profile)).context["form"].fields

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(profile),
            {
                "first_name": "Erika",
                "last_name": "Muster",
                "organisation": organisation.pk,
                "send_access_mail": "on",
            },
        )

    assert response.status_code == 302, response.context["form"].errors
    [sent] = mail.outbox
    assert sent.to == ["erika.muster@example.org"] and "/konto/passwort-neu/" in sent.body


# -- delete --


def test_deleting_a_member_account_deactivates_its_login(client, manager, home_page):
    member = MemberFactory(username="erika")
    profile = member.member_profile

    confirmation = client.get(delete_url(profile)).content.decode()
    assert "deaktiviert auch den Zugang „erika“" in confirmation
    response = client.post(delete_url(profile))

    assert response.status_code == 302
    assert not MemberProfile.objects.filter(pk=profile.pk).exists()
    member.refresh_from_db()  # the row stays, for the registrations' history
    assert not member.is_active
    assert group_names(member) == []
    client.logout()
    response = client.post(
        "/konto/anmelden/", {"username": "erika", "password": "geheim-Passwort-2025"}
    )
    assert response.status_code == 200 and not response.context["user"].is_authenticated


def test_deleting_the_member_account_of_a_staff_login_only_unlinks_it(client, manager):
    staff = UserFactory(username="gerda")
    staff.groups.add(Group.objects.get(name=roles.REDAKTION))
    profile = MemberProfileFactory(user=staff)

    assert "bleibt, wie er ist" in client.get(delete_url(profile)).content.decode()
    client.post(delete_url(profile))

    staff.refresh_from_db()
    assert staff.is_active and group_names(staff) == [roles.REDAKTION]
    assert not MemberProfile.objects.filter(pk=profile.pk).exists()


def test_bulk_delete_deactivates_the_logins_too(client, manager):
    members = [MemberFactory(), MemberFactory()]
    url = reverse("wagtail_bulk_action", args=("membership", "memberprofile", "delete"))
    ids = "&".join(f"id={member.member_profile.pk}" for member in members)

    assert client.post(f"{url}?{ids}").status_code == 302

    for member in members:
        member.refresh_from_db()
        assert not member.is_active and group_names(member) == []


def test_deleting_an_organisation_closes_the_logins_of_its_people():
    member = MemberFactory()

    member.member_profile.organisation.delete()

    member.refresh_from_db()
    assert not member.is_active and group_names(member) == []


def test_deleting_a_member_login_deletes_its_member_account():
    member = MemberFactory()

    member.delete()  # the Administration deletes the user; closing it first does no harm

    assert not MemberProfile.objects.exists()
    assert not get_user_model().objects.filter(pk=member.pk).exists()


def test_a_deleted_member_comes_back_with_the_same_login(
    client, manager, organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add(client, organisation)
    profile = MemberProfile.objects.get()
    client.post(delete_url(profile))
    login = get_user_model().objects.get(username="erika.muster@example.org")
    assert not login.is_active

    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, organisation, email="erika.muster@example.org")

    assert response.status_code == 302, response.context["form"].errors
    login.refresh_from_db()
    assert login.is_active and group_names(login) == [roles.MITGLIEDER]
    assert login.member_profile.organisation == organisation
    assert len(mail.outbox) == 2  # she never chose a password: a new link


# -- listing --


def test_the_list_searches_by_name_address_and_organisation(client, manager):
    erika = MemberFactory(
        username="erika", email="erika@beispiel.example", last_name="Musterfrau",
        profile__organisation__name="Beispiel Chemie AG",
    )  # fmt: skip
    otto = MemberFactory(username="otto", profile__organisation__name="Muster Logistik GmbH")

    def found(query):
        response = client.get(reverse(f"{PROFILES}:list"), {"q": query})
        assert response.status_code == 200
        return [profile.user for profile in response.context["object_list"]]

    assert found("Musterfrau") == [erika]
    assert found("beispiel.example") == [erika]
    assert found("Logistik") == [otto]
    html = client.get(reverse(f"{PROFILES}:list")).content.decode()
    assert "erika" in html and "Muster Logistik GmbH" in html
