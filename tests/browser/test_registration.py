"""A visitor registers for an event in the browser: the form with its error summary, the
thank-you page and the cancel page from the mail, each without axe violations; the page
works with the keyboard (the error summary links to the fields)."""

import re

import pytest
from django.core import mail

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

EVENT = "/termine/netzwerktreffen-wasserstoff-mittelstand/"


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_visitor_registers_and_cancels_through_the_link_in_the_mail(demo_site, page, demo_changes):
    mail.outbox.clear()
    page.goto(demo_site + EVENT)
    page.get_by_role("link", name="Jetzt anmelden").click()
    page.wait_for_url(demo_site + EVENT + "anmeldung/")
    assert_accessible(page)

    # Sent empty: the summary names every missing field and links to it.
    page.get_by_role("button", name="Jetzt anmelden").click()
    page.wait_for_load_state()
    summary = page.locator(".form-errors")
    assert "Name" in summary.inner_text() and "E-Mail" in summary.inner_text()
    assert_accessible(page)
    summary.get_by_role("link", name=re.compile("^E-Mail")).click()
    assert page.evaluate("document.activeElement.id") == "id_email"

    page.locator("#id_name").fill("Erika Beispiel")
    page.locator("#id_email").fill("erika.browser@example.org")
    page.get_by_role("textbox", name="Organisation").fill("Beispiel AG")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Jetzt anmelden").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Vielen Dank für Ihre Anmeldung"
    assert_accessible(page)

    (message,) = [m for m in mail.outbox if m.to == ["erika.browser@example.org"]]
    link = re.search(r"http://\S+/abmelden/\?code=\S+", message.body).group(0)
    page.goto(demo_site + "/" + link.split("/", 3)[3])
    assert_accessible(page)
    page.get_by_role("button", name="Ja, Anmeldung stornieren").click()
    page.wait_for_load_state()
    assert "ist storniert" in page.locator("main").inner_text()
    assert_accessible(page)
