"""NewsIndexPage and NewsPage: where they may be created, what the admin stores, how a news
page renders (date, kind, credit, topics, group, press contact, JSON-LD) and "Mehr News"."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from metropolregion.models import HomePage, SiteSettings
from news.models import NewsIndexPage, NewsPage
from news.queries import latest_news
from tests.factories import HomePageFactory, ImageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

from .helpers import make_working_group


class PageTreeRulesTest(WagtailPageTestCase):
    def test_news_index_lives_below_the_home_page_and_holds_news(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})

    def test_news_page_lives_below_the_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_home_page_offers_the_news_index(self):
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(Page, NewsIndexPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)


class AdminCreateTest(WagtailPageTestCase):
    """Post real data through the page editor and check what was stored."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory(parent=Page.get_first_root_node())
        cls.image = ImageFactory()

    def setUp(self):
        self.login()

    def news_index_data(self):
        return nested_form_data(
            {
                "title": "News und Presse",
                "slug": "news",
                "intro": "Neuigkeiten aus der Region.",
                "press_contact": streamfield(
                    [
                        (
                            "contact",
                            {
                                "name": "Erika Beispiel",
                                "role": "Pressesprecherin",
                                "phone": "+49 341 0000",
                                "email": "presse@example.org",
                                "note": "Werktags erreichbar.",
                            },
                        )
                    ]
                ),
            }
        )

    def test_create_news_index_with_press_contact(self):
        self.assertCanCreate(self.home, NewsIndexPage, self.news_index_data())
        index = NewsIndexPage.objects.get(slug="news", locale__language_code="de")
        contact = index.press_contact[0].value
        self.assertEqual(contact["name"], "Erika Beispiel")
        self.assertEqual(contact["email"], "presse@example.org")

    def news_page_data(self, index, group=None, **overrides):
        data = {
            "title": "Wasserstoff für die Region",
            "slug": "wasserstoff-fuer-die-region",
            "date": "2025-06-24",
            "kind": "pressemitteilung",
            "teaser": "Ein neues Netzwerk verbindet Erzeuger und Abnehmer.",
            "image": self.image.pk,
            "body": streamfield(
                [
                    (
                        "section",
                        {"heading": "Worum es geht", "text": rich_text("<p>Elektrolyse.</p>")},
                    ),
                    (
                        "call_to_action",
                        {
                            "heading": "Mitmachen",
                            "text": "",
                            "link": {"page": index.pk, "url": "", "label": ""},
                        },
                    ),
                ]
            ),
            "topics": "Wasserstoff, Strukturwandel",
            "working_group": group.pk if group else "",
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_create_news_page_with_image_topics_and_working_group(self):
        index = NewsIndexPageFactory(parent=self.home)
        group = make_working_group(self.home)
        self.assertCanCreate(index, NewsPage, self.news_page_data(index, group))
        page = NewsPage.objects.get(slug="wasserstoff-fuer-die-region")
        self.assertEqual(page.date, datetime.date(2025, 6, 24))
        self.assertTrue(page.is_press_release)
        self.assertEqual(page.image, self.image)
        self.assertEqual(
            sorted(tag.name for tag in page.topics.all()), ["Strukturwandel", "Wasserstoff"]
        )
        self.assertEqual(page.working_group_id, group.pk)
        self.assertEqual([block.block_type for block in page.body], ["section", "call_to_action"])

    def test_index_and_news_page_can_be_previewed(self):
        index = NewsIndexPageFactory(parent=self.home)
        page = NewsPageFactory(parent=index, kind="pressemitteilung", topics=["Wasserstoff"])
        self.assertPageIsPreviewable(index, post_data=self.news_index_data())
        self.assertPageIsPreviewable(page, post_data=self.news_page_data(index))

    def test_image_without_credit_is_refused_on_the_image_field(self):
        """The credit belongs to the image; an image from before it was required (no
        credit) is refused until it has one."""
        index = NewsIndexPageFactory(parent=self.home)
        url = reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk))
        uncredited = ImageFactory(credit="")
        response = self.client.post(url, self.news_page_data(index, image=uncredited.pk))
        self.assertEqual(response.status_code, 200)  # the form again, nothing saved
        self.assertFalse(NewsPage.objects.filter(slug="wasserstoff-fuer-die-region").exists())
        self.assertIn("image", response.context["form"].errors)


@pytest.mark.django_db
def test_only_an_image_with_a_credit_is_accepted(news_index):
    page = NewsPageFactory.build(image=ImageFactory(credit=""))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert list(error.value.message_dict) == ["image"]
    page.image.credit = "Jonas Exempel"
    page.clean()
    NewsPageFactory.build(image=None).clean()


