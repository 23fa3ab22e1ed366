from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GalleriesConfig(AppConfig):
    name = "galleries"
    verbose_name = _("Galleries")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from . import hubs  # noqa: F401  (contributions to other apps' pages)
        from .models import GalleryPage
        from .signals import reindex_published_gallery

        page_published.connect(reindex_published_gallery, sender=GalleryPage)
