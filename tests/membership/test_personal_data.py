"""Names come from the person's account, never from the login name (issue 12, item 11):
"Meine Daten" in Mein Konto edits first and last name; the registration form is filled in
with them, and asks for the name when the account has none; the mails greet the person."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from events.models import Registration
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.membership import MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    """A member whose account has no name yet, like the demo's before this fix."""
    return MemberFactory(username="mitglied", email="mitglied@example.org")


@pytest.fixture
def event(home_page):
    start = timezone.now() + datetime.timedelta(days=20)
    return EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page),
        title="Investorenabend",
        start=start,
        end=start + datetime.timedelta(hours=3),
        registration_mode="intern",
        price=Decimal("95.00"),
        member_price=Decimal("65.00"),
    )


def main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_my_details_form_saves_first_and_last_name(client, member):
    client.force_login(member)
    page = main(client.get("/konto/"))
    assert '<h2 id="details-heading">Meine Daten</h2>' in page
    assert "Bitte geben Sie Ihren Vor- und Nachnamen an" in page
    assert 'for="id_first_name">Vorname' in page and 'for="id_last_name">Nachname' in page
    assert 'autocomplete="given-name"' in page and 'autocomplete="family-name"' in page
    assert "mitglied@example.org" in page  # the address, shown read-only
    response = client.post(
        "/konto/",
        {"first_name": " Maria ", "last_name": "Beispiel", "email": "boese@example.org"},
        follow=True,
    )
    assert response.redirect_chain == [("/konto/", 302)]
    assert "Ihre Daten sind gespeichert." in main(response)
    member.refresh_from_db()
    assert (member.first_name, member.last_name) == ("Maria", "Beispiel")
    assert member.email == "mitglied@example.org"  # not changed through this form
    page = main(client.get("/konto/"))
    assert 'value="Maria"' in page and "Angemeldet als Maria Beispiel." in page
    assert "Bitte geben Sie Ihren Vor- und Nachnamen an" not in page


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"first_name": "", "last_name": "  "}, {"first_name", "last_name"}),
        ({"first_name": "Maria", "last_name": "Bei\x07spiel"}, {"last_name"}),
        ({"first_name": "M" * 151, "last_name": "Beispiel"}, {"first_name"}),
    ],
)
def test_my_details_errors_name_the_field(client, member, data, errors):
    client.force_login(member)
    response = client.post("/konto/", data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == errors
    page = main(response)
    assert 'role="alert"' in page
    for name in errors:
        label = {"first_name": "Vorname", "last_name": "Nachname"}[name]
        assert re.search(rf'<a href="#id_{name}">{label}: ', page)
        assert f'aria-describedby="id_{name}_error"' in page or f"id_{name}_error" in page
    member.refresh_from_db()
    assert (member.first_name, member.last_name) == ("", "")


def test_registration_form_never_uses_the_login_name(client, member, event):
    client.force_login(member)
    response = client.get(event.url + "anmeldung/")
    form = response.context["form"]
    assert form.initial["name"] == "" and form.initial["email"] == "mitglied@example.org"
    assert 'value="mitglied"' not in main(response)
    # Without a name the form asks for it.
    response = client.post(
        event.url + "anmeldung/", {"email": "mitglied@example.org", "consent": "on"}
    )
    assert set(response.context["form"].errors) == {"name"}
    assert not Registration.objects.exists()


def test_the_name_from_my_details_fills_the_form_and_greets_in_the_mail(
    client, member, event, django_capture_on_commit_callbacks
):
    client.force_login(member)
    client.post("/konto/", {"first_name": "Maria", "last_name": "Beispiel"})
    response = client.get(event.url + "anmeldung/")
    assert response.context["form"].initial["name"] == "Maria Beispiel"
    assert 'value="Maria Beispiel"' in main(response)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            event.url + "anmeldung/",
            {"name": "Maria Beispiel", "email": "mitglied@example.org", "consent": "on"},
        )
    (message,) = mail.outbox
    assert message.body.startswith("Guten Tag Maria Beispiel,")
    assert "Guten Tag mitglied" not in message.body + message.alternatives[0][0]


def test_my_details_need_login_and_post_is_protected_by_csrf(member):
    from django.test import Client

    anonymous = Client()
    response = anonymous.post("/konto/", {"first_name": "X", "last_name": "Y"})
    assert response.status_code == 302 and response["Location"].startswith("/konto/anmelden/")
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post("/konto/", {"first_name": "X", "last_name": "Y"}).status_code == 403
    member.refresh_from_db()
    assert member.first_name == ""
