"""The switch to images.Image on a database that has content: the images keep their keys
(and tags), the credits the pages held move onto them without "Foto:", and new images are
numbered after the copied ones. Migrates back to before the switch, adds old-style content
with the historical models, and migrates forward again."""

import datetime
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.images import get_image_model

from events.models import EventPage
from galleries.models import GalleryImage
from news.models import NewsPage
from tests.factories import ImageFactory

# The last migration of each app before the switch (images: none at all).
BEFORE = [
    ("images", None),
    ("news", "0001_initial"),
    ("events", "0004_registrations_group"),
    ("galleries", "0001_initial"),
    ("projects", "0001_initial"),
    ("testimonials", "0001_initial"),
    ("membership", "0001_initial"),
]
KEY = 4711  # far above anything the migrations create: the keys must survive the copy


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    if targets is None:
        return None
    return executor.loader.project_state([t for t in targets if t[1]]).apps


def add_page(apps, model, n, **fields):
    """A page row of the historical `model` below the root (no treebeard in migrations)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=model._meta.app_label, model=model._meta.model_name
    )
    slug = f"alt-{model._meta.model_name}"
    return model.objects.create(
        title=slug, draft_title=slug, slug=slug, path=f"0001ZZZ{n}", depth=2, numchild=0,
        url_path=f"/{slug}/", content_type=content_type, locale=Locale.objects.first(),
        translation_key=uuid.uuid4(), **fields,
    )  # fmt: skip


def old_content(apps):
    Collection = apps.get_model("wagtailcore", "Collection")
    ContentType = apps.get_model("contenttypes", "ContentType")
    WagtailImage = apps.get_model("wagtailimages", "Image")
    Revision = apps.get_model("wagtailcore", "Revision")
    root = Collection.objects.get(depth=1)

    def image(pk):
        return WagtailImage.objects.create(
            pk=pk, title=f"Altbild {pk}", file=f"original_images/alt-{pk}.png", width=40,
            height=30, collection=root, focal_point_x=10, focal_point_y=12,
            focal_point_width=5, focal_point_height=6, file_hash=f"{pk:040d}",
        )  # fmt: skip

    article, event, gallery, draft = (image(KEY + n) for n in range(4))
    Tag = apps.get_model("taggit", "Tag")
    apps.get_model("taggit", "TaggedItem").objects.create(
        tag=Tag.objects.create(name="Landschaft", slug="landschaft"),
        content_type=ContentType.objects.get_or_create(app_label="wagtailimages", model="image")[0],
        object_id=article.pk,
    )
    news = add_page(
        apps, apps.get_model("news", "NewsPage"), 1, date=datetime.date(2025, 6, 24),
        teaser="Alt", image=article, image_credit="Foto: Erika Teststein",
    )  # fmt: skip
    # a draft that changed the image and typed another credit
    revision = Revision.objects.create(
        content_type=news.content_type, base_content_type=news.content_type,
        object_id=str(news.pk), object_str="alt", created_at=timezone.now(),
        content={"image": draft.pk, "image_credit": "Photo: Dora Draft"},
    )  # fmt: skip
    apps.get_model("news", "NewsPage").objects.filter(pk=news.pk).update(
        has_unpublished_changes=True, latest_revision=revision
    )
    start = timezone.now()
    add_page(
        apps, apps.get_model("events", "EventPage"), 2, start=start, end=start, city="Halle",
        teaser="Alt", image=event, image_credit="Foto:Eva Teststein",
    )  # fmt: skip
    page = add_page(
        apps, apps.get_model("galleries", "GalleryPage"), 3, date=datetime.date(2025, 6, 24)
    )
    apps.get_model("galleries", "GalleryImage").objects.create(
        page=page, image=gallery, sort_order=0, caption="Podium",
        credit="Foto: Gero Galerie", licence="cc-by-4.0",
    )  # fmt: skip


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_images_keep_their_keys_and_get_the_credits_of_their_pages():
    try:
        old_content(migrate(BEFORE))
    finally:
        migrate()

    Image = get_image_model()
    article = Image.objects.get(pk=KEY)
    assert (article.title, article.credit, article.file.name) == (
        f"Altbild {KEY}",
        "Erika Teststein",
        f"original_images/alt-{KEY}.png",
    )
    assert (article.focal_point_x, article.focal_point_height, article.file_hash) == (
        10, 6, f"{KEY:040d}"
    )  # fmt: skip
    assert list(article.tags.names()) == ["Landschaft"]
    assert NewsPage.objects.get(slug="alt-newspage").image == article
    assert EventPage.objects.get(slug="alt-eventpage").image.credit == "Eva Teststein"
    picture = GalleryImage.objects.get(caption="Podium")
    assert (picture.image_id, picture.image.credit, picture.image.licence) == (
        KEY + 2, "Gero Galerie", "cc-by-4.0"
    )  # fmt: skip
    assert Image.objects.get(pk=KEY + 3).credit == "Dora Draft"  # from the draft
    assert ImageFactory().pk > KEY + 3  # the key sequence continues after the copies
