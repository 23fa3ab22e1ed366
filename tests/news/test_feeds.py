"""RSS 2.0 and Atom feeds, read with feedparser the way a feed reader reads them: absolute
links, dates at midnight in Berlin, only live public items, press feed only press releases."""

import datetime
import html
from zoneinfo import ZoneInfo

import feedparser
import pytest

from tests.factories.news import NewsPageFactory

BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.UTC
FEEDS = ("feed/rss/", "feed/atom/", "presse/feed/rss/", "presse/feed/atom/")


@pytest.fixture
def feed_news(news_index, hidden_news):
    summer = NewsPageFactory(
        parent=news_index,
        title="Sommer-Meldung",
        slug="sommer",
        date=datetime.date(2025, 6, 24),
        kind="nachricht",
        teaser="Kurz & knapp <im Sommer>.",
        topics=["Wasserstoff", "Strukturwandel"],
    )
    winter = NewsPageFactory(
        parent=news_index,
        title="Winter-Pressemitteilung",
        slug="winter",
        date=datetime.date(2025, 1, 15),
        kind="pressemitteilung",
    )
    return summer, winter


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, feedparser.parse(response.content)


def utc(struct):
    return datetime.datetime(*struct[:6], tzinfo=UTC)


@pytest.mark.django_db
def test_rss_feed_of_all_news(client, news_index, feed_news):
    response, feed = read(client, news_index.url + "feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    # Links follow the address the feed is requested at (the Site record says localhost).
    assert feed.feed.link == "http://testserver" + news_index.url
    assert [entry.title for entry in feed.entries] == [
        "Sommer-Meldung",
        "Winter-Pressemitteilung",
    ]
    summer, winter = feed.entries
    assert summer.link == "http://testserver/news/sommer/"
    assert summer.id == summer.link  # the guid is the page's full URL
    # the plain-text teaser arrives as escaped HTML, shown literally by readers
    assert html.unescape(summer.summary) == "Kurz & knapp <im Sommer>."
    assert {tag.term for tag in summer.tags} == {"Wasserstoff", "Strukturwandel"}
    # midnight in Berlin: summer time +02:00, winter time +01:00
    assert summer.published.endswith("00:00:00 +0200")
    assert winter.published.endswith("00:00:00 +0100")
    assert utc(summer.published_parsed) == datetime.datetime(2025, 6, 24, tzinfo=BERLIN)
    assert utc(winter.published_parsed) == datetime.datetime(2025, 1, 15, tzinfo=BERLIN)


@pytest.mark.django_db
def test_atom_feed_of_all_news(client, news_index, feed_news):
    response, feed = read(client, news_index.url + "feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.author  # Atom needs an author: the organisation
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == ["http://testserver/news/feed/atom/"]
    summer = feed.entries[0]
    assert summer.id == summer.link == "http://testserver/news/sommer/"
    assert utc(summer.published_parsed) == datetime.datetime(2025, 6, 24, tzinfo=BERLIN)
    assert summer.published.startswith("2025-06-24T00:00:00+02:00")
    assert utc(summer.updated_parsed) >= utc(summer.published_parsed)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["presse/feed/rss/", "presse/feed/atom/"])
def test_press_feeds_only_have_press_releases(client, news_index, feed_news, path):
    _response, feed = read(client, news_index.url + path)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Winter-Pressemitteilung"]
    assert "Pressemitteilungen" in feed.feed.title or "Press releases" in feed.feed.title


@pytest.mark.django_db
@pytest.mark.parametrize("path", FEEDS)
def test_feeds_never_contain_drafts_or_private_news(client, news_index, hidden_news, path):
    draft, private = hidden_news
    draft.kind = private.kind = "pressemitteilung"
    draft.save()
    private.save()
    response, feed = read(client, news_index.url + path)
    assert feed.entries == []
    body = response.content.decode()
    assert "Geheimer Entwurf" not in body and "Nur für Mitglieder" not in body


@pytest.mark.django_db
def test_every_link_in_a_feed_is_absolute(client, news_index, feed_news):
    for path in FEEDS:
        _response, feed = read(client, news_index.url + path)
        links = [feed.feed.link] + [entry.link for entry in feed.entries]
        assert all(link.startswith("http://") for link in links), (path, links)


@pytest.mark.django_db
def test_news_page_announces_the_feeds(client, news_index, feed_news):
    head = client.get(feed_news[0].url).content.decode().split("</head>")[0]
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="{news_index.title} (RSS)" href="{news_index.url}feed/rss/">'
        in head
    )
    assert (
        f'type="application/atom+xml" title="{news_index.title} (Atom)" href="{news_index.url}feed/atom/"'
        in head
    )
    assert f'href="{news_index.url}presse/feed/rss/"' in head
