"""Member accounts on the website: log in and out, password reset without revealing who
has an account, and "Mein Konto" with the person's registrations and cancelling."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from events import registration as rules
from events.models import Registration
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.membership import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-Passwort-2025"


@pytest.fixture
def member():
    return MemberFactory(
        username="erika", email="erika@example.org", profile__organisation__name="Beispiel AG"
    )


@pytest.fixture
def calendar_page(home_page):
    return EventIndexPageFactory(parent=home_page)


def open_event(calendar_page, title, days_ahead):
    start = timezone.now() + datetime.timedelta(days=days_ahead)
    return EventPageFactory(
        parent=calendar_page,
        title=title,
        start=start,
        end=start + datetime.timedelta(hours=4),
        registration_mode="intern",
        capacity=10,
        waiting_list=True,
        price=Decimal("120.00"),
        member_price=Decimal("80.00"),
    )


def register(event, user, email):
    result = rules.register(
        event.pk, rules.Applicant(name="Erika Beispiel", email=email), user=user
    )
    assert not result.refused, result.outcome
    return result.registration


# -- log in and out --


def test_login_page_is_accessible_german_and_logs_in(client, home_page, member):
    response = client.get("/konto/anmelden/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label class="form-field__label" for="id_username">Benutzername' in html
    assert 'autocomplete="username"' in html and 'autocomplete="current-password"' in html
    response = client.post(
        "/konto/anmelden/", {"username": "erika", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/konto/"
    assert response.context["user"] == member
    assert "Beispiel AG" in response.content.decode()


def test_wrong_password_names_the_problem(client, home_page, member):
    response = client.post("/konto/anmelden/", {"username": "erika", "password": "falsch"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Benutzername und Passwort" in html  # Django's German message


def test_missing_field_error_names_the_field_and_is_linked(client, home_page):
    response = client.post("/konto/anmelden/", {"username": "erika", "password": ""})
    html = response.content.decode()
    assert 'id="id_password_error"' in html
    assert 'aria-describedby="id_password_error"' in html
    assert re.search(r"Passwort: [^<]*ausgefüllt", html)


def test_english_login_page(client, home_page):
    response = client.get("/en/konto/anmelden/")
    assert response.status_code == 200
    assert "<h1>Log in</h1>" in response.content.decode()


def test_logout_only_by_post(client, home_page, member):
    client.force_login(member)
    assert client.get("/konto/abmelden/").status_code == 405
    response = client.post("/konto/abmelden/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/konto/").status_code == 302


def test_public_pages_set_no_cookie_and_link_to_the_account(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert not response.cookies
    assert 'href="/konto/"' in response.content.decode()


# -- password reset --


def reset(client, email):
    return client.post("/konto/passwort-vergessen/", {"email": email}, follow=True)


def test_password_reset_answers_alike_and_mails_only_known_addresses(client, home_page, member):
    known = reset(client, "erika@example.org")
    unknown = reset(client, "niemand@example.org")
    assert (
        known.redirect_chain
        == unknown.redirect_chain
        == [("/konto/passwort-vergessen/gesendet/", 302)]
    )
    assert known.content == unknown.content
    assert [message.to for message in mail.outbox] == [["erika@example.org"]]
    link = re.search(r"https?://[^/]+(/konto/passwort-neu/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert response.context["validlink"]
    new = "ein-ganz-neues-Passwort-77"
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": new, "new_password2": new},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/konto/passwort-neu/fertig/"
    member.refresh_from_db()
    assert member.check_password(new)


def test_password_reset_form_renders(client, home_page):
    response = client.get("/konto/passwort-vergessen/")
    assert response.status_code == 200
    assert 'autocomplete="email"' in response.content.decode()


# -- Mein Konto --


def test_account_requires_login(client, home_page):
    response = client.get("/konto/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/anmelden/?next=/konto/"


def test_account_lists_only_my_registrations_newest_event_first(client, calendar_page, member):
    later = open_event(calendar_page, "Wasserstoffkongress", days_ahead=60)
    sooner = open_event(calendar_page, "Jahreskonferenz", days_ahead=20)
    register(sooner, member, "erika@example.org")
    register(later, member, "erika@example.org")
    other = UserFactory()
    register(sooner, other, "anderer@example.org")
    register(later, None, "gast@example.org")

    client.force_login(member)
    response = client.get("/konto/")
    assert response.status_code == 200
    # The events app contributes the list to the account page (metropolregion.hubs).
    (section,) = [s for s in response.context["sections"] if s.name.endswith(".registrations")]
    registrations = section.items
    assert [r.event.title for r in registrations] == ["Wasserstoffkongress", "Jahreskonferenz"]
    html = response.content.decode()
    assert "80,00 €" in html and "Bestätigt" in html
    assert later.url in html and later.when in html
    assert html.count("Stornieren") == 2
    # The buttons lead to a page that asks first: links, not forms that cancel at once.
    for registration in registrations:
        assert f'href="/konto/anmeldungen/{registration.pk}/stornieren/"' in html
    assert 'action="/konto/anmeldungen/' not in html


def test_cancel_my_registration(client, calendar_page, member):
    event = open_event(calendar_page, "Jahreskonferenz", days_ahead=20)
    mine = register(event, member, "erika@example.org")
    client.force_login(member)
    response = client.post(f"/konto/anmeldungen/{mine.pk}/stornieren/", follow=True)
    assert response.redirect_chain == [("/konto/", 302)]
    mine.refresh_from_db()
    assert mine.status == "storniert"
    html = response.content.decode()
    assert "Jahreskonferenz" in html and "storniert" in html.lower()
    assert "Stornieren" not in html  # no button for a cancelled registration


def test_cancel_someone_elses_registration_is_not_found(client, calendar_page, member):
    event = open_event(calendar_page, "Jahreskonferenz", days_ahead=20)
    theirs = register(event, UserFactory(), "anderer@example.org")
    client.force_login(member)
    assert client.get(f"/konto/anmeldungen/{theirs.pk}/stornieren/").status_code == 404
    assert client.get("/konto/anmeldungen/999999/stornieren/").status_code == 404
    response = client.post(f"/konto/anmeldungen/{theirs.pk}/stornieren/")
    assert response.status_code == 404
    assert Registration.objects.get(pk=theirs.pk).status == "bestaetigt"


def test_cancel_needs_login_and_asks_first(client, calendar_page, member):
    event = open_event(calendar_page, "Jahreskonferenz", days_ahead=20)
    mine = register(event, member, "erika@example.org")
    url = f"/konto/anmeldungen/{mine.pk}/stornieren/"
    assert client.post(url).status_code == 302  # to the login
    assert client.get(url)["Location"].startswith("/konto/anmelden/")
    client.force_login(member)
    asked = client.get(url)
    assert asked.status_code == 200
    assert "no-store" in asked["Cache-Control"] or "no-cache" in asked["Cache-Control"]
    html = asked.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "<h1>Anmeldung wirklich stornieren?</h1>" in main
    assert "Jahreskonferenz" in main and event.when in main and "80,00 €" in main
    assert f'<form class="account__cancel" method="post" action="{url}">' in main
    assert 'name="csrfmiddlewaretoken"' in main
    assert "Ja, Anmeldung stornieren" in main and 'href="/konto/"' in main
    assert Registration.objects.get(pk=mine.pk).status == "bestaetigt"  # GET cancels nothing
    assert client.put(url).status_code == 405


def test_a_repeated_cancel_cancels_once_and_says_so(client, calendar_page, member):
    from events.models import Notification

    event = open_event(calendar_page, "Jahreskonferenz", days_ahead=20)
    mine = register(event, member, "erika@example.org")
    url = f"/konto/anmeldungen/{mine.pk}/stornieren/"
    client.force_login(member)
    first = client.post(url, follow=True)
    cancelled_at = Registration.objects.get(pk=mine.pk).cancelled_at
    second = client.post(url, follow=True)  # the second click, or the browser's back + resend
    assert first.redirect_chain == second.redirect_chain == [("/konto/", 302)]
    assert "Ihre Anmeldung für „Jahreskonferenz“ ist storniert." in first.content.decode()
    assert "Ihre Anmeldung für „Jahreskonferenz“ war bereits storniert." in second.content.decode()
    stored = Registration.objects.get(pk=mine.pk)
    assert stored.status == "storniert" and stored.cancelled_at == cancelled_at
    assert Notification.objects.filter(registration=mine, kind="storniert").count() == 1
    # Asked again (an old tab): nothing to confirm any more.
    again = client.get(url).content.decode()
    assert "bereits storniert" in again and "Ja, Anmeldung stornieren" not in again


def test_a_waiting_list_place_is_cancelled_after_asking_too(client, calendar_page, member):
    event = open_event(calendar_page, "Jahreskonferenz", days_ahead=20)
    event.capacity = 1
    event.save()
    register(event, UserFactory(), "erste@example.org")
    mine = register(event, member, "erika@example.org")
    assert mine.status == "warteliste"
    client.force_login(member)
    url = f"/konto/anmeldungen/{mine.pk}/stornieren/"
    assert "Sie verlassen die Warteliste." in client.get(url).content.decode()
    client.post(url)
    assert Registration.objects.get(pk=mine.pk).status == "storniert"


def test_a_past_event_cannot_be_cancelled(client, calendar_page, member):
    event = open_event(calendar_page, "Jahreskonferenz", days_ahead=20)
    mine = register(event, member, "erika@example.org")
    start = timezone.now() - datetime.timedelta(days=2)
    type(event).objects.filter(pk=event.pk).update(
        start=start, end=start + datetime.timedelta(hours=4)
    )
    client.force_login(member)
    url = f"/konto/anmeldungen/{mine.pk}/stornieren/"
    assert "vorbei" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 409 and "vorbei" in response.content.decode()
    assert Registration.objects.get(pk=mine.pk).status == "bestaetigt"


def test_cancel_is_protected_by_csrf(calendar_page, member):
    from django.test import Client

    event = open_event(calendar_page, "Jahreskonferenz", days_ahead=20)
    mine = register(event, member, "erika@example.org")
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    url = f"/konto/anmeldungen/{mine.pk}/stornieren/"
    assert client.post(url).status_code == 403
    assert Registration.objects.get(pk=mine.pk).status == "bestaetigt"
    # With the token from the confirmation page it goes through.
    html = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    assert Registration.objects.get(pk=mine.pk).status == "storniert"


def test_the_english_account_names_the_events_in_english(client, calendar_page, member):
    """A registration belongs to the German event (the English page shares its places);
    /en/konto/ shows the event's English title and page, /konto/ the German ones."""
    from tests.factories.translations import translate

    event = open_event(calendar_page, "Wasserstoffkongress", days_ahead=20)
    english = translate(event, {"Wasserstoffkongress": "Hydrogen Congress"}).instance
    mine = register(event, member, "erika@example.org")
    client.force_login(member)

    html = client.get("/en/konto/").content.decode()
    assert "Hydrogen Congress" in html and f'href="{english.url}"' in html
    assert "Wasserstoffkongress" not in html
    asking = client.get(f"/en/konto/anmeldungen/{mine.pk}/stornieren/").content.decode()
    assert "Hydrogen Congress" in asking and "Wasserstoffkongress" not in asking
    german = client.get("/konto/").content.decode()
    assert "Wasserstoffkongress" in german and "Hydrogen Congress" not in german
