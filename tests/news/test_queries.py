"""Query counts: the news index, its archive and its feeds ask the database as often with 100
news items (each with a picture and a topic) as with 10."""

import pytest

from tests.factories.news import NewsIndexPageFactory, NewsPageFactory, many_news

from .helpers import count_queries

PAGES = ["", "?page=2", "?art=nachricht", "?thema=wasserstoff", "archiv/2025/"]
FEEDS = ["feed/rss/", "feed/atom/", "presse/feed/rss/", "presse/feed/atom/"]


def counts(client, index, paths):
    return {path: count_queries(client, index.url + path) for path in paths}


@pytest.mark.django_db
def test_index_and_feed_queries_are_the_same_for_10_and_100_news(client, home_page):
    few_index = NewsIndexPageFactory(parent=home_page, slug="wenige")
    many_index = NewsIndexPageFactory(parent=home_page, slug="viele")
    many_news(few_index, 10 + 2)  # one more page and a 2nd page to look at
    many_news(many_index, 100)
    for index in (few_index, many_index):
        NewsPageFactory(parent=index, kind="pressemitteilung", topics=["Wasserstoff"])

    few = counts(client, few_index, PAGES + FEEDS)
    many = counts(client, many_index, PAGES + FEEDS)
    assert few == many
    assert max(few.values()) <= 15, few  # 14 + the translations (switcher)


@pytest.mark.django_db
def test_index_and_feed_queries_do_not_depend_on_the_items_shown_even_with_a_cold_cache(
    client, news_index
):
    many_news(news_index, 11)  # page 1 shows ten items with pictures, page 2 one
    full = count_queries(client, news_index.url, cold=True)
    single = count_queries(client, news_index.url + "?page=2", cold=True)
    assert full == single
    # the press feed has one item, the full feed twelve
    NewsPageFactory(parent=news_index, kind="pressemitteilung", topics=["Wasserstoff"])
    rss = count_queries(client, news_index.url + "feed/rss/", cold=True)
    press_rss = count_queries(client, news_index.url + "presse/feed/rss/", cold=True)
    assert rss == press_rss


@pytest.mark.django_db
def test_news_page_queries_do_not_depend_on_topics_or_related_news(client, news_index):
    lonely = NewsPageFactory(parent=news_index, slug="allein", with_image=True, topics=["Solar"])
    NewsPageFactory(parent=news_index, with_image=True, topics=["Solar"])  # its one relative
    popular = NewsPageFactory(
        parent=news_index,
        slug="beliebt",
        with_image=True,
        topics=["Wasserstoff", "Strukturwandel", "Fachkräfte", "Mobilität"],
    )
    many_news(news_index, 8)  # related to `popular` by two of its tags
    assert count_queries(client, lonely.url) == count_queries(client, popular.url)
    assert len(client.get(lonely.url).context["related_news"]) == 1
    assert len(client.get(popular.url).context["related_news"]) == 3
