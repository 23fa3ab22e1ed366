"""Helpers for the galleries tests: many galleries and pictures quickly, query counting."""

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from galleries.models import GalleryImage
from tests.factories.galleries import GalleryPageFactory


def add_pictures(gallery, images, count, start=0):
    """`count` pictures for `gallery` (one bulk insert), cycling through `images`."""
    GalleryImage.objects.bulk_create(
        [
            GalleryImage(
                page=gallery,
                locale_id=gallery.locale_id,  # bulk_create skips the pre_save that sets it
                image=images[(start + n) % len(images)],
                caption=f"Bildunterschrift {start + n}",
                sort_order=start + n,
            )
            for n in range(count)
        ]
    )


def add_galleries(index, count, images, pictures=3):
    """`count` live galleries below `index`, each with `pictures` pictures."""
    start = index.get_children().count()
    galleries = [
        GalleryPageFactory(parent=index, title=f"Galerie {start + n:03d}", slug=f"g-{start + n}")
        for n in range(count)
    ]
    GalleryImage.objects.bulk_create(
        [
            GalleryImage(
                page=gallery,
                locale_id=gallery.locale_id,
                image=images[(i + n) % len(images)],
                caption=f"Bild {n}",
                sort_order=n,
            )
            for i, gallery in enumerate(galleries)
            for n in range(pictures)
        ]
    )
    return galleries


def count_queries(client, url, cold=False):
    """Queries of a second request to `url` (the first creates renditions and caches).

    `cold=True` empties the caches in between, so renditions come from the database: a
    missing prefetch then shows as one query per picture."""
    assert client.get(url).status_code == 200
    if cold:
        for alias in settings.CACHES:
            caches[alias].clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)
