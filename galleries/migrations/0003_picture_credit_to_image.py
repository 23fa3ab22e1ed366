# Credit and licence of each gallery picture move onto its image (without a typed "Foto:"),
# from the pictures and from the latest drafts, before 0004 removes the fields. An image that
# has a credit already keeps it and its licence.
#
# The check constraint goes first, so that going back fills the credits in again (below)
# before the constraint returns.

from django.db import migrations

from metropolregion.images.credits import credit_images, draft_contents


def credits_to_images(apps, schema_editor):
    GalleryPage = apps.get_model("galleries", "GalleryPage")
    GalleryImage = apps.get_model("galleries", "GalleryImage")
    Image = apps.get_model("images", "Image")
    live = list(
        GalleryImage.objects.order_by("page_id", "sort_order", "pk").values_list(
            "image_id", "credit", "licence"
        )
    )
    drafts = [
        (picture.get("image"), picture.get("credit") or "", picture.get("licence"))
        for content in draft_contents(apps, GalleryPage)
        for picture in content.get("gallery_images") or []
    ]
    credit_images(Image, live + drafts)


def credits_to_pictures(apps, schema_editor):
    GalleryImage = apps.get_model("galleries", "GalleryImage")
    pictures = list(GalleryImage.objects.select_related("image"))
    for picture in pictures:
        picture.credit = f"Foto: {picture.image.credit or 'unbekannt'}"[:150]
        picture.licence = picture.image.licence
    GalleryImage.objects.bulk_update(pictures, ["credit", "licence"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('galleries', '0002_galleryimage_image_model'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='galleryimage',
            name='galleries_picture_has_credit',
        ),
        migrations.RunPython(credits_to_images, credits_to_pictures),
    ]
