""" "Add to calendar" on an upcoming event of the demo, in Chromium: the button opens by
keyboard alone without site.js's help (a <details> disclosure), shows the three choices,
passes axe open and closed, and loads nothing from another origin."""

import pytest

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser
EVENT = "/termine/netzwerktreffen-wasserstoff-mittelstand/"


@pytest.mark.parametrize("width", [375, 1280])
def test_the_choices_open_by_keyboard_and_pass_axe(demo_site, page, width):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site + EVENT)
    button = page.locator(".add-to-calendar summary")
    choices = page.locator(".add-to-calendar__choice")
    assert button.inner_text().startswith("In den Kalender eintragen")
    assert not choices.first.is_visible()
    violations = axe_violations(page)
    assert not violations, describe(violations)

    button.focus()
    page.keyboard.press("Enter")
    assert choices.count() == 3 and all(choices.nth(n).is_visible() for n in range(3))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "add-to-calendar__choice"
    violations = axe_violations(page)
    assert not violations, describe(violations)
    assert [url for url in requested if not url.startswith(demo_site)] == []
