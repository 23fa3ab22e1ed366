"""HomePage and StandardPage: where they may be created, that they render, and that the
admin saves what an editor posts."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from metropolregion.models import FeedbackFormPage, HomePage, StandardPage
from tests.factories import HomePageFactory, ImageFactory, StandardPageFactory


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_only_below_the_tree_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_children_are_standard_and_index_pages(self):
        from events.models import EventIndexPage
        from galleries.models import GalleryIndexPage
        from news.models import NewsIndexPage
        from projects.models import ProjectIndexPage, WorkingGroupIndexPage

        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                FeedbackFormPage,
                ProjectIndexPage,
                WorkingGroupIndexPage,
                NewsIndexPage,
                GalleryIndexPage,
                EventIndexPage,
            },
        )

    def test_standard_page_below_home_or_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, FeedbackFormPage})

    def test_standard_page_cannot_be_created_at_the_root(self):
        root = Page.get_first_root_node()
        self.assertFalse(StandardPage.can_create_at(root))
        self.assertTrue(HomePage.can_create_at(root))


class AdminCreateTest(WagtailPageTestCase):
    """Post the real block types through the page editor and check what was stored."""

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.image = ImageFactory()

    def setUp(self):
        self.login()

    def home_page_data(self):
        return nested_form_data(
            {
                "title": "Neue Startseite",
                "slug": "neue-startseite",
                "body": streamfield(
                    [
                        (
                            "hero",
                            {
                                "tagline": "Mitteldeutschland bewegt",
                                "text": "Drei Länder, eine Region.",
                                "image": self.image.pk,
                                "image_alt": "Ein Testbild",
                                "link": {
                                    "page": "",
                                    "url": "https://example.org/",
                                    "label": "Mehr",
                                },
                            },
                        ),
                        (
                            "section",
                            {"heading": "Über die Region", "text": rich_text("<p>Viel Text.</p>")},
                        ),
                        (
                            "featured",
                            {
                                "heading": "Schwerpunkte",
                                "intro": "",
                                "items": {
                                    "count": 1,
                                    "0": {
                                        "deleted": "",
                                        "order": 0,
                                        "id": "",
                                        "value": {
                                            "image": "",
                                            "title": "Wasserstoff",
                                            "text": "Grüne Energie.",
                                            "link": {"page": self.root.pk, "url": "", "label": ""},
                                        },
                                    },
                                },
                            },
                        ),
                        (
                            "call_to_action",
                            {
                                "heading": "Mitglied werden",
                                "text": "Jetzt",
                                "link": {
                                    "page": "",
                                    "url": "https://example.org/m",
                                    "label": "Los",
                                },
                            },
                        ),
                        ("social", {"heading": "Folgen Sie uns", "text": ""}),
                    ]
                ),
            }
        )

    def test_create_home_page_with_every_block(self):
        self.assertCanCreate(self.root, HomePage, self.home_page_data())
        page = HomePage.objects.get(slug="neue-startseite")
        self.assertEqual(
            [block.block_type for block in page.body],
            ["hero", "section", "featured", "call_to_action", "social"],
        )
        hero = page.body[0].value
        self.assertEqual(hero["tagline"], "Mitteldeutschland bewegt")
        self.assertEqual(hero["image"], self.image)
        self.assertEqual(page.body[2].value["items"][0]["title"], "Wasserstoff")
        self.assertEqual(page.body[2].value["items"][0]["link"]["page"].pk, self.root.pk)

    def test_create_standard_page(self):
        home = HomePageFactory(parent=self.root)
        data = nested_form_data(
            {
                "title": "Impressum",
                "slug": "impressum",
                "intro": "Angaben zum Anbieter.",
                "body": streamfield(
                    [("section", {"heading": "Anbieter", "text": rich_text("<p>Verein</p>")})]
                ),
            }
        )
        self.assertCanCreate(home, StandardPage, data)
        page = StandardPage.objects.get(slug="impressum")
        self.assertEqual(page.intro, "Angaben zum Anbieter.")
        self.assertEqual(page.body[0].block_type, "section")
        self.assertIn("Verein", page.body[0].value["text"].source)

    def test_link_with_page_and_url_is_refused_with_a_message_on_the_field(self):
        data = self.home_page_data()
        data["body-3-value-link-page"] = str(self.root.pk)  # the call to action has a url too
        url = reverse("wagtailadmin_pages:add", args=("metropolregion", "homepage", self.root.pk))
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)  # form shown again, nothing saved
        self.assertFalse(HomePage.objects.filter(slug="neue-startseite").exists())
        errors = response.context["form"].errors
        self.assertIn("body", errors)
        self.assertIn("nicht beides", response.content.decode(), "the link error is not shown")


@pytest.mark.django_db
def test_home_page_renders_its_blocks(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    hero = home_page.body[0].value
    assert hero["tagline"] in html
    assert "<picture>" in html and "image/avif" in html and "image/webp" in html
    assert home_page.body[1].value["heading"] in html
    assert home_page.body[2].value["heading"] in html
    assert '<html lang="de"' in html


@pytest.mark.django_db
def test_standard_page_renders_with_breadcrumbs_and_german_date(client, home_page):
    page = StandardPageFactory(
        parent=home_page, title="Über uns", slug="ueber-uns", body__0="section"
    )
    page.save_revision().publish()
    response = client.get("/ueber-uns/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="page-header__title">Über uns</h1>' in html
    assert 'aria-label="Sie sind hier"' in html
    assert '<span aria-current="page">Über uns</span>' in html
    months = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ]
    assert any(month in html for month in months)


@pytest.mark.django_db
def test_unpublished_page_is_not_served(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="entwurf", live=False)
    assert not page.live
    assert client.get("/entwurf/").status_code == 404
