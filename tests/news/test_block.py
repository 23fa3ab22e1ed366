"""The home page's "latest news" block: newest N, optional kind and topic, a link to the
index, never a draft or a private item, and a constant number of queries."""

import datetime
import json

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from metropolregion.models import HomePage
from news.blocks import LatestNewsBlock
from news.queries import latest_news
from tests.factories import HomePageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory, many_news

from .helpers import count_queries


def put_news_block(home, **value):
    """Give the home page one news block (and nothing else)."""
    block = {"heading": "Aktuelles", "count": 3, "kind": "", "tag": "", "index": None, **value}
    home.body = json.dumps([{"type": "news", "value": block, "id": "news-block"}])
    home.save_revision().publish()


def card_titles(html):
    section = html.split('<section class="latest-news container">', 1)[1].split("</section>")[0]
    return [
        part.split(">", 1)[1].split("</a>")[0]
        for part in section.split('<a class="card__link"')[1:]
    ]


@pytest.mark.django_db
def test_block_shows_the_newest_news_and_links_to_the_index(client, home_page, news_index):
    for day in range(1, 6):
        NewsPageFactory(parent=news_index, title=f"Meldung {day}", date=datetime.date(2025, 3, day))
    put_news_block(home_page, count=3)
    html = client.get("/").content.decode()
    assert card_titles(html) == ["Meldung 5", "Meldung 4", "Meldung 3"]
    assert '<h2 class="latest-news__heading">Aktuelles</h2>' in html
    assert f'<a class="button" href="{news_index.url}">' in html


@pytest.mark.django_db
def test_block_filters_by_kind_and_topic(client, home_page, news_index):
    NewsPageFactory(parent=news_index, title="PM Wasserstoff", kind="pressemitteilung",
                    topics=["Wasserstoff"], date=datetime.date(2025, 1, 1))  # fmt: skip
    NewsPageFactory(parent=news_index, title="PM Solar", kind="pressemitteilung",
                    topics=["Solarwirtschaft"], date=datetime.date(2025, 1, 2))  # fmt: skip
    NewsPageFactory(parent=news_index, title="Nachricht Wasserstoff", kind="nachricht",
                    topics=["Wasserstoff"], date=datetime.date(2025, 1, 3))  # fmt: skip
    put_news_block(home_page, count=12, kind="pressemitteilung")
    assert card_titles(client.get("/").content.decode()) == ["PM Solar", "PM Wasserstoff"]
    put_news_block(home_page, count=12, tag="wasserstoff")
    html = client.get("/").content.decode()
    assert card_titles(html) == ["Nachricht Wasserstoff", "PM Wasserstoff"]
    assert f'href="{news_index.url}?thema=wasserstoff"' in html
    put_news_block(home_page, count=12, kind="pressemitteilung", tag="wasserstoff")
    html = client.get("/").content.decode()
    assert card_titles(html) == ["PM Wasserstoff"]
    assert f'href="{news_index.url}?art=pressemitteilung&amp;thema=wasserstoff"' in html


@pytest.mark.django_db
def test_block_never_shows_drafts_or_private_news(client, home_page, news_index, hidden_news):
    NewsPageFactory(parent=news_index, title="Öffentlich", date=datetime.date(2024, 1, 1))
    for page in hidden_news:
        page.date = datetime.date(2025, 12, 1)
        page.save()
    put_news_block(home_page, count=12)
    assert card_titles(client.get("/").content.decode()) == ["Öffentlich"]
    assert [page.title for page in latest_news(12)] == ["Öffentlich"]


@pytest.mark.django_db
def test_block_with_a_chosen_index_shows_only_its_news(client, home_page, news_index):
    other = NewsIndexPageFactory(parent=home_page, slug="presse-archiv", title="Archiv")
    NewsPageFactory(parent=news_index, title="Hier")
    NewsPageFactory(parent=other, title="Dort")
    put_news_block(home_page, count=12, index=other.pk)
    html = client.get("/").content.decode()
    assert card_titles(html) == ["Dort"]
    assert f'<a class="button" href="{other.url}">' in html


@pytest.mark.django_db
def test_block_queries_do_not_grow_with_the_count(client, home_page, news_index):
    many_news(news_index, 14)
    put_news_block(home_page, count=1)
    one = count_queries(client, "/")
    one_cold = count_queries(client, "/", cold=True)
    put_news_block(home_page, count=12)
    assert len(card_titles(client.get("/").content.decode())) == 12
    assert count_queries(client, "/") == one
    assert count_queries(client, "/", cold=True) == one_cold


def test_block_refuses_a_tag_that_is_not_a_slug():
    block = LatestNewsBlock()
    value = block.to_python({"heading": "A", "count": 3, "kind": "", "tag": "Zwei Wörter"})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "tag" in error.value.block_errors
    block.clean(block.to_python({"heading": "A", "count": 3, "kind": "", "tag": "bioökonomie"}))


@pytest.mark.parametrize("count", [0, 13])
def test_block_count_is_between_one_and_twelve(count):
    block = LatestNewsBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"heading": "A", "count": count, "kind": "", "tag": ""}))


class AdminHomePageWithNewsBlockTest(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_editor_adds_the_news_block_to_the_home_page(self):
        root = Page.get_first_root_node()
        home = HomePageFactory(parent=root)
        index = NewsIndexPageFactory(parent=home)
        data = nested_form_data(
            {
                "title": "Neue Startseite",
                "slug": "neue-startseite",
                "body": streamfield(
                    [
                        (
                            "news",
                            {
                                "heading": "Aktuelles",
                                "count": 4,
                                "kind": "pressemitteilung",
                                "tag": "wasserstoff",
                                "index": index.pk,
                            },
                        )
                    ]
                ),
            }
        )
        self.assertCanCreate(root, HomePage, data)
        value = HomePage.objects.get(slug="neue-startseite").body[0].value
        assert value["count"] == 4
        assert value["kind"] == "pressemitteilung"
        assert value.tag_slug == "wasserstoff"
        assert value["index"].pk == index.pk
