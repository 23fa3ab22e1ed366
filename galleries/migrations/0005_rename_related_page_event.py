from django.db import migrations


def rename_in_revisions(old, new):
    """Rename the key in the stored revisions of gallery pages, so drafts, scheduled
    revisions and the history keep the event (Wagtail reads revisions by field name)."""

    def rename(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Revision = apps.get_model("wagtailcore", "Revision")
        content_type = ContentType.objects.filter(
            app_label="galleries", model="gallerypage"
        ).first()
        if content_type is None:
            return
        for revision in Revision.objects.filter(content_type=content_type).iterator():
            if old in revision.content:
                revision.content[new] = revision.content.pop(old)
                revision.save(update_fields=["content"])

    return rename


class Migration(migrations.Migration):
    """`GalleryPage.related_page` held the event the pictures were taken at: it is called
    `event` now. A rename: the column keeps its values, the revisions the key."""

    dependencies = [
        ('galleries', '0004_remove_galleryimage_credit_licence'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.RenameField(
            model_name='gallerypage',
            old_name='related_page',
            new_name='event',
        ),
        migrations.RunPython(
            rename_in_revisions("related_page", "event"),
            rename_in_revisions("event", "related_page"),
        ),
    ]
