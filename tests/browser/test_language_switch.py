"""The language switcher in Chromium: the first stop after the skip link, from a German page
to its English translation and back by keyboard alone; an English page with no axe finding.

The demo has an English tree (translated through wagtail-localize); should "Über uns" have
no English translation, the test makes one with `tests.factories.translations.translate`
and marks the demo as changed (`demo_changes`, see tests/conftest.py)."""

import pytest
from wagtail.models import Locale

from metropolregion.models import StandardPage
from tests.factories.translations import translate

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

GERMAN = "/ueber-uns/"


@pytest.fixture
def english_about(demo_site, request):
    """The address of the English "Über uns"."""
    german = StandardPage.objects.get(url_path__endswith=GERMAN, locale__language_code="de")
    english = Locale.objects.get_or_create(language_code="en")[0]
    translated = german.get_translation_or_none(english)
    if translated is None or not translated.live:
        request.getfixturevalue("demo_changes")
        home = german.get_parent()
        if home.get_translation_or_none(english) is None:
            translate(home.specific, lambda text: text, slug="home")
        translated = translate(german, lambda text: f"{text} (EN)", slug="about-us").instance
    return translated.url


def focused(page):
    return page.evaluate(
        "() => ({text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href'),"
        " lang: document.activeElement.getAttribute('lang')})"
    )


def switch_by_keyboard(page, language_name):
    """Tab past the skip link to the switcher's link and follow it with Enter."""
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    page.keyboard.press("Tab")
    link = focused(page)
    assert link["text"] == language_name, link
    page.keyboard.press("Enter")
    return link


@pytest.mark.parametrize("width", [375, 1280])
def test_switch_to_english_and_back_by_keyboard(demo_site, english_about, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site + GERMAN)
    current = page.locator(".language-switcher [aria-current]")
    assert current.inner_text() == "Deutsch" and current.get_attribute("lang") == "de"

    link = switch_by_keyboard(page, "English")
    assert link["lang"] == "en" and link["href"] == english_about
    page.wait_for_url(demo_site + english_about)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".language-switcher [aria-current]").inner_text() == "English"

    link = switch_by_keyboard(page, "Deutsch")
    assert link["lang"] == "de"
    page.wait_for_url(demo_site + GERMAN)
    assert page.locator("html").get_attribute("lang") == "de"


def test_an_english_page_has_no_axe_findings(demo_site, english_about, page):
    page.goto(demo_site + english_about)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        violations = axe_violations(page)
        assert not violations, describe(violations)
