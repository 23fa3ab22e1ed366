"""Issue 13, finding 10: the snippet choosers of member organisations and member accounts
list names only to admin users who may see those snippets (Mitgliederverwaltung,
Administration). Any other admin user (editors, registration staff) is refused by every
chooser view: the list, its results, a chosen item (403, or Wagtail's redirect to the
dashboard when opened as a page)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories.membership import MemberOrganisationFactory, MemberProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

CHOOSERS = {
    "memberprofile": "wagtailsnippetchoosers_membership_memberprofile",
    "memberorganisation": "wagtailsnippetchoosers_membership_memberorganisation",
}


def staff(*codenames):
    user = UserFactory()
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=codenames, content_type__app_label="membership"),
    )
    return user


@pytest.fixture
def profile():
    return MemberProfileFactory(
        user__username="erika.geheim", organisation__name="Verborgene Beispiel GmbH"
    )


def chooser_urls(model, pk):
    namespace = CHOOSERS[model]
    return [
        reverse(f"{namespace}:choose"),
        reverse(f"{namespace}:choose_results"),
        reverse(f"{namespace}:choose_results") + "?q=Verborgene",
        reverse(f"{namespace}:chosen", args=[pk]),
        reverse(f"{namespace}:chosen_multiple") + f"?id={pk}",
    ]


@pytest.mark.parametrize("model", sorted(CHOOSERS))
def test_an_editor_without_member_permissions_is_refused(client, profile, model):
    client.force_login(staff())
    pk = profile.pk if model == "memberprofile" else profile.organisation.pk
    for url in chooser_urls(model, pk):
        # the modal asks by XMLHttpRequest: 403
        response = client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        assert response.status_code == 403, url
        assert "erika.geheim" not in response.content.decode()
        assert "Verborgene" not in response.content.decode()
        # opened as a page: Wagtail's usual answer, back to the dashboard with a message
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url


@pytest.mark.parametrize(
    ("model", "codename"),
    [("memberprofile", "view_memberprofile"), ("memberorganisation", "change_memberorganisation")],
)
def test_member_staff_use_the_chooser(client, profile, model, codename):
    client.force_login(staff(codename))
    pk = profile.pk if model == "memberprofile" else profile.organisation.pk
    for url in chooser_urls(model, pk):
        assert client.get(url).status_code == 200, url
    results = client.get(reverse(f"{CHOOSERS[model]}:choose_results"))
    assert "Verborgene Beispiel GmbH" in results.content.decode()


def test_the_member_organisation_chooser_shows_the_non_public_one_to_member_staff(client):
    MemberOrganisationFactory(name="Nicht öffentlich e. V.", public=False)
    client.force_login(staff("view_memberorganisation"))
    results = client.get(reverse(f"{CHOOSERS['memberorganisation']}:choose_results"))
    assert "Nicht öffentlich e. V." in results.content.decode()
