"""The news pages in all their states are valid HTML for the W3C Nu HTML Checker: the index
with filters, a notice and pagination, the year archive, an article with picture, press
contact and "Mehr News", and the home page with the news block."""

import io

import pytest

from demo import news as demo
from metropolregion.models import HomePage
from tests import html_validator

pytestmark = pytest.mark.validator  # skipped with a reason without Java/vnu.jar, never in CI

URLS = {
    "home": "/",
    "index": "/news/",
    "index-page-3": "/news/?page=3",
    "index-filtered": "/news/?art=pressemitteilung&thema=strukturwandel",
    "index-unknown": "/news/?art=gibtsnicht&thema=%3Cb%3E",
    "index-empty": "/news/archiv/2024/?art=pressemitteilung&thema=startups",
    "archive": "/news/archiv/2025/",
    "press-release": "/news/jahreskonferenz-2025-zwickau/",
    "news-item": "/news/mint-monat-september-2025/",
}


@pytest.mark.django_db
def test_news_pages_are_valid_html(client, home_page):
    demo.build(io.StringIO(), HomePage.objects.get(pk=home_page.pk))
    documents = {}
    for name, url in URLS.items():
        response = client.get(url)
        assert response.status_code == 200, url
        documents[name] = response.content
    results = html_validator.validate(documents)
    errors = sum(len(result.errors) for result in results.values())
    assert errors == 0, html_validator.describe(results)
