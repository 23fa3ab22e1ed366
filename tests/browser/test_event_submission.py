"""A partner reports an event in the browser: from the calendar through the link
"Veranstaltung melden" to the form, filled in by its labels and the keyboard; sent
incomplete first (the error summary names the fields and leads to them), then complete;
the thank-you page follows. axe finds nothing on the form, the form with errors and the
thank-you page, and no page loads anything from another origin."""

import re

import pytest
from django.core import mail

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_a_partner_reports_an_event(demo_site, page, demo_changes, no_server_errors):
    from events.models import EventPage
    from events.submissions.models import EventSubmission

    requested = []
    page.on("request", lambda request: requested.append(request.url))
    mail.outbox.clear()

    page.goto(demo_site + "/termine/")
    page.get_by_role("link", name="Veranstaltung melden").click()
    page.wait_for_url(demo_site + "/termine/melden/")
    assert page.get_by_role("heading", level=1).inner_text() == "Veranstaltung melden"
    assert_accessible(page)

    # Sent with the title only: the summary names what is missing and leads there.
    page.get_by_label("Titel der Veranstaltung").fill("Netzwerkabend Bioökonomie")
    with page.expect_navigation():
        page.get_by_role("button", name="Meldung senden").click()
    summary = page.locator(".form-errors")
    for label in ("Beginn", "Beschreibung", "Name des Veranstalters", "Ihr Name"):
        assert label in summary.inner_text()
    assert page.get_by_label("Titel der Veranstaltung").input_value() == (
        "Netzwerkabend Bioökonomie"
    )  # nothing lost
    assert_accessible(page)
    summary.get_by_role("link", name=re.compile("^Beschreibung")).click()
    assert page.evaluate("document.activeElement.id") == "id_description"

    page.get_by_label(re.compile("^Beginn")).fill("2031-05-20T18:00")
    page.get_by_label(re.compile("^Ende")).fill("2031-05-20T21:00")
    page.get_by_label("Beschreibung").fill("Ein Abend für Unternehmen der Bioökonomie.")
    page.get_by_label(re.compile("^Ort")).fill("Leuna")  # the town (not "Veranstaltungsort")
    page.get_by_label("Name des Veranstalters").fill("Beispiel-Cluster e. V.")
    # The consent's label names them too ("… Ihr Name, Ihre E-Mail-Adresse … gelöscht").
    page.get_by_label(re.compile("^Ihr Name")).fill("Erika Beispiel")
    page.get_by_label(re.compile("^Ihre E-Mail-Adresse")).fill("erika.melden@example.org")
    consent = page.get_by_label(re.compile("^Ich bin einverstanden"))
    consent.focus()
    page.keyboard.press("Space")  # the keyboard ticks the box
    assert consent.is_checked()
    page.get_by_role("button", name="Meldung senden").focus()
    with page.expect_navigation():  # the thank-you page, not the form still on screen
        page.keyboard.press("Enter")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Ihre Meldung ist eingegangen", page.locator("main").inner_text()
    assert_accessible(page)

    submission = EventSubmission.objects.get(email="erika.melden@example.org")
    event = EventPage.objects.get(pk=submission.page_id)
    assert (event.title, event.live, event.city) == ("Netzwerkabend Bioökonomie", False, "Leuna")
    assert ["erika.melden@example.org"] in [message.to for message in mail.outbox]

    others = [url for url in requested if not url.startswith(demo_site)]
    assert not others, others
