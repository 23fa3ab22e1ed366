"""Fixtures for the galleries tests: a gallery list below the home page, shared images."""

import pytest

from tests.factories.galleries import GalleryIndexPageFactory, SmallImageFactory


@pytest.fixture
def gallery_index(home_page):
    return GalleryIndexPageFactory(parent=home_page, title="Bildergalerien", slug="galerien")


@pytest.fixture
def small_images(db):
    """A few small images shared by many galleries: few renditions, same queries."""
    return [SmallImageFactory(title=f"Galeriebild {n}") for n in range(3)]
