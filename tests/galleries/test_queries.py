"""Query counts: the gallery list, a gallery and the home-page teaser need the same number
of queries however many galleries or pictures there are."""

import json

import pytest

from tests.factories.galleries import GalleryPageFactory, SmallImageFactory

from .utils import add_galleries, add_pictures, count_queries


@pytest.mark.django_db
def test_gallery_list_queries_do_not_grow_with_the_galleries(client, gallery_index, small_images):
    add_galleries(gallery_index, 10, small_images)
    few = count_queries(client, "/galerien/")
    add_galleries(gallery_index, 90, small_images, pictures=7)
    html = client.get("/galerien/").content.decode()
    assert html.count('<article class="card">') == 12  # a full first page
    assert "Galerie 099" in html  # the newest first
    many = count_queries(client, "/galerien/")
    assert few == many
    assert count_queries(client, "/galerien/?page=9") == many


@pytest.mark.django_db
def test_gallery_list_loads_cover_renditions_in_bulk(client, gallery_index, small_images):
    add_galleries(gallery_index, 2, small_images)
    few = count_queries(client, "/galerien/", cold=True)
    add_galleries(gallery_index, 10, small_images)
    assert count_queries(client, "/galerien/", cold=True) == few


@pytest.mark.django_db
def test_gallery_queries_do_not_grow_with_its_pictures(client, gallery_index):
    """Every picture its own image: renditions must be loaded in bulk, not per picture."""
    small = GalleryPageFactory(parent=gallery_index, slug="klein")
    add_pictures(small, [SmallImageFactory() for _ in range(5)], 5)
    large = GalleryPageFactory(parent=gallery_index, slug="gross")
    add_pictures(large, [SmallImageFactory() for _ in range(50)], 50)
    html = client.get("/galerien/gross/").content.decode()
    assert html.count('<figure class="gallery__figure">') == 50
    assert count_queries(client, "/galerien/klein/") == count_queries(client, "/galerien/gross/")
    assert count_queries(client, "/galerien/klein/", cold=True) == count_queries(
        client, "/galerien/gross/", cold=True
    )


def teaser(mode, galleries=(), count=3):
    return {
        "type": "galleries",
        "id": f"teaser-{mode}",
        "value": {
            "heading": "Bildergalerien",
            "mode": mode,
            "galleries": [{"type": "item", "id": f"g{g.pk}", "value": g.pk} for g in galleries],
            "count": count,
        },
    }


def set_home_body(home, *blocks):
    home.body = json.dumps(list(blocks))
    home.save_revision().publish()


@pytest.mark.django_db
def test_home_teaser_queries_do_not_grow_with_galleries(
    client, home_page, gallery_index, small_images
):
    galleries = add_galleries(gallery_index, 10, small_images)
    set_home_body(home_page, teaser("newest", count=2), teaser("chosen", galleries[:1], count=6))
    few = count_queries(client, "/")
    more = galleries + add_galleries(gallery_index, 90, small_images, pictures=5)
    set_home_body(home_page, teaser("newest", count=6), teaser("chosen", more[::-15], count=6))
    html = client.get("/").content.decode()
    assert html.count('<article class="card">') == 12
    many = count_queries(client, "/")
    assert few == many
