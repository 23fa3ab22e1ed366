"""An editor opens the guide from the admin's menu and reads a topic: "Hilfe" in the
sidebar, "Hilfe für die Redaktion", a topic from the table of contents, on to the next
topic; axe finds nothing on the guide pages (the whole page: Wagtail's frame around the
guide has no findings either)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session

from metropolregion.guide.topics import TOPICS

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

USERNAME = "hilfe-leserin"
PASSWORD = "hilfe-lesen-2025"  # a test login, removed afterwards


@pytest.fixture
def reader(demo_site):
    """A login whose only right is to use the admin, removed again with its group, its
    profile and its sessions afterwards (rule 1 in tests/conftest.py)."""
    sessions_before = set(Session.objects.values_list("session_key", flat=True))
    group = Group.objects.create(name="Hilfe-Test: nur Admin-Zugang")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = get_user_model().objects.create_user(USERNAME, "hilfe@example.org", PASSWORD)
    user.groups.add(group)
    yield user
    Session.objects.exclude(session_key__in=sessions_before).delete()
    user.delete()  # and with it Wagtail's user profile
    group.delete()


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_editor_opens_hilfe_from_the_menu_and_reads_a_topic(demo_site, page, reader):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_site + "/admin/login/")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(demo_site + "/admin/")

    # The dashboard links the guide, not Wagtail's guide on another site.
    assert page.locator("a[href*='guide.wagtail.org']").count() == 0

    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name="Hilfe", exact=True).click()
    sidebar.get_by_role("link", name="Hilfe für die Redaktion").click()
    page.wait_for_url(demo_site + "/admin/hilfe/")
    assert page.get_by_role("heading", level=1).inner_text() == "Hilfe für die Redaktion"
    toc = page.locator("#guide .guide-toc > li")
    assert toc.count() == len(TOPICS)
    assert_accessible(page)

    page.locator("#guide").get_by_role("link", name="Veranstaltungen mit Anmeldung").click()
    page.wait_for_url(demo_site + "/admin/hilfe/veranstaltungen/")
    assert page.get_by_role("heading", level=1).inner_text() == "Veranstaltungen mit Anmeldung"
    assert page.locator("#guide").get_attribute("lang") == "de"
    # The breadcrumbs lead back to the table of contents.
    assert page.locator("header a[href='/admin/hilfe/']").count() >= 1
    assert_accessible(page)

    pager = page.get_by_role("navigation", name="Blättern in der Hilfe")
    pager.get_by_role("link", name="Weiter: Serien, Partnerkalender und gemeldete Termine").click()
    page.wait_for_url(demo_site + "/admin/hilfe/terminkalender/")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Serien, Partnerkalender und gemeldete Termine"
    pager.get_by_role("link", name="Zurück: Veranstaltungen mit Anmeldung").wait_for()
    assert_accessible(page)
