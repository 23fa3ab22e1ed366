"""A visitor uses the calendar: the upcoming list, the month view and an event page on a
phone and a desktop without axe violations; months and days by keyboard alone; the
filters without JavaScript; the calendar subscription link."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from metropolregion import clock

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, describe(violations)


def month_path(day):
    return f"/termine/monat/{day.year}/{day.month}/"


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_calendar_views_and_event_pages_pass_axe(demo_site, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(demo_site + "/termine/")
    assert page.get_by_role("heading", level=1).inner_text() == "Termine"
    assert page.locator(".event-list > li").count() >= 3
    assert page.locator("link[rel=alternate][type='text/calendar']").count() == 1
    assert_accessible(page)

    page.get_by_role("link", name="Monatsansicht").click()
    page.wait_for_url(demo_site + month_path(clock.today()))
    grid_visible = page.locator("table.month__grid").is_visible()
    assert grid_visible == (viewport["width"] >= 768)  # a list of days on phones
    assert page.locator(".month__list").is_visible() != grid_visible
    assert_accessible(page)

    # An upcoming event and a past one with its report and gallery.
    page.goto(demo_site + "/termine/")
    page.locator(".event-item__title a").first.click()
    page.wait_for_load_state()
    assert page.locator(".event__facts").is_visible()
    assert page.locator("a[href$='/ical/']").count() >= 1
    assert_accessible(page)

    page.goto(demo_site + "/termine/archiv/")
    page.get_by_role("link", name="Jahreskonferenz 2025").first.click()
    page.wait_for_load_state()
    assert page.locator(".event__past-note").is_visible()
    assert page.locator(".event__galleries .card").count() >= 1
    assert_accessible(page)


def test_month_view_of_september_2025_shows_the_multi_day_events(demo_site, page):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(demo_site + "/termine/monat/2025/9/")
    for day in (23, 24):  # 14. Ostdeutsches Energieforum, 23-24 September 2025
        cell = page.locator(f"td[data-date='2025-09-{day:02d}']")
        assert "Energieforum" in cell.inner_text()
    assert_accessible(page)


def test_months_and_days_by_keyboard_alone(demo_site, page):
    page.set_viewport_size(VIEWPORTS["desktop"])
    today = clock.today()
    page.goto(demo_site + month_path(today))

    # Tab to the "next month" link and follow it with Enter.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('rel')") == "next":
            break
    else:
        pytest.fail("The next-month link cannot be reached with Tab")
    page.keyboard.press("Enter")
    following = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    page.wait_for_url(demo_site + month_path(following))

    # Tab into the grid: one stop on the first day, arrows move between days.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.date || ''"):
            break
    else:
        pytest.fail("The month grid cannot be reached with Tab")
    active = "document.activeElement.dataset.date"
    first = datetime.date.fromisoformat(page.evaluate(active))
    assert first == following
    page.keyboard.press("ArrowRight")
    assert page.evaluate(active) == (first + datetime.timedelta(days=1)).isoformat()
    page.keyboard.press("ArrowDown")
    assert page.evaluate(active) == (first + datetime.timedelta(days=8)).isoformat()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(active) == first.isoformat()
    # The focused day has a visible focus ring.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    # Page Up opens the previous month.
    page.keyboard.press("PageUp")
    page.wait_for_url(demo_site + month_path(today))


def test_filters_work_without_javascript(demo_site, browser):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    try:
        page.goto(demo_site + "/termine/archiv/")
        page.select_option("#events-filter-veranstalter", "extern")
        page.locator(".listing-filter__button").click()
        page.wait_for_load_state()
        assert parse_qs(urlsplit(page.url).query) == {"veranstalter": ["extern"]}
        assert urlsplit(page.url).path == "/termine/archiv/"
        titles = page.locator(".event-item__title").all_inner_texts()
        assert titles and any("Energieforum" in title for title in titles)
        assert not any("Jahreskonferenz" in title for title in titles)
        subscribe = page.locator(".events-feeds a[href^='webcal://']").first
        assert subscribe.get_attribute("href").endswith("/termine/ical/")
    finally:
        context.close()
