"""The member directory of the demo is linked from the footer (issue 12, item 13): once,
however often the demo is built, before "Kontakt"."""

import io

import pytest
from wagtail.models import Site

from demo import membership as demo
from metropolregion.models import NavigationSettings
from tests.factories import StandardPageFactory


def footer_targets(site):
    menu = NavigationSettings.for_site(site).footer_menu
    return [getattr(link.value["page"], "slug", None) for link in menu]


@pytest.mark.django_db
def test_building_the_demo_links_the_directory_in_the_footer_once(home_page, site):
    StandardPageFactory(parent=home_page, slug="kontakt")
    StandardPageFactory(parent=home_page, slug="impressum")
    navigation = NavigationSettings.for_site(site)
    navigation.footer_menu = [
        ("link", {"page": page, "url": "", "label": ""})
        for page in home_page.get_children().specific()
    ]
    navigation.save()
    out = io.StringIO()
    demo.build(out, home_page)
    assert "Fußnavigation: Mitglieder verlinkt" in out.getvalue()
    demo.build(io.StringIO(), home_page)  # again: no second link
    assert footer_targets(Site.objects.get(pk=site.pk)) == ["mitglieder", "kontakt", "impressum"]


def test_demo_footer_links_the_member_directory(client, demo_content):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="/mitglieder/"' in footer
    directory = client.get("/mitglieder/")
    assert directory.status_code == 200 and "Unsere Mitglieder" in directory.content.decode()
