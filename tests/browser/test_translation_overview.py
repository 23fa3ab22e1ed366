"""An editor (group Redaktion) finds what needs translating in the real admin: Berichte →
Übersetzungen, the filter "übersetzt, veraltet" shows the page whose German text changed
after its translation, and its link opens wagtail-localize's translation editor. axe finds
nothing on the report.

The test translates a demo page through wagtail-localize and publishes the German page
again, so it requests `demo_changes` (the demo is loaded afresh afterwards)."""

import pytest
from wagtail.models import Locale

from metropolregion.models import StandardPage
from tests.factories.translations import translate

from .conftest import axe_violations, describe, log_in_as_editor

pytestmark = pytest.mark.browser

REPORT = "/admin/uebersetzungen/"


def english(text):
    return f"EN {text}"


@pytest.fixture
def outdated_page(demo_site, demo_changes):
    """A German demo page translated into English, then changed and published again."""
    german = Locale.get_default()
    home = StandardPage.objects.filter(locale=german).first().get_parent().specific
    en, _created = Locale.objects.get_or_create(language_code="en")
    if not home.has_translation(en):  # parents before children
        translate(home, english, slug="home")
    page = StandardPage.objects.filter(locale=german).live().order_by("path").first()
    if not page.has_translation(en):
        translate(page, english, slug=f"{page.slug}-en")
    page.title = f"{page.title} (überarbeitet)"
    page.save_revision().publish()
    return page, page.get_translation(en)


def test_editor_finds_the_outdated_translation_and_opens_the_translation_editor(
    demo_site, outdated_page, editor, page
):
    german, english_page = outdated_page
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in_as_editor(page, demo_site)

    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name="Berichte", exact=True).click()
    sidebar.get_by_role("link", name="Übersetzungen", exact=True).click()
    page.wait_for_url(demo_site + REPORT)
    assert page.get_by_role("heading", level=1).inner_text() == "Übersetzungen"
    violations = axe_violations(page)
    assert not violations, describe(violations)

    page.get_by_role("button", name="Filter anzeigen").click()
    page.get_by_role("button", name="Stand der Übersetzung").click()
    page.get_by_label("übersetzt, veraltet").check()
    page.wait_for_url(f"**{REPORT}?*state=outdated*")
    rows = page.locator("#listing-results tbody tr")
    rows.first.wait_for()
    states = {text.strip() for text in rows.locator("td:nth-child(5)").all_text_contents()}
    assert states == {"übersetzt, veraltet"}
    row = rows.filter(has=page.locator(f'a[href="/admin/pages/{german.pk}/edit/"]'))
    assert row.count() == 1
    assert row.get_by_role("link", name="Synchronisieren").count() == 1
    violations = axe_violations(page)
    assert not violations, describe(violations)

    row.get_by_role("link", name="Übersetzung bearbeiten").click()
    page.wait_for_url(f"{demo_site}/admin/pages/{english_page.pk}/edit/")
    assert page.title().startswith("Übersetzung von")
    # wagtail-localize's editor (a React app) has rendered into its container.
    page.locator(".js-translation-editor > :not(input)").first.wait_for()
