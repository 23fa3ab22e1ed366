"""A visitor searches from the header and reads the results."""

import pytest

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser


def test_search_from_the_header(demo_site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_site + "/")
    page.get_by_role("searchbox", name="Website durchsuchen").fill("Region")
    page.keyboard.press("Enter")
    page.wait_for_url("**/suche/?q=Region")
    assert page.get_by_role("heading", level=1).inner_text() == "Suche"
    results = page.locator(".result")
    assert results.count() >= 1
    violations = axe_violations(page)
    assert not violations, describe(violations)

    page.get_by_role("radio", name="Seiten").check()
    page.get_by_role("button", name="Suchen").last.click()
    page.wait_for_url("**typ=seite**")
    assert page.locator(".result").count() >= 1
