"""The page cache in the browser: a visitor gets the registration form from the cache (no
cookie, no CSRF token in it), registers through it, and the event page shows the free
places of after the registration at once (the commit invalidated the cache)."""

import re

import pytest
from django.test import override_settings

from events import registration as rules
from events.models import EventPage, Registration
from metropolregion.cache import HIT_HEADER

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

SLUG = "netzwerktreffen-wasserstoff-mittelstand"


@pytest.fixture
def cache_on():
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield


def places_left(text):
    found = re.search(r"Noch (\d+) Pl(?:atz|ätze) frei", text)
    return int(found.group(1)) if found else None


def test_cached_registration_form_works_and_the_event_page_is_fresh_after(
    demo_site, page, context, cache_on, demo_changes
):
    event = EventPage.objects.get(slug=SLUG)
    form_url = demo_site + event.url + "anmeldung/"
    page.goto(demo_site + event.url)
    before = places_left(page.locator("main").inner_text())
    assert before == rules.free_places(event)

    page.goto(form_url)  # the first visitor fills the cache …
    response = page.goto(form_url)  # … the next one is served from it
    assert response.headers.get(HIT_HEADER.lower()) == "hit"
    assert context.cookies() == []
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 0

    page.locator("#id_name").fill("Erika Cache")
    page.locator("#id_email").fill("erika.cache@example.org")
    page.get_by_role("textbox", name="Organisation").fill("Beispiel AG")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Jetzt anmelden").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Vielen Dank für Ihre Anmeldung"
    violations = axe_violations(page)
    assert not violations, describe(violations)
    assert Registration.objects.filter(event=event, email="erika.cache@example.org").exists()
    assert context.cookies() == []

    response = page.goto(demo_site + event.url)
    assert response.headers.get(HIT_HEADER.lower()) == "miss"
    assert places_left(page.locator("main").inner_text()) == before - 1
