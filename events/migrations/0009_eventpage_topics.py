from django.db import migrations, models


class Migration(migrations.Migration):
    """Topics are called `topics` in every app (metropolregion/topics.py): the event's
    `tags` are renamed, which changes no table (the tags stay in events_eventpagetag, and
    revisions store them under `tagged_items`). The teaser comes from
    metropolregion.pages.TeaserMixin now, with the help text news have."""

    dependencies = [
        ('events', '0008_online_url_help'),
    ]

    operations = [
        migrations.RenameField(
            model_name='eventpage',
            old_name='tags',
            new_name='topics',
        ),
        migrations.AlterField(
            model_name='eventpage',
            name='teaser',
            field=models.TextField(help_text='Two or three sentences for lists, feeds and search results.', max_length=500, verbose_name='Teaser'),
        ),
    ]
