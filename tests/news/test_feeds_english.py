"""The news feeds in English: under /en/, with the English index's title and only the
English items (a news item not translated yet stays out); drafts stay out as in German."""

import datetime

import feedparser
import pytest

from tests.factories.news import NewsPageFactory
from tests.factories.translations import translate

ENGLISH = {
    "Neuigkeiten": "News",
    "Sommer-Meldung": "Summer news",
    "Kurz und knapp im Sommer.": "Short and sweet in summer.",
}


def english(text):
    return ENGLISH.get(text, text)


@pytest.fixture
def english_news(home_page, news_index, hidden_news):
    translate(home_page, english, slug="home")
    news_index.title = "Neuigkeiten"
    news_index.save_revision().publish()
    translate(news_index, english, slug="news")
    summer = NewsPageFactory(
        parent=news_index,
        title="Sommer-Meldung",
        slug="sommer",
        date=datetime.date(2025, 6, 24),
        teaser="Kurz und knapp im Sommer.",
    )
    NewsPageFactory(parent=news_index, title="Nur auf Deutsch", slug="deutsch")
    translate(summer, english, slug="summer")
    for hidden in hidden_news:
        translate(hidden, english, slug=hidden.slug, publish=hidden.live)
    return summer


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["feed/rss/", "feed/atom/"])
def test_english_feed_has_english_items_only(client, english_news, path):
    response = client.get("/en/news/" + path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title.startswith("News – ")
    assert feed.feed.link == "http://testserver/en/news/"
    assert [entry.title for entry in feed.entries] == ["Summer news"]
    assert feed.entries[0].link == "http://testserver/en/news/summer/"
    assert "Short and sweet in summer." in feed.entries[0].summary
    german = feedparser.parse(client.get("/news/" + path).content)
    assert "Sommer-Meldung" in [entry.title for entry in german.entries]
    assert "Summer news" not in [entry.title for entry in german.entries]
