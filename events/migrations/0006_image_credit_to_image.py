# The photo credit of each event page moves onto its image (without a typed "Foto:"), from
# the page and from the latest draft, before 0007 removes the field. An image that has a
# credit already keeps it.

from django.db import migrations

from metropolregion.images.credits import credit_images, draft_contents


def credits_to_images(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    Image = apps.get_model("images", "Image")
    pages = EventPage.objects.exclude(image=None).exclude(image_credit="")
    live = [(image, credit, None) for image, credit in pages.values_list("image_id", "image_credit")]
    drafts = [
        (content.get("image"), content.get("image_credit") or "", None)
        for content in draft_contents(apps, EventPage)
    ]
    credit_images(Image, live + drafts)


def credits_to_pages(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    pages = list(EventPage.objects.exclude(image=None).select_related("image"))
    for page in pages:
        # the event template showed the field as it was typed, "Foto: …" included
        page.image_credit = f"Foto: {page.image.credit}" if page.image.credit else ""
    EventPage.objects.bulk_update(pages, ["image_credit"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0005_eventpage_image_model'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [migrations.RunPython(credits_to_images, credits_to_pages)]
