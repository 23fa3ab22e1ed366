"""The Redaktion names a topic in English in the real admin, in Chromium: menu
*Themennamen* → add → topic, language, name → save; the English project list then offers
and shows the topic by that name, the German one keeps the German name."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from metropolregion import roles
from metropolregion.topics import TopicName
from tests.browser.test_editors import PASSWORD, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def redaktion(demo_site, demo_changes):
    user = get_user_model().objects.create_user("b-themen", "", PASSWORD)
    user.groups.add(Group.objects.get(name=roles.REDAKTION))
    return user


def test_redaktion_names_a_topic_in_english(demo_site, browser, redaktion, no_server_errors):
    TopicName.objects.filter(tag__name="Wasserstoff").delete()  # the demo names it; name it anew
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    page = log_in(context, demo_site, "b-themen")
    page.get_by_role("link", name="Themennamen").click()
    page.get_by_role("link", name="Themenname hinzufügen").first.click()
    page.locator("#id_tag").select_option(label="Wasserstoff")
    page.locator("#id_language").select_option("en")
    page.locator("#id_name").fill("Hydrogen economy")
    page.get_by_role("button", name="Speichern").click()
    page.locator(".messages").wait_for()
    assert TopicName.objects.get(tag__name="Wasserstoff", language="en").name == "Hydrogen economy"

    reader = browser.new_context(locale="en-GB").new_page()
    reader.goto(demo_site + "/en/projects/")
    assert reader.locator("#projects-filter-thema option", has_text="Hydrogen economy").count() == 1
    assert reader.locator(".project-topic", has_text="Hydrogen economy").count() >= 1
    reader.goto(demo_site + "/projekte/")
    assert reader.locator(".project-topic", has_text="Hydrogen economy").count() == 0
    assert reader.locator(".project-topic", has_text="Wasserstoff").count() >= 1
    context.close()
