"""The Redaktion registers a partner's calendar in the real admin, in Chromium: menu
*Partnerkalender* → add → address, organiser → save → import log → *Jetzt importieren*; the
log lists the new event, which is live in the calendar. axe finds nothing on the list, the
form and the log."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from events.models import EventPage
from events.partner_feeds.models import PartnerFeed
from metropolregion import roles
from tests.browser.test_editors import PASSWORD, log_in
from tests.events.partner_feeds.conftest import FeedServer, calendar, vevent

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

FEED = calendar(
    vevent(
        "fachtag@leipzig.example",
        "Fachtag Fachkräftesicherung",
        "20990310T100000",
        "20990310T160000",
        LOCATION="Neues Rathaus, Martin-Luther-Ring 4, 04109 Leipzig",
        DESCRIPTION="Betriebe und Kammern berichten aus der Praxis.",
        URL="https://www.leipzig.example/fachtag",
    )
)


@pytest.fixture
def feed_url(settings):
    server = FeedServer()
    settings.PARTNER_FEEDS_ALLOWED_PRIVATE_HOSTS = ["localhost"]
    yield server.serve("/kalender.ics", FEED)
    server.stop()


@pytest.fixture
def redaktion(demo_site, demo_changes):
    user = get_user_model().objects.create_user("b-partner", "", PASSWORD)
    user.groups.add(Group.objects.get(name=roles.REDAKTION))
    return user


def assert_axe(page):
    # Wagtail's messages fade in: check the colours the editor reads, not a frame of the
    # transition (axe measured a half-faded "success" message as too light).
    page.evaluate(
        "() => Promise.all(document.getAnimations().map((animation) => animation.finished))"
    )
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_redaktion_adds_a_feed_and_imports_it(
    demo_site, browser, redaktion, feed_url, no_server_errors
):
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    page = log_in(context, demo_site, "b-partner")
    page.get_by_role("link", name="Partnerkalender").first.click()
    page.wait_for_url("**/admin/partnerkalender/")
    assert_axe(page)
    page.get_by_role("link", name="Partnerkalender hinzufügen").first.click()
    page.locator("#id_name").fill("Stadt Leipzig (Test)")
    page.locator("#id_url").fill(feed_url)
    page.locator("#id_organiser_name").fill("Stadt Leipzig")
    page.locator("#id_default_topics").fill("Fachkräfte")
    page.locator("#id_needs_approval").uncheck()
    assert_axe(page)
    page.get_by_role("button", name="Erstellen").click()
    page.locator(".messages").wait_for()
    feed = PartnerFeed.objects.get(name="Stadt Leipzig (Test)")

    page.goto(f"{demo_site}/admin/partnerkalender/log/{feed.pk}/")
    page.get_by_role("button", name="Jetzt importieren").click()
    page.locator(".messages").wait_for()
    assert page.get_by_text("Neu und veröffentlicht: Fachtag Fachkräftesicherung").count() == 1
    assert_axe(page)
    event = EventPage.objects.get(title="Fachtag Fachkräftesicherung")
    assert event.live and not event.own_event

    reader = context.new_page()
    reader.goto(demo_site + event.url)
    assert reader.locator(".event__source a", has_text="Stadt Leipzig").count() == 1
    context.close()
