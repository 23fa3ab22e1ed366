"""The gallery teaser on the home page: newest or chosen galleries, validation, and what an
editor posts through the admin."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from galleries.blocks import GalleryTeaserBlock
from metropolregion.models import HomePage
from tests.factories import HomePageFactory
from tests.factories import testimonials as testimonial_factories
from tests.factories.galleries import GalleryIndexPageFactory, GalleryPageFactory

from .utils import add_pictures


def clean(**value):
    block = GalleryTeaserBlock()
    return block.clean(block.to_python({"heading": "Galerien", "count": 3, **value}))


def test_chosen_mode_needs_galleries():
    with pytest.raises(ValidationError) as error:
        clean(mode="chosen", galleries=[])
    assert "galleries" in error.value.block_errors


def test_newest_mode_needs_no_choice():
    assert clean(mode="newest", galleries=[])["mode"] == "newest"


@pytest.mark.parametrize("count", [0, 7])
def test_count_is_between_one_and_six(count):
    with pytest.raises(ValidationError) as error:
        clean(mode="newest", count=count)
    assert "count" in error.value.block_errors


def set_teaser(home, **value):
    home.body = json.dumps(
        [{"type": "galleries", "id": "t", "value": {"heading": "Bildergalerien", **value}}]
    )
    home.save_revision().publish()


def card_titles(html):
    return re.findall(r'<h3 class="card__title"><a class="card__link" href="[^"]+">([^<]+)<', html)


@pytest.fixture
def galleries(gallery_index, small_images):
    made = []
    for n, title in enumerate(["Eins", "Zwei", "Drei", "Vier"]):
        gallery = GalleryPageFactory(
            parent=gallery_index, title=title, date=datetime.date(2025, 1, 1 + n)
        )
        add_pictures(gallery, small_images, 2)
        made.append(gallery)
    draft = GalleryPageFactory(
        parent=gallery_index, title="Entwurf", date=datetime.date(2026, 1, 1)
    )
    draft.unpublish()
    private = GalleryPageFactory(
        parent=gallery_index, title="Intern", date=datetime.date(2026, 1, 2)
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return [*made, draft, private]


@pytest.mark.django_db
def test_newest_galleries_are_shown_newest_first(client, home_page, galleries):
    set_teaser(home_page, mode="newest", galleries=[], count=3)
    html = client.get("/").content.decode()
    assert card_titles(html) == ["Vier", "Drei", "Zwei"]
    assert 'href="/galerien/"' in html  # the link to all galleries


@pytest.mark.django_db
def test_chosen_galleries_in_the_editors_order_only_when_live(client, home_page, galleries):
    eins, zwei, _drei, vier, draft, private = galleries
    chosen = [zwei, draft, vier, private, eins]
    set_teaser(
        home_page,
        mode="chosen",
        galleries=[{"type": "item", "id": str(g.pk), "value": g.pk} for g in chosen],
        count=6,
    )
    assert card_titles(client.get("/").content.decode()) == ["Zwei", "Vier", "Eins"]
    set_teaser(
        home_page,
        mode="chosen",
        galleries=[{"type": "item", "id": str(g.pk), "value": g.pk} for g in chosen],
        count=2,
    )
    assert card_titles(client.get("/").content.decode()) == ["Zwei", "Vier"]


class AdminHomeBlocksTest(WagtailPageTestCase):
    """An editor adds both home-page blocks of this issue's apps through the page editor."""

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        home = HomePageFactory(parent=cls.root)
        index = GalleryIndexPageFactory(parent=home)
        cls.gallery = GalleryPageFactory(parent=index)
        cls.testimonial = testimonial_factories.TestimonialFactory()

    def setUp(self):
        self.login()

    def test_create_home_page_with_gallery_teaser_and_testimonials(self):
        def one(value):
            return {"count": 1, "0": {"deleted": "", "order": 0, "id": "", "value": value}}

        data = nested_form_data(
            {
                "title": "Start",
                "slug": "start-neu",
                "body": streamfield(
                    [
                        (
                            "galleries",
                            {
                                "heading": "Bildergalerien",
                                "mode": "chosen",
                                "galleries": one(self.gallery.pk),
                                "count": 3,
                            },
                        ),
                        (
                            "testimonials",
                            {
                                "heading": "Stimmen",
                                "mode": "chosen",
                                "testimonials": one(self.testimonial.pk),
                                "count": 2,
                            },
                        ),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.root, HomePage, data)
        page = HomePage.objects.get(slug="start-neu")
        teaser, quotes = page.body[0].value, page.body[1].value
        self.assertEqual(teaser["mode"], "chosen")
        self.assertEqual([g.pk for g in teaser["galleries"]], [self.gallery.pk])
        self.assertEqual([t.pk for t in quotes["testimonials"]], [self.testimonial.pk])
        self.assertEqual(quotes["count"], 2)
