"""Gallery list and gallery page: where they may be created, what they render, and what
the admin accepts (only credited images, no publishing without pictures)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from galleries.models import GalleryImage, GalleryIndexPage, GalleryPage
from metropolregion.images.models import Licence
from metropolregion.models import HomePage, StandardPage
from tests.factories import HomePageFactory, StandardPageFactory
from tests.factories.galleries import (
    GalleryImageFactory,
    GalleryIndexPageFactory,
    GalleryPageFactory,
    SmallImageFactory,
)

from .utils import add_galleries, add_pictures


class PageTreeRulesTest(WagtailPageTestCase):
    def test_gallery_list_only_below_the_home_page(self):
        self.assertAllowedParentPageTypes(GalleryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GalleryIndexPage, {GalleryPage})

    def test_gallery_only_below_a_gallery_list_and_without_children(self):
        self.assertAllowedParentPageTypes(GalleryPage, {GalleryIndexPage})
        self.assertAllowedSubpageTypes(GalleryPage, set())

    def test_home_page_offers_the_gallery_list(self):
        self.assertCanCreateAt(HomePage, GalleryIndexPage)
        self.assertCanNotCreateAt(HomePage, GalleryPage)
        self.assertCanNotCreateAt(StandardPage, GalleryIndexPage)


class AdminCreateTest(WagtailPageTestCase):
    """Post a gallery with pictures through the page editor and check what was stored."""

    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root)
        cls.index = GalleryIndexPageFactory(parent=cls.home, slug="galerien")
        cls.event = StandardPageFactory(parent=cls.home, title="Kongress", slug="kongress")
        cls.images = [SmallImageFactory(title=f"Bild {n}") for n in range(3)]

    def setUp(self):
        self.login()

    def gallery_data(self, pictures, slug="wasserstoffkongress", initial=0):
        return nested_form_data(
            {
                "title": "Wasserstoffkongress",
                "slug": slug,
                "date": "2025-09-16",
                "description": "Eindrücke vom Kongress.",
                "event": self.event.pk,
                "gallery_images": inline_formset(pictures, initial=initial),
            }
        )

    def pictures(self):
        return [
            {"image": self.images[2].pk, "caption": "Podium"},
            {"image": self.images[0].pk, "caption": ""},
        ]

    def add_url(self):
        return reverse("wagtailadmin_pages:add", args=("galleries", "gallerypage", self.index.pk))

    def test_editor_form_shows_the_picture_panel_and_the_event_chooser(self):
        response = self.client.get(self.add_url())
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('name="gallery_images-TOTAL_FORMS"', html)
        self.assertIn('name="event"', html)
        self.assertIn('id="id_gallery_images-__prefix__-caption"', html)
        # photographer and licence come with the image, not with the picture
        self.assertNotIn('id="id_gallery_images-__prefix__-credit"', html)
        self.assertNotIn('id="id_gallery_images-__prefix__-licence"', html)

    def test_create_and_publish_a_gallery_with_pictures(self):
        self.assertCanCreate(self.index, GalleryPage, self.gallery_data(self.pictures()))
        page = GalleryPage.objects.get(slug="wasserstoffkongress")
        self.assertTrue(page.live)
        self.assertEqual(page.date, datetime.date(2025, 9, 16))
        self.assertEqual(page.event.pk, self.event.pk)
        self.assertEqual(
            [(p.image_id, p.caption) for p in page.gallery_images.all()],
            [(self.images[2].pk, "Podium"), (self.images[0].pk, "")],
        )

    def test_image_without_credit_is_refused_with_the_field_named(self):
        """Images from before the credit was required may lack one: such a picture is
        refused on its image field until the image has its photographer."""
        pictures = self.pictures()
        pictures[1]["image"] = SmallImageFactory(credit="").pk
        data = self.gallery_data(pictures)
        data["action-publish"] = "action-publish"
        response = self.client.post(self.add_url(), data)
        self.assertEqual(response.status_code, 200)  # the form again, nothing saved
        self.assertFalse(GalleryPage.objects.filter(slug="wasserstoffkongress").exists())
        forms = response.context["form"].formsets["gallery_images"].forms
        self.assertEqual(forms[0].errors, {})
        self.assertEqual(list(forms[1].errors), ["image"])
        self.assertIn("Fotograf", forms[1].errors["image"][0])

    def test_uncredited_image_is_refused_in_drafts_too(self):
        pictures = self.pictures()
        pictures[0]["image"] = SmallImageFactory(credit="").pk
        response = self.client.post(self.add_url(), self.gallery_data(pictures))
        self.assertEqual(response.status_code, 200)
        self.assertIn("image", response.context["form"].formsets["gallery_images"].forms[0].errors)
        self.assertFalse(GalleryPage.objects.filter(slug="wasserstoffkongress").exists())

    def test_gallery_without_pictures_cannot_be_published(self):
        data = self.gallery_data([])
        data["action-publish"] = "action-publish"
        response = self.client.post(self.add_url(), data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(GalleryPage.objects.filter(slug="wasserstoffkongress").exists())
        errors = response.context["form"].formsets["gallery_images"].non_form_errors()
        with translation.override("de"):  # the editor's language, translated or not yet
            expected = translation.gettext(
                "Add at least one picture before publishing the gallery."
            )
        self.assertEqual([str(e) for e in errors], [expected])

    def test_gallery_without_pictures_may_be_saved_as_a_draft(self):
        response = self.client.post(self.add_url(), self.gallery_data([]))
        self.assertEqual(response.status_code, 302)
        page = GalleryPage.objects.get(slug="wasserstoffkongress")
        self.assertFalse(page.live)

    def test_removing_every_picture_of_a_live_gallery_cannot_be_published(self):
        self.assertCanCreate(self.index, GalleryPage, self.gallery_data(self.pictures()))
        page = GalleryPage.objects.get(slug="wasserstoffkongress")
        ids = [p.pk for p in page.gallery_images.all()]
        pictures = [
            {**p, "id": pk, "DELETE": "1"} for p, pk in zip(self.pictures(), ids, strict=True)
        ]
        data = self.gallery_data(pictures, initial=len(ids))
        data["action-publish"] = "action-publish"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
        self.assertEqual(response.status_code, 200)  # refused: the form again
        self.assertTrue(response.context["form"].formsets["gallery_images"].non_form_errors())
        self.assertEqual(GalleryImage.objects.filter(page=page).count(), 2)


@pytest.mark.django_db
def test_gallery_page_lists_exactly_its_pictures_in_order_with_credits(client, gallery_index):
    gallery = GalleryPageFactory(
        parent=gallery_index, title="Jahreskonferenz 2025", slug="jahreskonferenz",
        date=datetime.date(2025, 6, 24),
    )  # fmt: skip
    licences = [Licence.ALL_RIGHTS_RESERVED, Licence.CC_BY_SA, Licence.PRESS]
    for n, licence in enumerate(licences):
        image = SmallImageFactory(title=f"Bild {n}", credit=f"Beispiel {n}", licence=licence)
        GalleryImageFactory(
            page=gallery, image=image, sort_order=2 - n, caption=f"Unterschrift {n}"
        )
    other = GalleryPageFactory(parent=gallery_index, slug="andere")
    GalleryImageFactory(page=other, caption="Gehört woandershin", image__credit="Fremd")

    response = client.get("/galerien/jahreskonferenz/")
    assert response.status_code == 200
    html = response.content.decode()
    figures = re.findall(r'<figure class="gallery__figure">(.*?)</figure>', html, re.S)
    assert len(figures) == 3
    with translation.override("de"):
        press = str(Licence.PRESS.label)
    # In the caption the lightbox copies: the credit once, the licence linked where it has
    # a text to link to; "all rights reserved" is not repeated under every picture.
    expected = [
        (2, f"Foto: Beispiel 2 ({press})"),
        (1, 'Foto: Beispiel 1 (<a href="https://creativecommons.org/licenses/by-sa/4.0/deed.de"'
            ' rel="license">CC BY-SA 4.0</a>)'),
        (0, "Foto: Beispiel 0</small>"),
    ]  # fmt: skip
    for figure, (n, credit) in zip(figures, expected, strict=True):
        caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", figure, re.S).group(1)
        assert f"Unterschrift {n}" in caption
        assert credit in caption
        assert caption.count("Foto:") == 1
        assert "<picture>" in figure
    assert "Alle Rechte vorbehalten" not in html
    assert "Gehört woandershin" not in html and "Fremd" not in html
    assert '<h1 class="page-header__title">Jahreskonferenz 2025</h1>' in html
    assert '<time datetime="2025-06-24">24. Juni 2025</time>' in html


@pytest.mark.django_db
def test_thumbnails_are_plain_links_to_large_pictures_with_lightbox_data(client, gallery_index):
    gallery = GalleryPageFactory(parent=gallery_index, slug="messe")
    add_pictures(gallery, [SmallImageFactory(file__width=2400, file__height=1600)], 6)
    html = client.get("/galerien/messe/").content.decode()
    links = re.findall(r'<a class="gallery__link" ([^>]*)>', html)
    assert len(links) == 6
    for attributes in links:
        href = re.search(r'href="([^"]+)"', attributes).group(1)
        assert href.startswith("/media/images/") and href.endswith(".jpg")
        assert "max-1600x1600" in href
        assert re.search(r'data-lightbox-webp="[^"]+\.webp 1000w, [^"]+\.webp 1600w"', attributes)
        assert re.search(r'data-lightbox-jpeg="[^"]+\.jpg 1000w, [^"]+\.jpg 1600w"', attributes)
        assert 'data-lightbox-width="1600"' in attributes
        assert 'data-lightbox-height="1066"' in attributes
    # Thumbnails: AVIF, WebP and JPEG with sizes and dimensions; lazy after the first row.
    images = re.findall(r"<img [^>]*>", html.split('class="gallery__grid"', 1)[1])[:6]
    assert html.count('type="image/avif"') >= 6 and html.count('type="image/webp"') >= 6
    assert all('width="' in img and 'height="' in img for img in images)
    assert [('loading="lazy"' in img) for img in images] == [False] * 4 + [True] * 2
    # The script comes from our own origin, deferred, only on gallery pages.
    assert re.search(r'<script src="/static/js/lightbox\.js" defer></script>', html)
    assert "onclick" not in html and "style=" not in html
    assert '<template id="lightbox-template">' in html


@pytest.mark.django_db
def test_lightbox_script_is_not_loaded_on_other_pages(client, gallery_index):
    assert "lightbox.js" not in client.get("/galerien/").content.decode()
    assert "lightbox.js" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_related_event_is_linked_only_when_live(client, gallery_index, home_page):
    event = StandardPageFactory(parent=home_page, title="Kongress 2025", slug="kongress")
    gallery = GalleryPageFactory(parent=gallery_index, slug="kongress-bilder", event=event)
    add_pictures(gallery, [SmallImageFactory()], 1)
    html = client.get("/galerien/kongress-bilder/").content.decode()
    assert '<a href="/kongress/">Kongress 2025</a>' in html
    event.unpublish()
    html = client.get("/galerien/kongress-bilder/").content.decode()
    assert "Kongress 2025" not in html


def stem(image):
    """The start of every rendition file name of `image` (unique per uploaded file)."""
    return "/media/images/" + image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0] + "."


@pytest.mark.django_db
def test_index_lists_live_public_galleries_newest_first_with_cover_and_count(
    client, gallery_index, home_page
):
    images = [SmallImageFactory(title=f"Cover {n}") for n in range(3)]
    old = GalleryPageFactory(parent=gallery_index, title="Alt", date=datetime.date(2024, 10, 7))
    new = GalleryPageFactory(parent=gallery_index, title="Neu", date=datetime.date(2025, 9, 16))
    mid = GalleryPageFactory(parent=gallery_index, title="Mitte", date=datetime.date(2025, 6, 24))
    add_pictures(old, images, 2)
    add_pictures(new, images[1:], 5)
    add_pictures(mid, images, 1)
    draft = GalleryPageFactory(parent=gallery_index, title="Entwurf", live=False)
    private = GalleryPageFactory(parent=gallery_index, title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    add_pictures(draft, images, 1)
    add_pictures(private, images, 1)

    html = client.get("/galerien/").content.decode()
    titles = re.findall(
        r'<h2 class="card__title"><a class="card__link" href="([^"]+)">([^<]+)</a>', html
    )
    assert titles == [
        ("/galerien/" + new.slug + "/", "Neu"),
        ("/galerien/" + mid.slug + "/", "Mitte"),
        ("/galerien/" + old.slug + "/", "Alt"),
    ]
    cards = html.split('<article class="card">')[1:]
    assert '<p class="card__meta">16. September 2025</p>' in cards[0]
    assert re.search(r'<p class="card__text">5 \w+</p>', cards[0])
    assert re.search(r'<p class="card__text">1 \w+</p>', cards[1])
    # The cover is the first picture of each gallery.
    assert stem(images[1]) in cards[0] and stem(images[0]) in cards[1]
    assert "Entwurf" not in html and "Intern" not in html


@pytest.mark.django_db
def test_index_paginates_twelve_per_page(client, gallery_index, small_images):
    add_galleries(gallery_index, 14, small_images, pictures=1)
    first = client.get("/galerien/").content.decode()
    second = client.get("/galerien/?page=2").content.decode()
    assert first.count('<article class="card">') == 12
    assert second.count('<article class="card">') == 2
    assert 'rel="next"' in first and 'rel="prev"' in second
    assert client.get("/galerien/?page=abc").status_code == 200


@pytest.mark.django_db
def test_gallery_page_search_and_open_graph_use_its_content(client, gallery_index):
    gallery = GalleryPageFactory(
        parent=gallery_index, slug="og", description="Bilder vom Kongress."
    )
    add_pictures(gallery, [SmallImageFactory(file__width=1600, file__height=1000)], 2)
    html = client.get("/galerien/og/").content.decode()
    assert '<meta name="description" content="Bilder vom Kongress.">' in html
    assert 'property="og:image"' in html


@pytest.mark.django_db
def test_preview_shows_unsaved_pictures(gallery_index):
    gallery = GalleryPageFactory(parent=gallery_index, slug="vorschau")
    add_pictures(gallery, [SmallImageFactory()], 1)
    gallery.gallery_images = [
        GalleryImage(image=SmallImageFactory(), caption="Noch nicht gespeichert"),
        GalleryImage(image=SmallImageFactory(), caption="Zweites neues Bild"),
    ]
    response = gallery.make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<figure class="gallery__figure">') == 2
    assert html.index("Noch nicht gespeichert") < html.index("Zweites neues Bild")
    assert "Bildunterschrift 0" not in html  # the stored picture is not part of the draft


@pytest.mark.django_db
def test_site_search_finds_a_gallery_by_its_captions(client, gallery_index):
    gallery = GalleryPageFactory(parent=gallery_index, title="Messe", slug="messe-suche")
    gallery.gallery_images = [
        GalleryImage(image=SmallImageFactory(), caption="Podiumsgespräch über Elektrolyse"),
    ]
    gallery.save_revision().publish()
    results = list(GalleryPage.objects.live().search("Elektrolyse"))
    assert [page.pk for page in results] == [gallery.pk]
