"""The news index: newest first, ten per page, filters by kind and topic (plain GET, unknown
values ignored with a notice), year archive, and never a draft or a private item."""

import datetime

import pytest

from news.filters import NEWS_FILTERS
from tests.factories.news import NewsPageFactory, many_news


def titles(response):
    return [page.title for page in response.context["news"]]


@pytest.fixture
def mixed_news(news_index):
    """Two press releases and three news items over two years, tagged."""
    make = NewsPageFactory
    return {
        "pm-2025": make(
            parent=news_index, title="PM 2025", date=datetime.date(2025, 3, 1),
            kind="pressemitteilung", topics=["Wasserstoff"],
        ),
        "n-2025": make(
            parent=news_index, title="Nachricht 2025", date=datetime.date(2025, 2, 1),
            kind="nachricht", topics=["Wasserstoff", "Fachkräfte"],
        ),
        "pm-2024": make(
            parent=news_index, title="PM 2024", date=datetime.date(2024, 11, 5),
            kind="pressemitteilung", topics=["Fachkräfte"],
        ),
        "n-2024": make(
            parent=news_index, title="Nachricht 2024", date=datetime.date(2024, 6, 1),
            kind="nachricht",
        ),
        "n-2025-late": make(
            parent=news_index, title="Nachricht Dezember", date=datetime.date(2025, 12, 1),
            kind="nachricht", topics=["Bioökonomie"],
        ),
    }  # fmt: skip


@pytest.mark.django_db
def test_index_lists_live_public_news_newest_first(client, news_index, mixed_news, hidden_news):
    response = client.get(news_index.url)
    assert response.status_code == 200
    assert titles(response) == [
        "Nachricht Dezember",
        "PM 2025",
        "Nachricht 2025",
        "PM 2024",
        "Nachricht 2024",
    ]
    html = response.content.decode()
    assert "Geheimer Entwurf" not in html and "Nur für Mitglieder" not in html
    assert "1. Dezember 2025" in html  # German dates on the cards
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_ten_per_page_and_a_page_beyond_the_last_shows_the_last(client, news_index):
    many_news(news_index, 23)
    first = client.get(news_index.url)
    assert len(first.context["news"]) == 10
    assert first.context["news"].paginator.num_pages == 3
    html = first.content.decode()
    assert 'href="?page=2"' in html and 'rel="next"' in html
    last = client.get(news_index.url + "?page=99")
    assert last.status_code == 200
    assert last.context["news"].number == 3
    assert titles(last) == [f"Meldung 23-{n}" for n in range(20, 23)]
    for bad in ("0", "-1", "abc", "2.5", ""):
        assert client.get(news_index.url, {"page": bad}).status_code == 200


@pytest.mark.django_db
def test_filter_by_kind_and_topic_with_shareable_urls(client, news_index, mixed_news):
    press = client.get(news_index.url + "?art=pressemitteilung")
    assert titles(press) == ["PM 2025", "PM 2024"]
    html = press.content.decode()
    assert '<option value="pressemitteilung" selected>' in html
    assert 'name="art"' in html and 'name="thema"' in html and 'method="get"' in html

    topic = client.get(news_index.url, {"thema": "fachkräfte"})
    assert titles(topic) == ["Nachricht 2025", "PM 2024"]
    assert 'value="fachkräfte" selected' in topic.content.decode()

    both = client.get(news_index.url, {"art": "nachricht", "thema": "wasserstoff"})
    assert titles(both) == ["Nachricht 2025"]
    assert both.context["filters"].notices == []


@pytest.mark.django_db
def test_filters_keep_their_values_across_pages(client, news_index):
    many_news(news_index, 25)
    response = client.get(news_index.url, {"thema": "wasserstoff"})
    assert len(response.context["news"]) == 10  # 12 of 25 are about Wasserstoff
    assert 'href="?thema=wasserstoff&amp;page=2"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"art": "gibtsnicht"},
        {"thema": "gibtsnicht"},
        {"art": "<script>", "thema": "x" * 500},
        {"art": "nachricht'--", "page": "zwei"},
    ],
)
def test_unknown_filter_values_are_ignored_with_a_visible_notice(
    client, news_index, mixed_news, query
):
    response = client.get(news_index.url, query)
    assert response.status_code == 200
    assert len(titles(response)) == len(mixed_news)  # the unknown filter is ignored
    html = response.content.decode()
    assert '<p class="notice" role="status">' in html
    assert "<script>" not in html.split("<body", 1)[1].split("</main>")[0]


