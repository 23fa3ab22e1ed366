"""The Redaktion turns an event into a series in the real admin, in Chromium: open the
event, unfold *Wiederholung*, choose "Monatlich" and three dates, mark the second as
cancelled, publish; the visitor then finds each date in the calendar and on the page, the
cancelled one marked, and registers for one date. Axe finds nothing on the panel or on
the pages."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from events.models import EventPage, Registration
from metropolregion import roles
from metropolregion.clock import BERLIN
from tests.browser.conftest import axe_violations, describe
from tests.browser.test_editors import PASSWORD, click_action, log_in

pytestmark = pytest.mark.browser

SLUG = "netzwerktreffen-wasserstoff-mittelstand"


@pytest.fixture
def redaktion(demo_site, demo_changes):
    user = get_user_model().objects.create_user("b-serie", "", PASSWORD)
    user.groups.add(Group.objects.get(name=roles.REDAKTION))
    return user


def test_redaktion_makes_a_monthly_series_and_a_visitor_registers_for_a_date(
    demo_site, browser, redaktion, no_server_errors
):
    event = EventPage.objects.get(slug=SLUG, locale__language_code="de")
    first = event.start.astimezone(BERLIN)
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    page = log_in(context, demo_site, "b-serie")
    page.goto(f"{demo_site}/admin/pages/{event.pk}/edit/")
    panel = page.locator("#panel-child-inhalt-wiederholung-section")
    panel.locator("[data-panel-toggle]").first.click()  # folded until needed
    page.get_by_label("Wie oft").select_option("MONTHLY")
    page.get_by_label("Welcher Tag im Monat (monatlich)").select_option("weekday")
    page.get_by_label("Oder: Anzahl der Termine").fill("3")
    assert describe(axe_violations_in(page, panel)) == ""
    click_action(page, "action-publish")
    event.refresh_from_db()
    assert event.recurrence.startswith("FREQ=MONTHLY;BYDAY=") and event.recurrence.endswith(
        ";COUNT=3"
    )
    dates = [row.start.astimezone(BERLIN) for row in event.occurrences.order_by("start")]
    assert len(dates) == 3 and dates[0] == first
    assert {moment.strftime("%H:%M") for moment in dates} == {first.strftime("%H:%M")}

    # Cancel the second date: one more line in the same panel.
    page.goto(f"{demo_site}/admin/pages/{event.pk}/edit/")
    page.locator("#panel-child-inhalt-wiederholung-section [data-panel-toggle]").first.click()
    page.get_by_label("Abgesagte Termine").fill(dates[1].strftime("%d.%m.%Y"))
    click_action(page, "action-publish")
    event.refresh_from_db()
    assert event.cancelled_dates == [dates[1].date().isoformat()]

    # The visitor: the month of the second date lists it, cancelled; the page of the
    # third date takes a registration for that date.
    visitor = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin").new_page()
    second = dates[1]
    visitor.goto(f"{demo_site}/termine/monat/{second.year}/{second.month}/")
    link = visitor.locator(f"a[href$='?termin={second.date().isoformat()}']").first
    assert "Abgesagt" in link.inner_text()
    visitor.goto(demo_site + event.url + f"?termin={dates[2].date().isoformat()}")
    series = visitor.locator(".series")
    assert series.locator(".series__date").count() == 3
    assert series.locator(".series__date--cancelled").count() == 1
    assert series.locator("[aria-current='date']").count() == 1
    assert describe(axe_violations(visitor)) == ""
    visitor.locator(".event__facts").get_by_role("link", name="Jetzt anmelden").click()
    visitor.get_by_label("Name", exact=False).first.fill("Erika Beispiel")
    visitor.get_by_label("E-Mail").first.fill("erika.serie@example.org")
    consent = visitor.locator("input[name=consent]")
    if consent.count():
        consent.check()
    visitor.locator("form.registration-form button[type=submit]").click()
    visitor.wait_for_load_state()
    stored = Registration.objects.get(email="erika.serie@example.org")
    assert stored.occurrence_start == dates[2]
    context.close()


def axe_violations_in(page, locator):
    """axe on one part of the admin page (the panel we built), not on Wagtail's own."""
    from axe_playwright_python.sync_playwright import Axe

    selector = locator.evaluate(
        "element => { element.setAttribute('data-axe-here', ''); return '[data-axe-here]'; }"
    )
    return Axe().run(page, context=selector).response["violations"]
