"""The partners' and funders' logos in the footer: editors keep them in the site settings;
every page shows them, linked and named, and once warm they cost no query."""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from metropolregion.models import SiteSettings
from tests.factories.images import ImageFactory


def partners(*entries):
    return json.dumps([{"type": "partner", "value": value} for value in entries])


@pytest.fixture
def with_partners(site, home_page):
    cache.clear()
    settings = SiteSettings.for_site(site)
    land = ImageFactory(title="Logo Land")
    bank = ImageFactory(title="Logo Bank")
    settings.partners_heading = "Gefördert von"
    settings.partners = partners(
        {"name": "Freistaat Beispiel", "logo": land.pk, "url": "https://land.example.org/"},
        {"name": "Beispielbank", "logo": bank.pk, "url": ""},
    )
    settings.save()
    return settings


def footer(html):
    return html.split('<footer class="site-footer">')[1].split("</footer>")[0]


@pytest.mark.django_db
def test_footer_shows_every_partner_named_and_linked(client, with_partners):
    html = footer(client.get("/").content.decode())
    section = html.split('aria-labelledby="footer-partners-heading"')[1].split("</section>")[0]
    assert ">Gefördert von</h2>" in section
    assert section.index('alt="Freistaat Beispiel"') < section.index('alt="Beispielbank"')
    assert 'href="https://land.example.org/"' in section
    assert section.count("<a ") == 1  # no website, no link
    # AVIF and WebP sources, a PNG fallback, 48 CSS px shown from a 96 px rendition.
    assert 'type="image/avif"' in section and 'type="image/webp"' in section
    assert 'height="96"' in section and 'loading="lazy"' in section


@pytest.mark.django_db
def test_partners_cost_no_query_once_warm_and_an_edit_shows_at_once(client, with_partners):
    from django.template import Context, Template

    template = Template("{% load navigation_tags %}{% partner_marks settings %}")
    settings = SiteSettings.objects.get(pk=with_partners.pk)
    template.render(Context({"settings": settings}))  # makes the renditions
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        template.render(Context({"settings": settings}))  # builds and caches the list
    assert len(cold) == 2, [q["sql"] for q in cold]  # the logos, their renditions
    settings = SiteSettings.objects.get(pk=with_partners.pk)
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"settings": settings}))
    assert len(queries) == 0, [q["sql"] for q in queries]
    assert 'alt="Beispielbank"' in html

    settings.partners = partners(
        {"name": "Neue Stiftung", "logo": settings.partners[0].value["logo"].pk, "url": ""}
    )
    settings.save()
    html = footer(client.get("/").content.decode())
    assert 'alt="Neue Stiftung"' in html and "Beispielbank" not in html


@pytest.mark.django_db
def test_no_partners_no_section(client, site, home_page):
    cache.clear()
    assert "footer-partners-heading" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_english_pages_head_the_partners_in_english(client, with_partners, home_page):
    """Site settings are not translated: the English heading is a field of its own, and
    without it the UI's English heading, never the German one in an English footer."""
    from tests.factories.translations import translate

    translate(home_page, lambda text: text, slug="home")

    def heading(url):
        html = footer(client.get(url).content.decode())
        return html.split('id="footer-partners-heading">')[1].split("</h2>")[0]

    assert heading("/en/") == "Partners and funders"
    with_partners.partners_heading_en = "Funded by"
    with_partners.save()
    assert heading("/en/") == "Funded by"
    assert heading("/") == "Gefördert von"
