from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    """The site's image model (WAGTAILIMAGES_IMAGE_MODEL): Wagtail's image with who made it,
    under which licence and until when it may be used."""

    name = "metropolregion.images"
    label = "images"
    verbose_name = _("Images")
    default_auto_field = "django.db.models.BigAutoField"
