"""The account pages are valid HTML for the W3C Nu HTML Checker (one batch, one JVM).
Skipped with the reason without Java or vnu.jar; CI has both."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from events import registration as rules
from tests import html_validator
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.membership import MemberFactory

pytestmark = [pytest.mark.validator, pytest.mark.django_db]


def test_account_pages_are_valid_html(client, home_page):
    member = MemberFactory(username="erika", email="erika@example.org")
    start = timezone.now() + datetime.timedelta(days=20)
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page),
        start=start,
        end=start + datetime.timedelta(hours=3),
        registration_mode="intern",
        price=Decimal("50.00"),
    )
    registration = rules.register(
        event.pk, rules.Applicant(name="Erika", email=member.email), user=member
    ).registration
    documents = {
        "login": client.get("/konto/anmelden/").content,
        "login-errors": client.post("/konto/anmelden/", {"username": "x"}).content,
        "reset": client.get("/konto/passwort-vergessen/").content,
        "reset-done": client.get("/konto/passwort-vergessen/gesendet/").content,
        "reset-invalid": client.get("/konto/passwort-neu/MQ/ungueltig/").content,
        "reset-complete": client.get("/konto/passwort-neu/fertig/").content,
    }
    client.force_login(member)
    documents["account"] = client.get("/konto/").content
    documents["account-errors"] = client.post("/konto/", {"first_name": ""}).content
    cancel = f"/konto/anmeldungen/{registration.pk}/stornieren/"
    documents["cancel-confirm"] = client.get(cancel).content
    results = html_validator.validate(documents)
    errors = sum(len(result.errors) for result in results.values())
    assert errors == 0, html_validator.describe(results)
