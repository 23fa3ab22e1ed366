"""A visitor opens the home page on a phone and on a desktop, uses the main navigation,
and the page stays accessible, private (no cookies) and on its own origin."""

from urllib.parse import urlsplit

import pytest

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_home_page_and_main_navigation_pass_axe(demo_site, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(demo_site + "/")
    assert page.locator("h2.hero__tagline").is_visible()
    violations = axe_violations(page)
    assert not violations, describe(violations)

    nav = page.get_by_role("navigation", name="Hauptnavigation")
    toggle = nav.get_by_role("button", name="Menü")
    if viewport["width"] < 768:
        # On a phone the menu sits behind a button that says whether it is open.
        assert toggle.is_visible()
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not nav.get_by_role("link", name="Über uns").is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
    else:
        assert not toggle.is_visible()

    nav.get_by_role("link", name="Über uns").click()
    page.wait_for_url(demo_site + "/ueber-uns/")
    assert page.get_by_role("heading", level=1).inner_text() == "Über uns"
    current = page.get_by_role("navigation", name="Hauptnavigation").locator("[aria-current=page]")
    assert current.inner_text() == "Über uns"
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_every_request_stays_on_the_sites_own_origin(demo_site, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(demo_site + "/")
    page.mouse.wheel(0, 5000)  # bring the lazy images into view
    page.wait_for_load_state("networkidle")
    page.goto(demo_site + "/ueber-uns/")
    page.wait_for_load_state("networkidle")

    origin = urlsplit(demo_site)
    foreign = [
        url for url in requested if not url.startswith("data:") and urlsplit(url)[:2] != origin[:2]
    ]
    assert requested, "the page made no requests at all"
    assert any("/media/images/" in url for url in requested), "images were not loaded"
    assert any(url.endswith(".css") for url in requested)
    assert foreign == []


def test_anonymous_visitor_gets_no_cookie(demo_site, page, context):
    page.goto(demo_site + "/")
    page.goto(demo_site + "/ueber-uns/")
    page.goto(demo_site + "/gibt-es-nicht/")
    assert context.cookies() == []


def test_skip_link_moves_focus_to_the_main_content(demo_site, page):
    page.goto(demo_site + "/ueber-uns/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()  # it becomes visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_not_found_page_is_styled_and_accessible(demo_site, page):
    response = page.goto(demo_site + "/gibt-es-nicht/")
    assert response.status == 404
    assert "Diese Seite gibt es nicht" in page.get_by_role("heading", level=1).inner_text()
    violations = axe_violations(page)
    assert not violations, describe(violations)
