from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('galleries', '0003_picture_credit_to_image'),
    ]

    operations = [
        # blank=True changes no column; it only lets going back add the column again with ""
        # (0003 then fills it in) on databases that rebuild the table, like SQLite.
        migrations.AlterField(
            model_name='galleryimage',
            name='credit',
            field=models.CharField(blank=True, help_text='Who took the picture, e.g. “Foto: Erika Beispiel”. Required.', max_length=150, verbose_name='Credit'),
        ),
        migrations.RemoveField(
            model_name='galleryimage',
            name='credit',
        ),
        migrations.RemoveField(
            model_name='galleryimage',
            name='licence',
        ),
    ]