def test_read_filters_without_http():
    class FakeTag:
        def __init__(self, slug):
            self.slug = self.name = slug

    def read_filters(params, topics):
        return NEWS_FILTERS.read(params, offered={"topic": topics})

    wasserstoff = FakeTag("wasserstoff")
    filters = read_filters({"art": "pressemitteilung", "thema": "wasserstoff"}, [wasserstoff])
    assert (filters.kind, filters.topic, filters.notices) == ("pressemitteilung", wasserstoff, [])
    filters = read_filters({"art": "PRESSEMITTEILUNG", "thema": "solar"}, [wasserstoff])
    assert (filters.kind, filters.topic, len(filters.notices)) == (None, None, 2)
    assert not read_filters({"art": "", "thema": ""}, []).notices


@pytest.mark.django_db
def test_year_archive_lists_one_year_and_the_years_with_news(client, news_index, mixed_news):
    response = client.get(news_index.url + "archiv/2024/")
    assert response.status_code == 200
    assert titles(response) == ["PM 2024", "Nachricht 2024"]
    assert response.context["year"] == 2024
    assert [year for year, _url in response.context["archive"]] == [2025, 2024]
    html = response.content.decode()
    assert f'href="{news_index.url}archiv/2024/" aria-current="page">2024</a>' in html
    assert f'href="{news_index.url}archiv/2025/">2025</a>' in html
    # the filter form stays in the archive
    assert f'action="{news_index.url}archiv/2024/"' in html
    filtered = client.get(news_index.url + "archiv/2024/?art=pressemitteilung")
    assert titles(filtered) == ["PM 2024"]


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["2019", "2023", "0", "1800", "99999", "123456789012345678901"])
def test_year_archive_is_404_for_years_without_news(client, news_index, mixed_news, year):
    assert client.get(f"{news_index.url}archiv/{year}/").status_code == 404


@pytest.mark.django_db
def test_year_of_only_hidden_news_is_no_archive_year(client, news_index, hidden_news):
    for page in hidden_news:
        page.date = datetime.date(2023, 5, 5)
        page.save()
    assert client.get(news_index.url + "archiv/2023/").status_code == 404
    assert client.get(news_index.url).context["archive"] == []


@pytest.mark.django_db
def test_malformed_archive_paths_are_404(client, news_index, mixed_news):
    for path in ("archiv/", "archiv/zwanzig/", "archiv/2024/extra/", "archiv/-2024/"):
        assert client.get(news_index.url + path).status_code == 404, path


@pytest.mark.django_db
def test_index_shows_press_contact_and_feed_links(client, news_index, mixed_news):
    html = client.get(news_index.url).content.decode()
    assert "Erika Beispiel" in html
    head = html.split("</head>")[0]
    for route, mime in (
        ("feed/rss/", "application/rss+xml"),
        ("feed/atom/", "application/atom+xml"),
        ("presse/feed/rss/", "application/rss+xml"),
        ("presse/feed/atom/", "application/atom+xml"),
    ):
        assert f'<link rel="alternate" type="{mime}"' in head
        assert f'href="{news_index.url}{route}"' in head


@pytest.mark.django_db
def test_news_index_of_a_private_section_is_not_served_to_the_public(client, news_index):
    from wagtail.models import PageViewRestriction

    NewsPageFactory(parent=news_index)
    PageViewRestriction.objects.create(page=news_index, restriction_type="login")
    for path in ("", "feed/rss/", "presse/feed/atom/"):
        response = client.get(news_index.url + path)
        assert response.status_code == 302, path  # to the login page
