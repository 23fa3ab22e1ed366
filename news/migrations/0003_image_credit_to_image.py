# The photo credit of each news page moves onto its image (without a typed "Foto:"), from
# the page and from the latest draft, before 0004 removes the field. An image that has a
# credit already keeps it.

from django.db import migrations

from metropolregion.images.credits import credit_images, draft_contents


def credits_to_images(apps, schema_editor):
    NewsPage = apps.get_model("news", "NewsPage")
    Image = apps.get_model("images", "Image")
    pages = NewsPage.objects.exclude(image=None).exclude(image_credit="")
    live = [(image, credit, None) for image, credit in pages.values_list("image_id", "image_credit")]
    drafts = [
        (content.get("image"), content.get("image_credit") or "", None)
        for content in draft_contents(apps, NewsPage)
    ]
    credit_images(Image, live + drafts)


def credits_to_pages(apps, schema_editor):
    NewsPage = apps.get_model("news", "NewsPage")
    pages = list(NewsPage.objects.exclude(image=None).select_related("image"))
    for page in pages:
        page.image_credit = page.image.credit  # the news template said "Foto:" itself
    NewsPage.objects.bulk_update(pages, ["image_credit"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0002_newspage_image_model'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [migrations.RunPython(credits_to_images, credits_to_pages)]
