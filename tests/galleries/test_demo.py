"""The galleries demo: the association's events as galleries, newest first, with credited
generated pictures; running it again changes nothing."""

import io
import re

from demo import galleries as demo
from galleries.models import GalleryImage, GalleryIndexPage, GalleryPage
from metropolregion.models import HomePage


def test_demo_galleries_are_built_once_and_shown(client, demo_content):
    counts = (GalleryPage.objects.count(), GalleryImage.objects.count())
    out = io.StringIO()
    demo.build(
        out, HomePage.objects.get(depth=2, locale__language_code="de")
    )  # again, on the demo: nothing doubles
    assert "Bildergalerie" in out.getvalue()
    assert (GalleryPage.objects.count(), GalleryImage.objects.count()) == counts
    assert GalleryIndexPage.objects.get(locale__language_code="de").slug == "galerien"

    galleries = list(
        GalleryPage.objects.live().filter(locale__language_code="de").order_by("-date")
    )
    assert galleries[0].title == "5. Mitteldeutscher Wasserstoffkongress"
    zwickau = next(g for g in galleries if g.title == "Jahreskonferenz 2025 in Zwickau")
    assert zwickau.date.isoformat() == "2025-06-24"
    assert len(galleries) >= 3
    for gallery in galleries:
        pictures = list(gallery.gallery_images.all())
        assert 6 <= len(pictures) <= 9
        assert all(p.caption for p in pictures)
        # the photographer is the image's, typed without "Foto:" (the site adds it once)
        assert all(p.image.credit and not p.image.credit.startswith("Foto") for p in pictures)
        assert all(p.image.width == 1600 and p.image.height == 1067 for p in pictures)

    body_types = [
        block.block_type for block in HomePage.objects.get(depth=2, locale__language_code="de").body
    ]
    assert body_types.count("galleries") == 1

    index = client.get("/galerien/").content.decode()
    titles = re.findall(
        r'<h2 class="card__title"><a class="card__link" href="[^"]+">([^<]+)<', index
    )
    assert titles == [g.title for g in galleries]
    home = client.get("/").content.decode()
    assert "5. Mitteldeutscher Wasserstoffkongress" in home
