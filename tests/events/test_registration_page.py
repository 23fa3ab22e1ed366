"""Registering on an event page through HTTP: the form and its errors, the thank-you
page (the same for an address that is already registered), mails with the event as .ics
and a signed link to cancel, refusals said plainly, rate limit, honeypot, and no
registration lost when the mail server is down."""

import re
from decimal import Decimal
from urllib.parse import unquote

import icalendar
import pytest
from django.contrib.auth.models import Group, User
from django.core import mail, signing
from django.core.management import call_command

from events import registration as rules
from events.models import Notification, Registration
from tests.factories.events import EventPageFactory, berlin

NOW = berlin(2025, 6, 1, 12, 0)
pytestmark = pytest.mark.django_db


@pytest.fixture
def event(calendar_page, frozen):
    frozen(NOW)
    return EventPageFactory(
        parent=calendar_page,
        title="Jahreskonferenz",
        registration_mode="intern",
        capacity=2,
        price=Decimal("120.00"),
        member_price=Decimal("80.00"),
        ask_dietary_needs=True,
    )


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST like a browser and run what the transaction queued (the mails)."""

    def send(url, data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **extra)

    return send


def form_data(n=1, **fields):
    return {"name": f"Person {n}", "email": f"person{n}@example.org", "consent": "on", **fields}


def main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def cancel_path(message):
    url = re.search(r"http://\S+/abmelden/\?code=\S+", message.body).group(0)
    return "/" + url.split("/", 3)[3]


def test_event_page_offers_registration_with_places_and_prices(client, event):
    html = client.get(event.url).content.decode()
    assert f'href="{event.url}anmeldung/"' in html
    assert "2 Plätze frei" in html and "120,00 EUR" in html and "80,00 EUR" in html


def test_form_errors_name_the_field(post, event):
    response = post(event.url + "anmeldung/", {"name": "", "email": "kaputt", "consent": ""})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "email", "consent"}
    html = main(response)
    assert '<a href="#id_email">E-Mail: ' in html and 'href="#id_name">Name: ' in html
    assert not Registration.objects.exists() and not mail.outbox


def test_registration_is_stored_and_confirmed_by_mail_with_ics(post, event):
    response = post(event.url + "anmeldung/", form_data(dietary_needs="vegetarisch"))
    assert response.status_code == 200
    assert "person1@example.org" in main(response)
    stored = Registration.objects.get()
    assert (stored.status, stored.price, stored.dietary_needs) == (
        "bestaetigt",
        Decimal("120.00"),
        "vegetarisch",
    )
    (message,) = mail.outbox
    assert message.to == ["person1@example.org"]
    assert message.subject == "Anmeldung bestätigt: Jahreskonferenz"
    assert message.body.startswith("Guten Tag Person 1,")
    html_body = message.alternatives[0][0]
    assert "Jahreskonferenz" in html_body
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == (f"{event.slug}.ics", "text/calendar")
    (vevent,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert vevent.decoded("dtstart") == event.start
    assert Notification.objects.get().status == "gesendet"


def test_duplicate_address_sees_the_same_page_and_gets_a_mail(post, event):
    first = post(event.url + "anmeldung/", form_data(1))
    post(event.url + "anmeldung/", form_data(2, email="other@example.org"))  # full now
    mail.outbox.clear()
    # A newcomer now lands on the waiting list; a duplicate sees exactly that page.
    newcomer = post(event.url + "anmeldung/", form_data(3))
    duplicate = post(event.url + "anmeldung/", form_data(1, name="Jemand anderes"))
    strip = lambda html: html.replace("person3@example.org", "ADDRESS").replace(  # noqa: E731
        "person1@example.org", "ADDRESS"
    )
    assert strip(main(duplicate)) == strip(main(newcomer))
    assert first.status_code == duplicate.status_code == 200
    assert Registration.objects.filter(email="person1@example.org").count() == 1
    assert [m.to for m in mail.outbox] == [["person3@example.org"], ["person1@example.org"]]
    assert mail.outbox[1].subject.startswith("Sie sind bereits angemeldet")


def test_full_event_with_waiting_list_says_so_and_waitlists(post, client, event):
    post(event.url + "anmeldung/", form_data(1))
    post(event.url + "anmeldung/", form_data(2))
    assert "Warteliste" in main(client.get(event.url + "anmeldung/"))
    response = post(event.url + "anmeldung/", form_data(3))
    assert "Sie stehen auf der Warteliste" in main(response)
    assert Registration.objects.get(email="person3@example.org").status == "warteliste"
    notice = mail.outbox[-1]
    assert notice.to == ["person3@example.org"]
    assert notice.subject == "Sie stehen auf der Warteliste: Jahreskonferenz"
    assert "rücken Sie automatisch nach" in notice.body
    assert notice.attachments == []  # no calendar entry without a place


def test_full_event_without_waiting_list_shows_no_dead_form(post, client, event):
    event.waiting_list = False
    event.save()
    post(event.url + "anmeldung/", form_data(1))
    post(event.url + "anmeldung/", form_data(2))
    response = client.get(event.url + "anmeldung/")
    assert '<form class="registration-form"' not in main(response)
    assert "ausgebucht" in main(response)
    assert "ausgebucht" in main(client.get(event.url))


def test_members_only_event_asks_the_public_to_log_in(client, event):
    event.audience = "mitglieder"
    event.save()
    html = main(client.get(event.url + "anmeldung/"))
    assert "Diese Veranstaltung ist nur für Mitglieder." in html
    assert "/konto/anmelden/" in html and "registration-form" not in html


def test_member_gets_the_form_prefilled_and_the_member_price(post, client, event):
    user = User.objects.create_user(
        "erika", "erika@example.org", "pw", first_name="Erika", last_name="Beispiel"
    )
    user.groups.add(Group.objects.get_or_create(name=rules.MEMBERS_GROUP)[0])
    client.force_login(user)
    response = client.get(event.url + "anmeldung/")
    form = response.context["form"]
    assert form.initial["name"] == "Erika Beispiel" and form.initial["email"] == "erika@example.org"
    assert "<strong>80,00 EUR</strong>" in main(response)
    post(event.url + "anmeldung/", form_data(name="Erika Beispiel", email="erika@example.org"))
    stored = Registration.objects.get()
    assert (stored.price, stored.is_member, stored.user) == (Decimal("80.00"), True, user)
    assert "80,00 EUR" in mail.outbox[0].body


def test_honeypot_looks_like_success_but_stores_nothing(post, event):
    response = post(event.url + "anmeldung/", form_data(website="http://spam.example"))
    assert response.status_code == 200 and "Vielen Dank" in main(response)
    assert not Registration.objects.exists() and not mail.outbox


def test_rate_limit_per_address_with_a_clear_message(post, event, settings):
    settings.REGISTRATION_RATE_LIMIT = 3
    for n in range(3):
        assert post(event.url + "anmeldung/", form_data(n, consent="")).status_code == 200
    response = post(event.url + "anmeldung/", form_data(9))
    assert response.status_code == 429
    assert "Zu viele Anmeldungen" in main(response)
    assert not Registration.objects.exists()
    other = post(event.url + "anmeldung/", form_data(8), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200 and Registration.objects.count() == 1


def test_a_broken_cache_does_not_stop_registrations(post, event, monkeypatch):
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "incr", broken)
    response = post(event.url + "anmeldung/", form_data(1))
    assert response.status_code == 200 and Registration.objects.count() == 1


def test_mail_server_down_loses_no_registration(post, event, settings):
    settings.EMAIL_BACKEND = "tests.events.mail_backends.BrokenBackend"
    response = post(event.url + "anmeldung/", form_data(1))
    assert response.status_code == 200 and "Vielen Dank" in main(response)
    stored = Registration.objects.get()
    assert stored.status == "bestaetigt"
    notification = Notification.objects.get()
    assert (notification.status, notification.attempts) == ("offen", 1)
    assert notification.last_error == "ConnectionRefusedError"
    assert not mail.outbox

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # server is back
    call_command("send_pending_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    notification.refresh_from_db()
    assert notification.status == "gesendet" and notification.attempts == 2
    assert [m.to for m in mail.outbox] == [["person1@example.org"]]
    call_command("send_pending_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1  # never twice


def test_cancel_link_asks_then_cancels_and_moves_the_next_person_up(post, client, event):
    post(event.url + "anmeldung/", form_data(1))
    post(event.url + "anmeldung/", form_data(2))
    post(event.url + "anmeldung/", form_data(3))  # waiting list
    path = cancel_path(mail.outbox[0])
    mail.outbox.clear()
    asked = client.get(path)
    assert asked.status_code == 200 and "Ja, Anmeldung stornieren" in main(asked)
    assert Registration.objects.get(email="person1@example.org").status == "bestaetigt"
    code = unquote(path.split("code=")[1])
    done = post(path.split("?")[0], {"code": code})
    assert done.status_code == 200
    assert Registration.objects.get(email="person1@example.org").status == "storniert"
    assert Registration.objects.get(email="person3@example.org").status == "bestaetigt"
    subjects = sorted(m.subject.split(":")[0] for m in mail.outbox)
    assert subjects == ["Anmeldung storniert", "Ein Platz ist für Sie frei geworden"]
    again = post(path.split("?")[0], {"code": code})
    assert "bereits storniert" in main(again)


def test_tampered_and_foreign_cancel_links_are_refused(post, client, event, calendar_page):
    post(event.url + "anmeldung/", form_data(1))
    path = cancel_path(mail.outbox[0])
    assert client.get(path[:-3] + "xyz").status_code == 404
    assert client.get(event.url + "abmelden/?code=").status_code == 404
    other = EventPageFactory(parent=calendar_page, registration_mode="intern")
    assert client.get(other.url + "abmelden/?" + path.split("?")[1]).status_code == 404
    assert Registration.objects.get().status == "bestaetigt"


def test_expired_cancel_link_says_so(post, client, event, monkeypatch, settings):
    post(event.url + "anmeldung/", form_data(1))
    path = cancel_path(mail.outbox[0])
    later = signing.time.time() + (settings.REGISTRATION_CANCEL_LINK_DAYS + 1) * 86400
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(path)
    assert response.status_code == 410 and "abgelaufen" in main(response)


def test_closed_registration_says_so_plainly(client, event, frozen):
    frozen(event.start)
    response = client.get(event.url + "anmeldung/")
    assert response.status_code == 200
    assert "Die Anmeldung für diese Veranstaltung ist geschlossen." in main(response)
