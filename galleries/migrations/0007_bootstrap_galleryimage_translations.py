"""Give every picture that exists the locale of its gallery page and a translation key
shared with the picture at the same place in the same gallery in the other language
(derived from the page's translation key and the picture's position), so that
wagtail-localize finds the English gallery's pictures as translations of the German ones
(step 2 of Wagtail's pattern for adding TranslatableMixin to an existing model)."""

import uuid

from django.db import migrations

NAMESPACE = uuid.UUID("6f1c1a52-9a0e-4b7e-8f57-0d6e6b1f3a10")


def bootstrap(apps, schema_editor):
    GalleryImage = apps.get_model("galleries", "GalleryImage")
    pictures = GalleryImage.objects.select_related("page").order_by("page_id", "sort_order", "pk")
    position, page_id = 0, None
    for picture in pictures:
        position = position + 1 if picture.page_id == page_id else 0
        page_id = picture.page_id
        picture.locale_id = picture.page.locale_id
        picture.translation_key = uuid.uuid5(
            NAMESPACE, f"{picture.page.translation_key}:{position}"
        )
        picture.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):

    dependencies = [
        ("galleries", "0006_galleryimage_locale_fields"),
    ]

    operations = [
        migrations.RunPython(bootstrap, migrations.RunPython.noop),
    ]
