"""Details a visitor notices (issue 15):

- every focus indicator has 3:1 against the background around it (WCAG 2.2 SC 1.4.11,
  2.4.13), also on cards and on the current menu item, which draw their own;
- the search page's two search landmarks have names of their own (axe landmark-unique);
- an event page prints its facts first, its organiser and its own address, without the
  picture, buttons, menu or footer;
- on a phone the registration button of an event comes right under the teaser, before
  the description and the programme, also without JavaScript.
"""

import pytest

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

EVENT_WITH_REGISTRATION = "/termine/netzwerktreffen-wasserstoff-mittelstand/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Focuses every visible focusable element in turn and measures the ring it shows: the
# outline and the box-shadow rings (no offset, no blur) of the element, or of the nearest
# ancestor that draws one (a card with :focus-within). A band counts where it is at least
# 2px wide (a box-shadow only where the outline, painted on top, leaves it uncovered);
# its contrast is taken against the first opaque background around the ring's owner.
FOCUS_RINGS = """() => {
    const channel = (c) => {
        c /= 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g)
        + 0.0722 * channel(b);
    const contrast = (a, b) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
    };
    const colour = (text) => {
        const m = text.match(/rgba?\\(([^)]*)\\)/);
        if (!m) return null;
        const p = m[1].split(/[\\s,/]+/).filter(Boolean).map(Number);
        return {rgb: p.slice(0, 3), alpha: p.length > 3 ? p[3] : 1};
    };
    const behind = (el) => {
        for (let node = el.parentElement; node; node = node.parentElement) {
            const c = colour(getComputedStyle(node).backgroundColor);
            if (c && c.alpha === 1) return c.rgb;
        }
        return [255, 255, 255];
    };
    const bands = (el) => {
        const s = getComputedStyle(el);
        const out = [];
        let covered = null;
        if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) {
            const from = Math.max(0, parseFloat(s.outlineOffset));
            covered = [from, from + parseFloat(s.outlineWidth)];
            out.push({band: 'outline', colour: colour(s.outlineColor),
                      width: parseFloat(s.outlineWidth)});
        }
        const shadows = s.boxShadow === 'none' ? [] : s.boxShadow.split(/,(?![^(]*\\))/);
        for (const shadow of shadows) {
            if (/inset/.test(shadow)) continue;
            const lengths = shadow.replace(/rgba?\\([^)]*\\)/, '').match(/-?[\\d.]+px/g) || [];
            const [x, y, blur, spread] = [...lengths.map(parseFloat), 0, 0, 0, 0];
            if (x || y || blur || spread <= 0) continue;
            let width = spread;
            if (covered) width -= Math.max(0, Math.min(spread, covered[1]) - covered[0]);
            out.push({band: 'box-shadow', colour: colour(shadow), width});
        }
        return out;
    };
    const results = [];
    const focusable = document.querySelectorAll('a[href], button, input:not([type=hidden]), '
        + 'select, textarea, [tabindex]:not([tabindex="-1"])');
    for (const el of focusable) {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
        if (el.closest('[aria-hidden=true]')) continue;
        el.focus();
        if (document.activeElement !== el || !el.matches(':focus-visible')) continue;
        let owner = el;
        while (owner && bands(owner).length === 0) owner = owner.parentElement;
        const around = owner ? behind(owner) : null;
        const measured = owner ? bands(owner).map((b) => ({...b,
            ratio: b.colour && b.colour.alpha === 1 && b.width >= 2
                ? Math.round(contrast(b.colour.rgb, around) * 100) / 100 : 0})) : [];
        results.push({
            element: el.outerHTML.slice(0, 100),
            owner: owner ? owner.className : null,
            best: Math.max(0, ...measured.map((b) => b.ratio)),
            bands: measured.map((b) => `${b.band} ${b.width}px ${b.ratio}:1`).join(', '),
        });
        el.blur();
    }
    return results;
}"""


