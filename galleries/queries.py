"""Querysets for galleries, each in a constant number of queries however many galleries or
pictures there are.

Used by the page models and by the home-page block. The blocks module is imported while
the core app's models load, before this app's models exist, so models are looked up
through the app registry when a function runs.
"""

from django.apps import apps
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.images import get_image_model

from metropolregion.navigation import active_locale
from metropolregion.privacy import public
from metropolregion.translations import chosen_in_active_language, same_page


def _model(name):
    return apps.get_model("galleries", name)


def live_galleries():
    """Live galleries outside private sections (one query for view restrictions)."""
    return public(_model("GalleryPage").objects.live())


def with_card_data(galleries):
    """Annotate `galleries` with `cover_image_id` (the first picture's image) and
    `image_count`, as subqueries of the one query that loads them."""
    pictures = _model("GalleryImage").objects.filter(page=OuterRef("pk"))
    first = pictures.order_by("sort_order", "pk").values("image_id")[:1]
    count = pictures.order_by().values("page").annotate(n=Count("pk")).values("n")
    return galleries.annotate(
        cover_image_id=Subquery(first),
        image_count=Coalesce(Subquery(count, output_field=IntegerField()), Value(0)),
    )


def attach_covers(galleries):
    """The galleries as a list, each with `cover` set to its cover image (or None); the
    images and their renditions are loaded in two queries."""
    galleries = list(galleries)
    ids = {gallery.cover_image_id for gallery in galleries if gallery.cover_image_id}
    images = get_image_model().objects.prefetch_renditions().in_bulk(ids) if ids else {}
    for gallery in galleries:
        gallery.cover = images.get(gallery.cover_image_id)
    return galleries


def newest_galleries(limit):
    """The `limit` newest live, public galleries of the active language, with covers."""
    galleries = live_galleries().filter(locale=active_locale()).order_by("-date", "-pk")
    return attach_covers(with_card_data(galleries)[:limit])


def chosen_galleries(ids, limit):
    """The live, public galleries among `ids` in the reader's language (each gallery or its
    translation; galleries without one are left out), in the order given, at most `limit`."""
    return attach_covers(chosen_in_active_language(with_card_data(live_galleries()), ids)[:limit])


def gallery_pictures(page):
    """A gallery's pictures in order, with images and their renditions (two queries; in a
    preview the pictures come from the unsaved revision and only images are loaded)."""
    pictures = list(page.gallery_images.all())
    ids = {picture.image_id for picture in pictures}
    images = get_image_model().objects.prefetch_renditions().in_bulk(ids) if ids else {}
    for picture in pictures:
        image = images.get(picture.image_id)
        if image is not None:
            picture.image = image
    return [picture for picture in pictures if picture.image_id in images]


def gallery_index_url():
    """The address of the live gallery list of the active language, or ""."""
    indexes = public(_model("GalleryIndexPage").objects.live())
    index = indexes.filter(locale=active_locale()).order_by("path").first()
    return index.url if index is not None else ""


def galleries_of_event(event):
    """The live, public galleries taken at `event`, in its language, newest first, with
    covers (an English gallery may still name the German event)."""
    galleries = live_galleries().filter(same_page("event", event))
    return attach_covers(with_card_data(galleries.order_by("-date", "-pk")))
