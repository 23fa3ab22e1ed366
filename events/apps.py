from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from . import hubs  # noqa: F401  (contributions to other apps' pages)
        from .signals import fill_free_places

        page_published.connect(fill_free_places, dispatch_uid="events_fill_free_places")

        # Registration mails go through the core's outbox, with the rules' cancel link; the
        # registrations and their mails are holders in its retention registry.
        from . import mail, registration, retention

        mail.register_outbox(cancel_url=registration.cancel_url)
        retention.register_holders()