@pytest.mark.django_db
def test_news_page_renders_date_kind_image_credit_topics_and_group(client, news_index):
    group = make_working_group(news_index.get_parent(), title="Wasserstoff und Energie")
    page = NewsPageFactory(
        parent=news_index,
        title="Elektrolyse im Chemiepark",
        slug="elektrolyse",
        date=datetime.date(2025, 6, 24),
        kind="nachricht",
        with_image=True,
        image__credit="Mia Probst",
        topics=["Wasserstoff"],
        working_group=group,
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<time datetime="2025-06-24">24. Juni 2025</time>' in html
    assert page.get_kind_display() in html
    assert "<picture>" in html
    assert html.count("Mia Probst") == 1 and "Foto: Mia Probst" in html
    assert '<h1 class="page-header__title">Elektrolyse im Chemiepark</h1>' in html
    assert f'href="{news_index.url}?thema=wasserstoff">Wasserstoff</a>' in html
    assert f'href="{group.url}">Wasserstoff und Energie</a>' in html
    assert 'id="press-contact-heading"' not in html  # a news item, not a press release


@pytest.mark.django_db
def test_press_release_shows_the_press_contact_of_the_index(client, news_index):
    page = NewsPageFactory(parent=news_index, kind="pressemitteilung")
    html = client.get(page.url).content.decode()
    assert 'id="press-contact-heading"' in html
    assert "Erika Beispiel" in html
    assert 'href="mailto:presse@example.org"' in html


@pytest.mark.django_db
def test_news_article_json_ld_is_complete_and_cannot_break_out(client, news_index, site):
    SiteSettings.objects.update_or_create(site=site, defaults={"organisation_name": "Verein & Co"})
    page = NewsPageFactory(
        parent=news_index,
        title="Grenzen </script><script>alert(1)</script>",
        date=datetime.date(2025, 1, 15),
        with_image=True,
    )
    html = client.get(page.url).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    articles = [json.loads(text) for text in scripts if "NewsArticle" in text]
    assert len(articles) == 1
    data = articles[0]
    assert data["headline"] == "Grenzen </script><script>alert(1)</script>"
    assert data["datePublished"] == "2025-01-15T00:00:00+01:00"
    assert data["dateModified"]
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Verein & Co",
        "url": "http://testserver/",
    }
    assert data["author"]["name"] == "Verein & Co"
    assert data["image"][0].startswith("http://testserver/")
    assert "<script>alert(1)" not in html
    assert "\\u003c/script\\u003e" in html


@pytest.mark.django_db
def test_more_news_by_shared_topic_or_group_newest_first(client, news_index, hidden_news):
    group = make_working_group(news_index.get_parent())
    page = NewsPageFactory(
        parent=news_index, slug="diese", topics=["Wasserstoff", "Mobilität"], working_group=group
    )
    day = datetime.date(2025, 5, 1)
    same_tag_old = NewsPageFactory(parent=news_index, date=day, topics=["Wasserstoff"])
    same_group = NewsPageFactory(
        parent=news_index, date=day + datetime.timedelta(days=3), working_group=group
    )
    both_topics = NewsPageFactory(
        parent=news_index,
        date=day + datetime.timedelta(days=2),
        topics=["Wasserstoff", "Mobilität"],
    )
    newest = NewsPageFactory(
        parent=news_index, date=day + datetime.timedelta(days=5), topics=["Mobilität"]
    )
    NewsPageFactory(parent=news_index, date=day + datetime.timedelta(days=9), topics=["Startups"])
    draft, private = hidden_news
    for hidden in (draft, private):
        hidden.topics.set(["Wasserstoff"])
        hidden.date = day + datetime.timedelta(days=30)
        hidden.save()

    related = client.get(page.url).context["related_news"]
    assert related == [newest, same_group, both_topics]  # three, newest first, no duplicates
    assert same_tag_old not in related and page not in related


@pytest.mark.django_db
def test_news_page_without_topics_or_group_has_no_more_news(client, news_index):
    page = NewsPageFactory(parent=news_index)
    NewsPageFactory(parent=news_index, topics=["Wasserstoff"])
    response = client.get(page.url)
    assert response.context["related_news"] == []
    assert 'id="news-related-heading"' not in response.content.decode()


@pytest.mark.django_db
def test_latest_news_of_a_working_group_for_its_hub(news_index, hidden_news):
    group = make_working_group(news_index.get_parent())
    other = make_working_group(news_index.get_parent(), title="Fachkräfte und Bildung")
    old = NewsPageFactory(parent=news_index, date=datetime.date(2024, 1, 1), working_group=group)
    new = NewsPageFactory(parent=news_index, date=datetime.date(2025, 1, 1), working_group=group)
    NewsPageFactory(parent=news_index, working_group=other)
    NewsPageFactory(parent=news_index)
    for hidden in hidden_news:
        hidden.working_group = group
        hidden.save()
    assert latest_news(3, working_group=group) == [new, old]
    assert latest_news(1, working_group=group.pk) == [new]
    assert group.news.count() == 4  # the reverse relation: drafts and private ones too
