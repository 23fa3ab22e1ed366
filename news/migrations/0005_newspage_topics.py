from django.db import migrations


class Migration(migrations.Migration):
    """Topics are called `topics` in every app (metropolregion/topics.py): the news item's
    `tags` are renamed, which changes no table (the tags stay in news_newspagetag, and
    revisions store them under `tagged_items`)."""

    dependencies = [
        ('news', '0004_remove_newspage_image_credit'),
    ]

    operations = [
        migrations.RenameField(
            model_name='newspage',
            old_name='tags',
            new_name='topics',
        ),
    ]
