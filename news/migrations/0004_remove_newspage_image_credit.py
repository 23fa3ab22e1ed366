from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0003_image_credit_to_image'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='newspage',
            name='image_credit',
        ),
    ]
