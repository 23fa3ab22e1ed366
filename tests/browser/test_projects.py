"""A visitor browses projects and working groups: filters the project list by topic
(with and without JavaScript), opens a project, follows its topic, visits a working group;
every page passes axe."""

import re

import pytest

from projects.models import ProjectPage, WorkingGroupPage

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
CARD = "article.card--project"


def german(model):
    """The live German pages of a model (the demo has an English tree too)."""
    return model.objects.live().filter(locale__language_code="de")


def tagged(slug):
    return german(ProjectPage).filter(tagged_topics__tag__slug=slug).count()


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_filter_the_project_list_by_topic_and_status(demo_site, page, viewport):
    total, hydrogen = german(ProjectPage).count(), tagged("wasserstoff")
    assert 0 < hydrogen < total
    page.set_viewport_size(viewport)
    page.goto(demo_site + "/projekte/")
    assert page.get_by_role("heading", level=1).inner_text() == "Projekte"
    assert page.locator(CARD).count() == total
    assert_accessible(page)

    page.locator("#projects-filter-thema").select_option("wasserstoff")
    page.locator(".listing-filter__button").click()
    page.wait_for_url("**/projekte/?thema=wasserstoff&status=")
    cards = page.locator(CARD)
    assert cards.count() == hydrogen
    for n in range(hydrogen):
        assert "Wasserstoff" in cards.nth(n).locator(".card__topics").inner_text()
    assert page.locator("#projects-filter-thema").input_value() == "wasserstoff"
    assert_accessible(page)

    page.locator("#projects-filter-status").select_option("abgeschlossen")
    page.locator(".listing-filter__button").click()
    page.wait_for_url("**status=abgeschlossen")
    both = german(ProjectPage).filter(
        tagged_topics__tag__slug="wasserstoff", status="abgeschlossen"
    )
    assert page.locator(CARD).count() == both.count() >= 1

    # Each active filter can be removed on its own.
    page.locator(".listing-filter__remove", has_text="Wasserstoff").click()
    page.wait_for_url(re.compile(r".*/projekte/\?status=abgeschlossen$"))
    assert page.locator(CARD).count() == german(ProjectPage).filter(status="abgeschlossen").count()
    page.locator(".listing-filter__remove").click()
    page.wait_for_url(re.compile(r".*/projekte/$"))
    assert page.locator(CARD).count() == total


def test_topic_filter_works_without_javascript(demo_site, browser):
    context = browser.new_context(
        java_script_enabled=False, locale="de-DE", timezone_id="Europe/Berlin"
    )
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(demo_site + "/projekte/")
        assert page.locator("html.no-js").count() == 1  # site.js did not run
        page.locator("#projects-filter-thema").select_option("mobilität")
        page.locator(".listing-filter__button").click()
        page.wait_for_url("**/projekte/?thema=mobilit%C3%A4t&status=")
        assert page.locator(CARD).count() == tagged("mobilität") >= 1
        assert "Radschnellweg" in page.locator(CARD).first.inner_text()
        # The address is shareable: opened afresh it shows the same list.
        fresh = context.new_page()
        fresh.goto(page.url)
        assert fresh.locator(CARD).count() == tagged("mobilität")
    finally:
        context.close()


def test_unknown_topic_shows_a_notice_and_all_projects(demo_site, page):
    response = page.goto(demo_site + "/projekte/?thema=raumfahrt")
    assert response.status == 200
    notice = page.locator(".notice[role=status]")
    assert notice.is_visible() and "raumfahrt" in notice.inner_text()
    assert page.locator(CARD).count() == german(ProjectPage).count()
    assert_accessible(page)


def test_project_page_and_its_topic_links(demo_site, page):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(demo_site + "/projekte/")
    page.locator(CARD, has_text="Radschnellweg").get_by_role("link").click()
    page.wait_for_url("**/projekte/radschnellweg-halle-leipzig/")
    assert page.get_by_role("heading", level=1).inner_text() == "Radschnellweg Halle–Leipzig"
    assert page.locator(".project__logo img").evaluate("img => img.naturalWidth") > 0
    assert_accessible(page)

    page.locator(".project-topics").get_by_role("link", name="Mobilität").click()
    page.wait_for_url("**/projekte/?thema=mobilit%C3%A4t")
    assert page.locator(CARD, has_text="Radschnellweg").count() == 1


def test_working_groups_and_their_hub(demo_site, page):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(demo_site + "/arbeitsgruppen/")
    assert page.locator("article.card").count() == german(WorkingGroupPage).count() == 6
    assert_accessible(page)

    page.get_by_role("link", name="Wissenschaft und Innovation").click()
    page.wait_for_url("**/arbeitsgruppen/wissenschaft-und-innovation/")
    group = german(WorkingGroupPage).get(slug="wissenschaft-und-innovation")
    assert (
        page.locator(CARD).count() == group.projects.live().filter(locale=group.locale).count() >= 2
    )
    assert page.locator(".contact-cards__item").count() == group.contacts.count()
    assert_accessible(page)


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_home_page_shows_projects_and_working_groups(demo_site, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(demo_site + "/")
    grid = page.locator(".project-grid")
    # A selection (eight of the fourteen, demo/data/projects.yaml), then the link to all.
    assert grid.locator(CARD).count() == 8
    assert grid.get_by_role("link", name="Alle Projekte").count() == 1
    assert page.locator(".working-groups article.card").count() == 6
    page.mouse.wheel(0, 20000)  # bring the lazy logos into view
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    grid.locator(CARD, has_text="SPOT ON").get_by_role("link").click()
    page.wait_for_url("**/projekte/spot-on/")
