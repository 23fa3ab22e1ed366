"""Layout rules measured in Chromium (boxes and positions, never times):

- the event list puts every item's text in one column, beside the image where there is
  one (1366 px) and above it on a phone (390 px);
- the phone header is as tall before site.js has run as after it and without JavaScript
  (no layout shift when `no-js` becomes `js`), and the menu still opens without JavaScript;
- from 1280 to 1440 px the header search sits on the logo's line;
- card lists fill their rows: no empty column track beside a short list or a last card;
- no layout shift (CLS 0 as Chromium's Layout Instability API counts it) on any page type,
  on a phone and a desktop, from the first paint until every lazy image has loaded."""

import pytest

from tests.browser.test_accessibility import PAGES, open_page, show_everything

pytestmark = pytest.mark.browser

WORKING_GROUP = "/arbeitsgruppen/wasserstoff-und-energie/"


def box(locator):
    b = locator.bounding_box()
    assert b, f"{locator} has no box"
    return b


# -- event list --


def test_event_list_reads_correctly_with_and_without_an_image(demo_site, page):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(demo_site + "/termine/")
    with_image = page.locator(".event-item:has(.event-item__media)").first
    without_image = page.locator(".event-item:not(:has(.event-item__media))").first
    assert with_image.count() == 1 and without_image.count() == 1

    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        # Without an image: date, title, place and teaser start at the item's left edge
        # and share one column as wide as the item.
        article = box(without_image.locator(".event-item__article"))
        date = box(without_image.locator(".event-item__date"))
        title = box(without_image.locator(".event-item__title"))
        teaser = box(without_image.locator(".event-item__teaser"))
        assert abs(title["x"] - date["x"]) <= 1 and abs(teaser["x"] - date["x"]) <= 1, width
        assert date["x"] - article["x"] < 40, width  # border and padding only
        assert title["width"] >= article["width"] - 60, (width, title, article)
        assert date["y"] < title["y"] < teaser["y"], width

        date = box(with_image.locator(".event-item__date"))
        title = box(with_image.locator(".event-item__title"))
        teaser = box(with_image.locator(".event-item__teaser"))
        media = box(with_image.locator(".event-item__media"))
        assert abs(title["x"] - date["x"]) <= 1 and abs(teaser["x"] - date["x"]) <= 1, width
        assert date["y"] < title["y"] < teaser["y"], width
        if width == 1366:
            # The image in its own column to the right of the text, level with the date.
            assert media["x"] >= title["x"] + title["width"], (media, title)
            assert abs(media["y"] - date["y"]) <= 2, (media, date)
        else:
            # On a phone: under the text, at the same left edge.
            assert media["y"] >= teaser["y"] + teaser["height"], (media, teaser)
            assert abs(media["x"] - date["x"]) <= 1


# -- header --

# Runs before the page's own scripts: sums every layout shift Chromium reports.
RECORD_LAYOUT_SHIFTS = """
window.__shift = 0;
window.__shifted = [];  // what moved, for the failure message
const describe = (node) => {
    if (!node || !node.nodeName) return String(node);
    const id = node.id ? "#" + node.id : "";
    const cls = node.className && typeof node.className === "string"
        ? "." + node.className.trim().split(/\\s+/).join(".") : "";
    return node.nodeName.toLowerCase() + id + cls;
};
const rect = (r) => r ? [r.x, r.y, r.width, r.height].map(Math.round).join(",") : "";
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__shift += entry.value;
        window.__shifted.push({
            value: entry.value,
            at: Math.round(entry.startTime),
            sources: (entry.sources || []).map((source) =>
                describe(source.node) + " " + rect(source.previousRect) + " -> "
                + rect(source.currentRect)),
        });
    }
}).observe({type: "layout-shift", buffered: true});
"""

PHONE = {"width": 390, "height": 844}