@pytest.mark.parametrize(
    ("path", "viewport"),
    [("/", DESKTOP), ("/news/", DESKTOP), (EVENT_WITH_REGISTRATION, PHONE)],
    ids=["home", "news-index", "event-phone"],
)
def test_every_focus_indicator_has_3_to_1_against_its_background(demo_site, page, path, viewport):
    page.set_viewport_size(viewport)
    page.goto(demo_site + path)
    page.keyboard.press("Tab")  # from here on, focus is shown as after the keyboard
    rings = page.evaluate(FOCUS_RINGS)
    assert len(rings) > 20, f"only {len(rings)} focusable elements measured"
    if path != EVENT_WITH_REGISTRATION:
        # Cards and the current menu item draw their ring themselves.
        assert any(ring["owner"] and "card" in ring["owner"].split() for ring in rings)
    if path == "/news/":
        assert any('aria-current="page"' in ring["element"] for ring in rings)
    weak = [f"{r['element']} (on {r['owner']}): {r['bands'] or 'no ring'}" for r in rings
            if r["best"] < 3]  # fmt: skip
    assert weak == [], "focus indicators under 3:1:\n" + "\n".join(weak)


def test_the_two_search_landmarks_of_the_search_page_have_names_of_their_own(demo_site, page):
    page.set_viewport_size(DESKTOP)
    page.goto(demo_site + "/suche/?q=Wasserstoff")
    landmarks = page.get_by_role("search")
    assert landmarks.count() == 2  # the header's and the page's own form
    names = [landmarks.nth(i).aria_snapshot().splitlines()[0] for i in range(2)]
    assert names == ['- search "Website durchsuchen":', '- search "Suchen und filtern":']

    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": ["landmark-unique"]}).response
    assert result["violations"] == [], describe(result["violations"])
    (passed,) = result["passes"]
    checked = [node["target"] for node in passed["nodes"]]
    assert [".site-search"] in checked and [".search-form"] in checked  # both named


def top(page, selector):
    return page.locator(selector).first.evaluate(
        "el => el.getBoundingClientRect().top + window.scrollY"
    )


def test_an_event_page_prints_its_facts_first_and_its_address(demo_site, page):
    page.set_viewport_size(DESKTOP)
    page.goto(demo_site + EVENT_WITH_REGISTRATION)
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    address = page.locator(".event__address")
    figure = page.locator(".event__figure")
    # On screen: the picture beside the facts, the address not repeated in the text.
    assert figure.is_visible() and not address.is_visible()
    assert top(page, ".event__facts") < top(page, ".event__description")  # beside it

    page.emulate_media(media="print")
    assert not figure.is_visible()
    for selector in (".site-header", ".site-footer", ".breadcrumbs", ".event__ics",
                     ".event__back", ".event__cta"):  # fmt: skip
        assert not page.locator(selector).first.is_visible(), selector
    shown = [b for b in page.locator("main .button, main button").all() if b.is_visible()]
    assert shown == [], "buttons on paper"

    assert address.is_visible()
    assert canonical.endswith(EVENT_WITH_REGISTRATION) and canonical in address.inner_text()
    organiser = page.locator(".facts dt:text-is('Veranstalter') + dd")
    assert organiser.is_visible()
    assert "Metropolregion Mitteldeutschland" in organiser.inner_text()

    # Facts first: date and place above the description and the programme.
    when, where = top(page, ".facts time"), top(page, ".facts dt:text-is('Wo') + dd")
    assert page.locator(".facts dt:text-is('Wo') + dd").is_visible()
    for below in (".event__description", ".event__programme"):
        assert when < where < top(page, below), below


def test_the_registration_button_comes_near_the_top_on_a_phone(demo_site, browser, page):
    # Without JavaScript: the button is in the HTML, right under the teaser.
    plain = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="de-DE")
    try:
        bare = plain.new_page()
        bare.goto(demo_site + EVENT_WITH_REGISTRATION)
        assert bare.evaluate("document.documentElement.className") == "no-js"
        cta = bare.locator("main").get_by_role("link", name="Jetzt anmelden").first
        assert cta.is_visible()
        assert cta.get_attribute("href") == EVENT_WITH_REGISTRATION + "anmeldung/"
        cta_top = cta.evaluate("el => el.getBoundingClientRect().top + window.scrollY")
        assert cta_top < 900, f"the button starts {cta_top:.0f} px down"
        assert cta_top < top(bare, ".event__description") < top(bare, ".event__programme")
        # On a wide screen the facts box with its button stands beside the text instead.
        bare.set_viewport_size(DESKTOP)
        assert not bare.locator(".event__cta").is_visible()
        assert bare.locator("main").get_by_role("link", name="Jetzt anmelden").count() == 1
    finally:
        plain.close()

    page.set_viewport_size(PHONE)
    page.goto(demo_site + EVENT_WITH_REGISTRATION)
    violations = axe_violations(page)
    assert not violations, describe(violations)
