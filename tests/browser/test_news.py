"""A visitor reads the news: the index on a phone and a desktop, the filter without
JavaScript, the year archive, a press release with its contact, and the home page's news
block - all without axe violations."""

from urllib.parse import parse_qs, urlsplit

import pytest

from demo import news as demo_texts

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture
def news_site(demo_site):
    """The demo site, with the news section and the news block on the home page."""
    return demo_site


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_news_index_and_archive_pass_axe(news_site, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(news_site + "/news/")
    assert page.get_by_role("heading", level=1).inner_text() == demo_texts.INDEX["title"]
    assert page.locator(".news-list > li").count() == 10
    assert page.locator("link[rel=alternate][type='application/rss+xml']").count() == 2
    assert_accessible(page)

    page.locator(".news-archive__list a", has_text="2024").click()
    page.wait_for_url(news_site + "/news/archiv/2024/")
    assert "2024" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page)

    # a filtered list with a notice about an unknown value
    page.goto(news_site + "/news/?art=unbekannt&thema=strukturwandel")
    assert page.locator(".listing-filter .notice").is_visible()
    assert_accessible(page)


def test_filter_works_without_javascript(news_site, browser):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    try:
        page.goto(news_site + "/news/")
        page.select_option("#news-filter-art", "pressemitteilung")
        page.select_option("#news-filter-thema", "strukturwandel")
        page.locator("button.listing-filter__button").click()
        page.wait_for_load_state()
        query = parse_qs(urlsplit(page.url).query)
        assert query == {"art": ["pressemitteilung"], "thema": ["strukturwandel"]}
        links = page.locator(".news-list .card__link")
        # (no evaluate() here: with JavaScript off, scripts in the page never run)
        hrefs = [links.nth(n).get_attribute("href") for n in range(links.count())]
        expected = {
            item["slug"]
            for item in demo_texts.NEWS
            if item["kind"] == "pressemitteilung" and "Strukturwandel" in item["topics"]
        }
        assert {href.strip("/").split("/")[-1] for href in hrefs} == expected
        # the chosen values stay selected, so the shared URL shows the same selection
        assert page.locator("#news-filter-art").input_value() == "pressemitteilung"
        assert page.locator("#news-filter-thema").input_value() == "strukturwandel"
    finally:
        context.close()


def test_press_release_with_contact_and_more_news_passes_axe(news_site, page):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(news_site + "/news/jahreskonferenz-2025-zwickau/")
    credit = page.locator("article figure figcaption.news-article__credit").inner_text()
    assert credit.count(demo_texts.PHOTOGRAPHERS[1]) == 1 and "Foto: Foto:" not in credit
    assert page.locator("#press-contact-heading").is_visible()
    assert page.locator(".news-related .card").count() == 3
    assert_accessible(page)

    page.locator(".news-tags__link", has_text="Mobilität").click()
    page.wait_for_url("**/news/?thema=mobilit*")
    assert page.locator(".news-list > li").count() >= 2
    assert_accessible(page)


def test_home_page_news_block_passes_axe(news_site, page):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(news_site + "/")
    block = page.locator(".latest-news")
    assert block.locator(".card").count() == 3
    first = block.locator(".card__link").first.get_attribute("href")
    assert first.endswith(f"/{demo_texts.NEWS[0]['slug']}/")
    assert_accessible(page)