def test_phone_header_is_as_tall_before_site_js_as_after_it_and_without_js(
    demo_site, browser, context, page
):
    page.set_viewport_size(PHONE)
    page.add_init_script(RECORD_LAYOUT_SHIFTS)
    page.goto(demo_site + "/ueber-uns/")
    page.wait_for_load_state("load")
    assert page.locator("html.js").count() == 1
    after = box(page.locator("main"))["y"]
    assert box(page.locator(".site-header"))["height"] <= 90  # compact on a phone: one line
    assert page.evaluate("window.__shift") == 0

    # The state before site.js runs: the stylesheet applies, the class is still `no-js`.
    before = context.new_page()
    before.set_viewport_size(PHONE)
    before.route("**/js/site.js", lambda route: route.abort())
    before.goto(demo_site + "/ueber-uns/")
    assert before.locator("html.no-js").count() == 1
    assert box(before.locator("main"))["y"] == after

    context = browser.new_context(
        java_script_enabled=False, viewport=PHONE, locale="de-DE", timezone_id="Europe/Berlin"
    )
    try:
        no_js = context.new_page()
        no_js.goto(demo_site + "/ueber-uns/")
        assert no_js.locator("html.no-js").count() == 1
        assert box(no_js.locator("main"))["y"] == after
        # Without JavaScript the menu opens through its link and its links work.
        nav = no_js.get_by_role("navigation", name="Hauptnavigation")
        assert not nav.get_by_role("button").is_visible()
        link = nav.get_by_role("link", name="Über uns")
        assert not link.is_visible()
        nav.get_by_role("link", name="Menü").click()
        assert link.is_visible()
        nav.get_by_role("link", name="Projekte").click()
        no_js.wait_for_url(demo_site + "/projekte/")
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 360, 390, 430])
def test_phone_header_is_one_line_with_a_search_button(demo_site, page, width):
    """Logo, search button and menu button side by side, none overlapping; the search
    button leads to the search page and its form."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(demo_site + "/ueber-uns/")
    brand = box(page.locator(".brand"))
    search = page.get_by_role("link", name="Suchen")
    menu = page.get_by_role("button", name="Menü")
    search_box, menu_box = box(search), box(menu)
    assert not page.locator(".site-search").is_visible()
    assert (
        brand["x"] + brand["width"]
        <= search_box["x"]
        < search_box["x"] + search_box["width"]
        <= menu_box["x"]
    )
    assert menu_box["x"] + menu_box["width"] <= width
    for b in (search_box, menu_box):
        assert b["width"] >= 44 and b["height"] >= 44  # touch targets
        assert b["y"] < brand["y"] + brand["height"]
    search.click()
    page.wait_for_url(demo_site + "/suche/")
    page.get_by_role("searchbox").first.fill("Wasserstoff")
    page.get_by_role("searchbox").first.press("Enter")
    page.wait_for_url("**/suche/?q=Wasserstoff*")
    assert page.locator("main").get_by_role("link").count() > 3


@pytest.mark.parametrize("width", [800, 1024])
def test_tablet_header_puts_search_beside_the_logo_and_the_menu_under_both(demo_site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site + "/")
    brand = box(page.locator(".brand"))
    search = box(page.locator(".site-search"))
    menu = box(page.locator(".main-nav__list"))
    assert search["y"] < brand["y"] + brand["height"] and search["x"] > brand["x"] + brand["width"]
    assert menu["y"] >= brand["y"] + brand["height"] - 1 and menu["height"] < 60
    assert box(page.locator(".site-header"))["height"] <= 150


@pytest.mark.parametrize("width", [1280, 1366, 1440])
def test_header_search_stays_on_the_logo_line(demo_site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site + "/")
    brand = box(page.locator(".brand"))
    search = box(page.locator(".site-search"))
    menu = box(page.locator(".main-nav__list"))
    assert abs(search["y"] - brand["y"]) <= 10, (brand, search)
    assert search["y"] < brand["y"] + brand["height"]
    assert menu["height"] < 60, menu  # the menu on one line, too
    assert brand["x"] + brand["width"] <= menu["x"] < search["x"]


# -- card lists --

# Every card list on the page, as rows of card boxes (grouped by top edge).
ROWS_SCRIPT = """() => [...document.querySelectorAll('.card-list, .card-grid')].map((list) => {
    const outer = list.getBoundingClientRect();
    const rows = new Map();
    for (const item of list.children) {
        const b = item.getBoundingClientRect();
        const top = Math.round(b.top);
        if (!rows.has(top)) rows.set(top, []);
        rows.get(top).push({left: b.left, right: b.right, width: b.width});
    }
    return {name: list.className, left: outer.left, right: outer.right, width: outer.width,
            rows: [...rows.values()]};
})"""


def assert_rows_filled(page, where):
    lists = page.evaluate(ROWS_SCRIPT)
    assert lists, f"no card list on {where}"
    for card_list in lists:
        label = f"{where}: {card_list['name']}"
        widest_row = max(len(row) for row in card_list["rows"])
        for row in card_list["rows"]:
            # The row reaches from the list's left edge to its right edge: no empty track.
            assert abs(row[0]["left"] - card_list["left"]) <= 1, (label, row)
            assert abs(row[-1]["right"] - card_list["right"]) <= 1, (label, row)
            if len(row) == 1 and widest_row > 1:
                assert row[0]["width"] >= card_list["width"] - 1, (label, row)
    return lists


@pytest.mark.parametrize("width", [1366, 1024, 800, 390])
def test_card_lists_fill_their_rows(demo_site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site + "/")
    home = assert_rows_filled(page, f"home at {width}")
    page.goto(demo_site + WORKING_GROUP)
    group = assert_rows_filled(page, f"working group at {width}")
    if width == 1366:
        # The cases from the issue: three teasers in three columns, 14 projects in rows
        # of four with the last two stretched; the group's hub shows its next four dates
        # (among them the partner university's lecture series) in one row of four.
        assert any(len(lst["rows"]) == 1 and len(lst["rows"][0]) == 3 for lst in home)
        projects = next(lst for lst in home if "card-list--projects" in lst["name"])
        assert [len(row) for row in projects["rows"]][:1] == [4]
        events = next(lst for lst in group if "event-cards" in lst["name"])
        assert [len(row) for row in events["rows"]] == [4]


# -- layout shift on every page type --


@pytest.mark.parametrize("name", PAGES)
def test_no_layout_shift_on_any_page_type(demo_site, context, name):
    """CLS 0: the header does not wait for site.js, pictures reserve their box, the web
    font swaps without moving text. Shifts right after a click (an empty form submitted)
    have `hadRecentInput` and do not count, as in Lighthouse."""
    for viewport in (PHONE, {"width": 1366, "height": 900}):
        page = context.new_page()
        try:
            page.set_viewport_size(viewport)
            page.add_init_script(RECORD_LAYOUT_SHIFTS)
            open_page(page, demo_site, name)
            page.wait_for_load_state("load")
            page.evaluate("document.fonts.ready.then(() => true)")
            show_everything(page)
            assert page.evaluate("window.__shift") == 0, (
                name,
                viewport,
                page.evaluate("window.__shifted"),
            )
        finally:
            page.close()


# -- the header while the page is still arriving --

# Where a slow connection (or a busy phone) may cut the HTML before the parser's first paint:
# after the logo, after the whole brand, after the phone's search link, after the menu.
HEADER_CUTS = [
    ('class="brand__mark"', ">"),
    ('class="brand"', "</a>"),
    ('class="site-search-link"', "</a>"),
    ('class="main-nav', "</nav>"),
]
HEADER_PARTS = [".brand__mark", ".brand", ".site-search-link", ".main-nav"]


@pytest.mark.parametrize("width", [320, 390, 768, 1366])
def test_the_header_does_not_move_while_the_page_arrives(demo_site, context, width):
    """A paint of half the header must put everything already there where the whole page
    has it (a layout shift otherwise: the logo, centred beside its name, moved down when
    the name arrived). The document is cut at each point and the positions compared with
    the whole page's (an element may grow to the right or down as its content arrives:
    that is no shift)."""
    html = context.request.get(demo_site + "/").text()
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})

    def boxes():
        return page.evaluate(
            """(selectors) => Object.fromEntries(selectors.map((s) => {
                const e = document.querySelector(s);
                const b = e && e.getBoundingClientRect();
                return [s, b && b.width ? [b.x, b.y].map(Math.round) : null];
            }))""",
            HEADER_PARTS,
        )

    def serve(body):
        return lambda route: route.fulfill(
            status=200, content_type="text/html; charset=utf-8", body=body
        )

    page.goto(demo_site + "/")
    page.evaluate("document.fonts.ready.then(() => true)")
    whole = boxes()
    assert whole[".brand__mark"] and whole[".main-nav"], whole
    for start, end in HEADER_CUTS:
        cut = html.index(end, html.index(start)) + len(end)
        page.route(demo_site + "/", serve(html[:cut]))
        page.goto(demo_site + "/")
        page.evaluate("document.fonts.ready.then(() => true)")
        part = boxes()
        page.unroute(demo_site + "/")
        moved = {s: (part[s], whole[s]) for s in HEADER_PARTS if part[s] and part[s] != whole[s]}
        assert not moved, (width, start, moved)
