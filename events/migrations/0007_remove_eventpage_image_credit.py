from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0006_image_credit_to_image'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='eventpage',
            name='image_credit',
        ),
    ]
