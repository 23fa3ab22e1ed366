"""Main and footer navigation come from the site settings and mark the current page."""

import json

import pytest

from metropolregion.models import NavigationSettings, SiteSettings
from tests.factories import StandardPageFactory


def menu(*entries):
    return json.dumps([{"type": "link", "value": value} for value in entries])


@pytest.fixture
def pages(home_page):
    about = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    imprint = StandardPageFactory(parent=home_page, title="Impressum", slug="impressum")
    draft = StandardPageFactory(parent=home_page, title="Entwurf", slug="entwurf", live=False)
    return {"about": about, "team": team, "imprint": imprint, "draft": draft}


@pytest.fixture
def navigation(site, pages):
    nav = NavigationSettings.for_site(site)
    nav.main_menu = menu(
        {"page": pages["about"].pk, "url": "", "label": ""},
        {"page": pages["draft"].pk, "url": "", "label": ""},
        {"page": None, "url": "https://example.org/", "label": "Partnerportal"},
    )
    nav.footer_menu = menu({"page": pages["imprint"].pk, "url": "", "label": "Impressum"})
    nav.save()
    return nav


@pytest.mark.django_db
def test_main_menu_lists_live_pages_and_external_links(client, navigation):
    html = client.get("/").content.decode()
    nav = html.split('aria-label="Hauptnavigation"')[1].split("</nav>")[0]
    assert 'href="/ueber-uns/"' in nav and ">Über uns<" in nav
    assert "Entwurf" not in nav  # drafts never appear
    assert 'href="https://example.org/"' in nav and "Partnerportal" in nav


@pytest.mark.django_db
def test_current_page_and_its_section_are_marked(client, navigation):
    about = client.get("/ueber-uns/").content.decode()
    assert 'href="/ueber-uns/" aria-current="page"' in about
    team = client.get("/ueber-uns/team/").content.decode()
    assert 'href="/ueber-uns/" aria-current="true"' in team


@pytest.mark.django_db
def test_footer_shows_settings_and_footer_menu(client, site, navigation):
    settings = SiteSettings.for_site(site)
    settings.street, settings.postcode, settings.city = "Beispielweg 2", "06108", "Halle (Saale)"
    settings.phone, settings.email = "+49 345 123 45", "kontakt@example.org"
    settings.social_accounts = json.dumps(
        [
            {
                "type": "account",
                "value": {
                    "platform": "mastodon",
                    "url": "https://social.example.org/@mr",
                    "label": "",
                },
            }
        ]
    )
    settings.save()
    html = client.get("/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert "06108 Halle (Saale)" in footer
    assert 'href="tel:+4934512345"' in footer
    assert 'href="mailto:kontakt@example.org"' in footer
    assert 'href="/impressum/"' in footer
    assert 'href="https://social.example.org/@mr"' in footer and ">Mastodon<" in footer


@pytest.mark.django_db
def test_breadcrumbs_list_the_ancestors(client, pages):
    html = client.get("/ueber-uns/team/").content.decode()
    crumbs = html.split('aria-label="Sie sind hier"')[1].split("</nav>")[0]
    assert crumbs.index(">Startseite<") < crumbs.index(">Über uns<") < crumbs.index(">Team<")
    assert '<span aria-current="page">Team</span>' in crumbs


@pytest.mark.django_db
def test_forms_link_the_privacy_notice_in_the_readers_language(rf, home_page):
    from django.utils import translation

    from metropolregion.navigation import privacy_url
    from tests.factories.translations import translate

    privacy = StandardPageFactory(parent=home_page, title="Datenschutz", slug="datenschutz")
    translate(home_page, lambda text: text, slug="home")
    request = rf.get("/en/")
    with translation.override("en"):
        assert privacy_url(request) == "/datenschutz/"  # no English one yet: the German
        translate(privacy, {"Datenschutz": "Privacy"}, slug="privacy")
        assert privacy_url(request) == "/en/privacy/"
    with translation.override("de"):
        assert privacy_url(rf.get("/")) == "/datenschutz/"


@pytest.mark.django_db
def test_a_label_in_german_gives_way_to_the_english_title(client, site, pages):
    """A menu label is written for the chosen (German) page; an English reader gets the
    translation's title instead, and the label again where there is no translation."""
    from tests.factories.translations import translate

    nav = NavigationSettings.for_site(site)
    nav.main_menu = menu(
        {"page": pages["about"].pk, "url": "", "label": "Wir über uns"},
        {"page": pages["imprint"].pk, "url": "", "label": "Anbieter"},
    )
    nav.save()
    translate(site.root_page, lambda text: text, slug="home")
    translate(pages["about"], {"Über uns": "About us"}, slug="about-us")

    def main_nav(url):
        html = client.get(url).content.decode()
        return html.split('class="main-nav"')[1].split("</nav>")[0]

    german = main_nav("/")
    assert ">Wir über uns<" in german and ">Anbieter<" in german
    english = main_nav("/en/")
    assert 'href="/en/about-us/"' in english and ">About us<" in english
    assert "Wir über uns" not in english
    # Not translated yet: the German page, its German label marked as German.
    assert (
        '<a class="main-nav__link" href="/impressum/" hreflang="de"><span lang="de">Anbieter'
        '</span> <span class="link-language">(German)</span></a>'
    ) in english
    assert "hreflang" not in german and "link-language" not in german
