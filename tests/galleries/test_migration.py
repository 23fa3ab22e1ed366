"""`GalleryPage.related_page` became `GalleryPage.event` (galleries 0005): the published
gallery and its stored revisions (drafts, history) keep the event, both ways."""

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from galleries.models import GalleryPage

BEFORE = [("galleries", "0004_remove_galleryimage_credit_licence")]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(targets).apps if targets else None


def add_gallery(apps, event):
    """A gallery row of the historical model with a draft revision (no treebeard here)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type, _ = ContentType.objects.get_or_create(app_label="galleries", model="gallerypage")
    gallery = apps.get_model("galleries", "GalleryPage").objects.create(
        title="Alt", draft_title="Alt", slug="alt-galerie", path="0001ZZZ9", depth=2,
        numchild=0, url_path="/alt-galerie/", content_type=content_type,
        locale=Locale.objects.first(), translation_key=uuid.uuid4(), date="2025-06-24",
        related_page_id=event.pk, has_unpublished_changes=True,
    )  # fmt: skip
    revision = Revision.objects.create(
        content_type=content_type, base_content_type=content_type, object_id=str(gallery.pk),
        object_str="Alt", created_at=timezone.now(),
        content={"pk": gallery.pk, "title": "Alt (Entwurf)", "related_page": event.pk},
    )  # fmt: skip
    return gallery.pk, revision.pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_galleries_and_their_revisions_keep_the_event(home_page):
    from wagtail.models import Revision

    try:
        gallery_pk, revision_pk = add_gallery(migrate(BEFORE), home_page)
    finally:
        migrate()
    gallery = GalleryPage.objects.get(pk=gallery_pk)
    assert gallery.event_id == home_page.pk
    content = Revision.objects.get(pk=revision_pk).content
    assert content["event"] == home_page.pk and "related_page" not in content
    assert Revision.objects.get(pk=revision_pk).as_object().event_id == home_page.pk

    try:
        migrate(BEFORE)
        assert "related_page" in Revision.objects.get(pk=revision_pk).content
    finally:
        migrate()
    assert Revision.objects.get(pk=revision_pk).content["event"] == home_page.pk
