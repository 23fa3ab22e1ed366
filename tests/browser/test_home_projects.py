"""The demo home page shows a selection of projects in full rows, then the link to all."""

import pytest

pytestmark = pytest.mark.browser

ROWS = """() => {
    const rows = new Map();
    for (const item of document.querySelectorAll('.project-grid .card-list > li')) {
        const top = Math.round(item.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) || 0) + 1);
    }
    return [...rows.values()];
}"""


@pytest.mark.parametrize(
    ("width", "rows"), [(1366, [4, 4]), (1024, [3, 3, 2]), (800, [2] * 4), (390, [1] * 8)]
)
def test_project_grid_fills_its_rows_and_links_to_all_projects(demo_site, page, width, rows):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site + "/")
    assert page.evaluate(ROWS) == rows
    grid = page.locator(".project-grid")
    link = grid.get_by_role("link", name="Alle Projekte", exact=True)
    last_card = grid.locator(".card-list > li").last.bounding_box()
    assert link.is_visible() and link.bounding_box()["y"] > last_card["y"] + last_card["height"]
    link.click()
    page.wait_for_url(demo_site + "/projekte/")
    assert page.locator("article.card--project").count() == 14
