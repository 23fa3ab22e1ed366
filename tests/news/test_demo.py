"""The news demo content: an index with a press contact, the homepage's three news items
and enough others for three pages; building it twice changes nothing."""

import io

import pytest
from wagtail.images import get_image_model

from demo import news as demo
from demo import news as demo_texts
from metropolregion.models import HomePage, NavigationSettings
from news.models import NewsIndexPage, NewsPage
from news.queries import public_news


@pytest.mark.django_db
def test_demo_builds_the_news_section_idempotently(client, home_page, site):
    out = io.StringIO()
    index = demo.build(out, home_page)
    assert "News" in out.getvalue()
    images = get_image_model().objects.count()
    news_before = NewsPage.objects.count()
    index = demo.build(io.StringIO(), home_page)
    assert NewsIndexPage.objects.count() == 1
    assert NewsPage.objects.count() == news_before == len(demo_texts.NEWS) >= 23
    assert get_image_model().objects.count() == images  # pictures are found, not redrawn
    assert public_news(index).count() == len(demo_texts.NEWS)

    news = list(public_news(index))
    kinds = {page.kind for page in news}
    assert kinds == {"nachricht", "pressemitteilung"}
    assert {page.date.year for page in news} == {2024, 2025}
    assert sum(1 for page in news if page.image_id) >= 5
    assert all(page.image.credit in demo_texts.PHOTOGRAPHERS for page in news if page.image_id)
    assert index.press_contact[0].value["email"]

    response = client.get(index.url)
    assert response.context["news"].paginator.num_pages >= 3
    html = response.content.decode()
    assert "Staatssekretär Ude" in html  # the homepage's newest item comes first
    home = HomePage.objects.get(pk=home_page.pk)
    assert [block.block_type for block in home.body].count("news") == 1
    menu = NavigationSettings.for_site(site).main_menu
    assert [getattr(link.value["page"], "pk", None) for link in menu].count(index.pk) == 1
    home_html = client.get("/").content.decode()
    assert 'class="latest-news container"' in home_html and "Staatssekretär Ude" in home_html

    mint = NewsPage.objects.get(slug="mint-monat-september-2025")
    assert {tag.name for tag in mint.topics.all()} == {"Fachkräfte", "Innovation"}
    assert client.get(mint.url).status_code == 200


@pytest.mark.django_db
def test_demo_assigns_working_groups_that_exist(home_page):
    from tests.news.helpers import make_working_group

    group = make_working_group(home_page, title="Wasserstoff und Energie")
    index = demo.build(io.StringIO(), home_page)
    assigned = public_news(index).filter(working_group=group)
    expected = [item for item in demo_texts.NEWS if item["group"] == "energie"]
    assert assigned.count() == len(expected) >= 1
