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


def test_member_logs_in_gets_the_member_price_and_the_waiting_list_moves_up(
    demo_site, page, demo_changes
):
    from django.contrib.auth.models import Group, User

    from events import registration as rules
    from events.models import EventPage, Registration

    member = User.objects.create_user(
        "erika-mitglied", "erika.mitglied@example.org", "geheim-2025", first_name="Erika",
        last_name="Mitglied",
    )  # fmt: skip
    member.groups.add(Group.objects.get_or_create(name=rules.MEMBERS_GROUP)[0])
    event = EventPage.objects.get(slug="investorenabend-standort-mitteldeutschland")
    taken = Registration.objects.filter(event=event, status="bestaetigt").count()
    EventPage.objects.filter(pk=event.pk).update(capacity=taken + 1)  # one place left

    page.goto(demo_site + "/konto/anmelden/?next=" + event.url + "anmeldung/")
    page.locator("#id_username").fill("erika-mitglied")
    page.locator("#id_password").fill("geheim-2025")
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(demo_site + event.url + "anmeldung/")
    assert page.locator("#id_email").input_value() == "erika.mitglied@example.org"
    assert page.locator("#id_name").input_value() == "Erika Mitglied"  # not the login name
    assert "65,00 EUR" in page.locator("main").inner_text()  # the member price
    assert_accessible(page)
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Jetzt anmelden").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Vielen Dank für Ihre Anmeldung"
    mine = Registration.objects.get(event=event, email="erika.mitglied@example.org")
    assert (mine.status, str(mine.price), mine.is_member) == ("bestaetigt", "65.00", True)

    # Now full: the next visitor (a new browser, not logged in) lands on the waiting list.
    visitor = page.context.browser.new_context(locale="de-DE").new_page()
    visitor.goto(demo_site + event.url + "anmeldung/")
    assert "Warteliste" in visitor.locator("main").inner_text()
    assert_accessible(visitor)
    visitor.locator("#id_name").fill("Walter Warte")
    visitor.locator("#id_email").fill("walter.warte@example.org")
    visitor.locator("#id_consent").check()
    visitor.get_by_role("button", name="Auf die Warteliste setzen").click()
    visitor.wait_for_load_state()
    assert visitor.get_by_role("heading", level=1).inner_text() == "Sie stehen auf der Warteliste"
    assert_accessible(visitor)

    # The member cancels in "Mein Konto", after a page that asks first: the waiting
    # visitor moves up and is told by mail.
    mail.outbox.clear()
    page.goto(demo_site + "/konto/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Investorenabend")).filter(
        has_text="Stornieren"
    ).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Anmeldung wirklich stornieren?"
    assert "65,00 €" in page.locator("main").inner_text()
    assert Registration.objects.get(pk=mine.pk).status == "bestaetigt"  # asking cancels nothing
    assert_accessible(page)
    page.get_by_role("button", name="Ja, Anmeldung stornieren").click()
    page.wait_for_url(demo_site + "/konto/")
    assert "ist storniert" in page.locator("main").inner_text()
    walter = Registration.objects.get(event=event, email="walter.warte@example.org")
    assert walter.status == "bestaetigt"
    assert any(
        m.to == ["walter.warte@example.org"] and m.subject.startswith("Ein Platz ist für Sie frei")
        for m in mail.outbox
    )
    visitor.context.close()
