# The image now comes from images.Image (same keys as wagtailimages.Image, see
# images/0002_copy_wagtail_images).

import django.db.models.deletion
from django.db import migrations, models

from metropolregion.images.copying import restore_missing_wagtail_images


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0004_registrations_group'),
        ('images', '0002_copy_wagtail_images'),
    ]

    operations = [
        migrations.AlterField(
            model_name='eventpage',
            name='image',
            field=models.ForeignKey(blank=True, help_text='Photographer and licence come with the image and are shown with it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='images.image', verbose_name='Image'),
        ),
        # Going back: images added since the switch return to Wagtail's table first.
        migrations.RunPython(migrations.RunPython.noop, restore_missing_wagtail_images),
    ]
