"""The Administration adds a partner to the footer in the real admin, in Chromium: site
settings → Partners and funders → a new partner with a logo uploaded in the image chooser;
every page's footer then shows the logo, named and linked."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from metropolregion import roles
from metropolregion.models import SiteSettings
from tests.browser.test_editors import log_in, upload_image_in_chooser

pytestmark = pytest.mark.browser
PASSWORD = "sicher-redigieren-2025"  # log_in's


@pytest.fixture
def administration(demo_site, demo_changes):
    user = get_user_model().objects.create_user("b-administration", "", PASSWORD)
    user.groups.add(Group.objects.get(name=roles.ADMINISTRATION))
    return user


def test_administration_adds_a_partner_logo_to_the_footer(
    demo_site, browser, administration, tmp_path, no_server_errors
):
    site = Site.objects.get(is_default_site=True)
    before = len(SiteSettings.for_site(site).partners)
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    page = log_in(context, demo_site, "b-administration")
    page.goto(demo_site + f"/admin/settings/metropolregion/sitesettings/{site.pk}/")

    page.locator("button.c-sf-add-button").last.click()  # the partners' stream is last
    names = page.locator("input[name^='partners-'][name$='-value-name']")
    names.nth(before).wait_for()
    names.nth(before).fill("Stadtwerke Beispielstadt")
    upload_image_in_chooser(
        page,
        tmp_path,
        "Logo Stadtwerke",
        "Stadtwerke Beispielstadt",
        chooser=f"#partners-{before}-value-logo-chooser",
    )
    page.locator("input[name^='partners-'][name$='-value-url']").nth(before).fill(
        "https://stadtwerke.example.org/"
    )
    page.locator("#id_partners_heading_en").fill("Funded by")
    page.get_by_role("button", name="Speichern").click()
    page.locator(".messages").wait_for()

    partners = [child.value for child in SiteSettings.for_site(site).partners]
    assert len(partners) == before + 1
    assert partners[-1]["name"] == "Stadtwerke Beispielstadt"
    assert partners[-1]["logo"].title == "Logo Stadtwerke"

    reader = browser.new_context(locale="de-DE").new_page()
    reader.goto(demo_site + "/ueber-uns/")
    logo = reader.locator("footer").get_by_role("img", name="Stadtwerke Beispielstadt")
    assert logo.count() == 1
    link = reader.locator("footer a[href='https://stadtwerke.example.org/']")
    assert link.count() == 1 and link.get_by_role("img").count() == 1
    # English pages head the partners with the English heading.
    reader.goto(demo_site + "/en/about/")
    assert reader.locator("#footer-partners-heading").inner_text() == "Funded by"
    context.close()
