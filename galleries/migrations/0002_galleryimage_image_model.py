# The image now comes from images.Image (same keys as wagtailimages.Image, see
# images/0002_copy_wagtail_images).

import django.db.models.deletion
from django.db import migrations, models

from metropolregion.images.copying import restore_missing_wagtail_images


class Migration(migrations.Migration):

    dependencies = [
        ('galleries', '0001_initial'),
        ('images', '0002_copy_wagtail_images'),
    ]

    operations = [
        migrations.AlterField(
            model_name='galleryimage',
            name='image',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='images.image', verbose_name='Image'),
        ),
        # Going back: images added since the switch return to Wagtail's table first.
        migrations.RunPython(migrations.RunPython.noop, restore_missing_wagtail_images),
    ]
