from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and press")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import hubs  # noqa: F401  (contributions to other apps' pages)
