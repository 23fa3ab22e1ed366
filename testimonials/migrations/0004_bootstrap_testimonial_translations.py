"""Give the testimonials that exist a locale (the default language, German) and a
translation key of their own, so that they can become translatable (step 2 of Wagtail's
pattern for adding TranslatableMixin to an existing model)."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):

    dependencies = [
        ("testimonials", "0003_testimonial_locale_fields"),
    ]

    operations = [
        BootstrapTranslatableModel("testimonials.Testimonial"),
    ]
