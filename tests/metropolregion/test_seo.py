"""sitemap.xml, robots.txt, canonical URLs, Open Graph and JSON-LD."""

import json
import re

import pytest
from defusedxml import ElementTree
from wagtail.models import PageViewRestriction

from metropolregion.models import SiteSettings
from tests.factories import StandardPageFactory

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.mark.django_db
def test_sitemap_lists_exactly_the_live_public_pages(client, home_page):
    StandardPageFactory(parent=home_page, slug="oeffentlich")
    StandardPageFactory(parent=home_page, slug="entwurf", live=False)
    private = StandardPageFactory(parent=home_page, slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {
        loc.text
        for loc in ElementTree.fromstring(response.content).findall("s:url/s:loc", SITEMAP_NS)
    }
    paths = {re.sub(r"^https?://[^/]+", "", loc) for loc in locations}
    assert paths == {"/", "/oeffentlich/"}


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.django_db
def test_pages_have_canonical_url_and_open_graph(client, home_page):
    page = StandardPageFactory(
        parent=home_page, slug="ueber-uns", title="Über uns", intro="Wer wir sind."
    )
    html = client.get("/ueber-uns/").content.decode()
    assert re.search(r'<link rel="canonical" href="http://[^"]+/ueber-uns/">', html)
    assert '<meta property="og:title" content="Über uns">' in html
    assert '<meta property="og:description" content="Wer wir sind.">' in html
    assert '<meta name="description" content="Wer wir sind.">' in html
    home_html = client.get("/").content.decode()
    assert 'property="og:image"' in home_html  # the hero image represents the home page
    assert page.title


@pytest.mark.django_db
def test_home_page_describes_the_organisation_in_json_ld(client, home_page, site):
    settings = SiteSettings.for_site(site)
    settings.organisation_name = "Verein </script><script>alert(1)</script>"
    settings.city = "Leipzig"
    settings.save()
    html = client.get("/").content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    data = json.loads(match.group(1))
    assert data["@type"] == "Organization"
    assert data["name"] == "Verein </script><script>alert(1)</script>"  # escaped, not executed
    assert data["address"]["addressLocality"] == "Leipzig"
    assert "<script>alert(1)" not in html
