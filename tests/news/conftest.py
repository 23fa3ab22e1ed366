"""Fixtures of the news tests: a news index below the test home page, and helpers."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories.news import NewsIndexPageFactory, NewsPageFactory


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(
        parent=home_page,
        press_contact__0__contact__name="Erika Beispiel",
        press_contact__0__contact__email="presse@example.org",
    )


@pytest.fixture
def hidden_news(news_index):
    """A draft and a news item behind a login: neither may ever be shown to the public."""
    draft = NewsPageFactory(parent=news_index, title="Geheimer Entwurf", slug="entwurf", live=False)
    private = NewsPageFactory(parent=news_index, title="Nur für Mitglieder", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return draft, private
