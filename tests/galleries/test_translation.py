"""The pictures of a gallery are translatable (galleries 0006-0008): wagtail-localize
makes the captions segments of the gallery page, the English gallery gets pictures of its
own with English captions, and the pictures that existed before the change were paired
with their translations by their place in the gallery."""

import importlib
import uuid

import pytest
from django.apps import apps
from wagtail.models import Locale

from galleries.models import GalleryImage
from tests.factories.galleries import GalleryImageFactory, GalleryIndexPageFactory
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db
CAPTIONS = {"Begrüßung im Saal": "Welcome in the hall", "Podium am Nachmittag": "Afternoon panel"}


@pytest.fixture
def gallery(home_page):
    index = GalleryIndexPageFactory(parent=home_page)
    first = GalleryImageFactory(page__parent=index, caption="Begrüßung im Saal", sort_order=0)
    GalleryImageFactory(page=first.page, caption="Podium am Nachmittag", sort_order=1)
    translate(home_page, lambda text: text, slug="home")
    translate(index, lambda text: text, slug="galleries")
    return first.page


def english_strings(text):
    return CAPTIONS.get(text, text)


def test_the_english_gallery_has_english_captions(client, gallery):
    english = translate(gallery, english_strings, slug="gallery").instance
    assert [p.caption for p in english.gallery_images.all()] == list(CAPTIONS.values())
    assert {p.locale.language_code for p in english.gallery_images.all()} == {"en"}
    german = [p.caption for p in gallery.gallery_images.all()]
    assert german == list(CAPTIONS)  # the German pictures keep theirs
    html = client.get(english.url).content.decode()
    assert "Welcome in the hall" in html and "Begrüßung im Saal" not in html
    # Each English picture is the translation of the German one at its place.
    pairs = {p.translation_key: p.caption for p in GalleryImage.objects.filter(page=gallery)}
    for picture in english.gallery_images.all():
        assert CAPTIONS[pairs[picture.translation_key]] == picture.caption


def test_a_gallery_copied_in_its_own_language_gets_pictures_of_its_own(gallery):
    copy = gallery.copy(update_attrs={"slug": "kopie", "title": "Kopie"})
    assert copy.gallery_images.count() == 2
    keys = set(GalleryImage.objects.values_list("translation_key", flat=True))
    assert len(keys) == 4  # no picture shares its key with the original's


def test_the_migration_pairs_the_pictures_that_existed_by_their_place(gallery):
    english = translate(gallery, english_strings, slug="gallery").instance
    # As before the change: every picture with a key of its own (and the wrong locale).
    german_locale = Locale.objects.get(language_code="de")
    for picture in GalleryImage.objects.all():
        GalleryImage.objects.filter(pk=picture.pk).update(
            translation_key=uuid.uuid4(), locale=german_locale
        )
    migration = importlib.import_module(
        "galleries.migrations.0007_bootstrap_galleryimage_translations"
    )
    migration.bootstrap(apps, None)
    german = list(GalleryImage.objects.filter(page=gallery).order_by("sort_order"))
    translated = list(GalleryImage.objects.filter(page=english).order_by("sort_order"))
    assert [p.translation_key for p in german] == [p.translation_key for p in translated]
    assert len({p.translation_key for p in german}) == 2
    assert {p.locale.language_code for p in translated} == {"en"}
