"""Issue 13, finding 11: page and document passwords (Wagtail's view restrictions) cannot be
guessed without limit. After 5 wrong passwords from one address for one restriction the
6th try is refused for 15 minutes (429, a German error on the password field), without
being checked; the right password starts counting afresh."""

import pytest
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-2025"
REFUSED = "Zu viele falsche Passwörter von Ihrer Verbindung. Bitte warten Sie 15 Minuten"


@pytest.fixture
def protected(home_page):
    page = StandardPageFactory(parent=home_page, title="Nur für Mitglieder", slug="intern")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return page, url


def guess(client, url, password, address="192.0.2.10", return_url="/intern/"):
    return client.post(url, {"password": password, "return_url": return_url}, REMOTE_ADDR=address)


def test_the_sixth_wrong_page_password_is_refused(client, protected):
    page, url = protected
    assert [guess(client, url, f"falsch-{n}").status_code for n in range(5)] == [200] * 5

    refused = guess(client, url, "falsch-6")
    assert refused.status_code == 429
    assert REFUSED in refused.content.decode()
    # even the right password is not looked at now
    assert guess(client, url, PASSWORD).status_code == 429
    assert client.get(page.url).status_code == 200
    assert "Nur für Mitglieder" not in client.get(page.url).content.decode()


def test_other_addresses_and_other_pages_are_not_refused(client, protected, home_page):
    _page, url = protected
    for n in range(5):
        guess(client, url, f"falsch-{n}")

    assert guess(client, url, PASSWORD, address="198.51.100.7").status_code == 302
    other = StandardPageFactory(parent=home_page, slug="anders")
    restriction = PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    other_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, other.pk])
    assert guess(client, other_url, "falsch").status_code == 200


def test_the_right_password_starts_counting_afresh(client, protected):
    _page, url = protected
    for n in range(4):
        guess(client, url, f"falsch-{n}")
    response = guess(client, url, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/intern/"
    assert [guess(client, url, f"falsch-{n}").status_code for n in range(5)] == [200] * 5


def test_the_sixth_wrong_document_password_is_refused(client):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Vorstand")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    assert [guess(client, url, f"falsch-{n}").status_code for n in range(5)] == [200] * 5

    refused = guess(client, url, PASSWORD)
    assert refused.status_code == 429
    assert REFUSED in refused.content.decode()
