"""Copy every image from Wagtail's own table into ours, with the same primary keys.

Keeping the keys keeps every reference valid: the foreign keys the content apps move to
`images.Image` in their next migration, and the ids StreamField blocks and rich text store.
Tags, the reference index (usage counts), the images' history and their search index entries
point at the image model through its content type; they are moved to the new one.
Renditions are not copied: they are made again on first use.

Afterwards the primary key sequence is set past the highest copied key (PostgreSQL;
SQLite's AUTOINCREMENT follows inserted keys by itself). Credits are empty here; the
content apps' next migrations move the credits their pages held onto the images.

Wagtail's table keeps its rows (nothing refers to them any more; the files are shared with
the copies), so the switch can be reversed: the content apps' migrations copy images added
since then back before their foreign keys return, and this one refreshes the others.
"""

from django.db import migrations

from metropolregion.images.copying import insert_missing, move_content_type

# The new columns of a copied image (the model's defaults).
NEW_COLUMNS = {"credit": "", "licence": "alle-rechte-vorbehalten", "source": ""}


def copy_to_our_model(apps, schema_editor):
    WagtailImage = apps.get_model("wagtailimages", "Image")
    Image = apps.get_model("images", "Image")
    insert_missing(schema_editor, WagtailImage, Image, NEW_COLUMNS)
    move_content_type(apps, WagtailImage, Image)


def copy_back_to_wagtails_model(apps, schema_editor):
    WagtailImage = apps.get_model("wagtailimages", "Image")
    Image = apps.get_model("images", "Image")
    fields = [f.attname for f in WagtailImage._meta.concrete_fields if not f.primary_key]
    rows = Image.objects.filter(id__in=WagtailImage.objects.values("id")).values("id", *fields)
    refreshed = [WagtailImage(**row) for row in rows.iterator()]
    WagtailImage.objects.bulk_update(refreshed, fields, batch_size=500)
    insert_missing(schema_editor, Image, WagtailImage)
    move_content_type(apps, Image, WagtailImage)


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(copy_to_our_model, copy_back_to_wagtails_model)]
