from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class MetropolregionConfig(AppConfig):
    name = "metropolregion"
    verbose_name = _("Metropolregion (core)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import Locale

        from . import cache, checks  # noqa: F401 (checks register themselves)
        from .navigation import forget_locales

        cache.connect_signals()
        # Rendered blocks, menus and footers, cached by what they show.
        from . import fragments

        fragments.connect_signals()
        from . import site_lookup

        site_lookup.connect_signals()
        # A page just published: its pictures' renditions are made in the worker.
        from . import renditions

        renditions.connect_signals()
        # The core's own outbox and holders of personal data (the apps add theirs).
        from . import feedback, login_attempts

        feedback.register()
        login_attempts.register()
        # The staff roles follow metropolregion/roles.py after every migrate.
        from .roles import sync_after_migrate

        post_migrate.connect(sync_after_migrate, dispatch_uid="metropolregion_sync_roles")

        post_save.connect(forget_locales, sender=Locale, dispatch_uid="forget_locales_save")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="forget_locales_delete")
