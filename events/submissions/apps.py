from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventSubmissionsConfig(AppConfig):
    name = "events.submissions"
    label = "event_submissions"
    verbose_name = _("Reported events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from . import mail, retention
        from .signals import notify_published

        # The three mails go through the core's outbox; the reporters' details are a
        # holder in its retention registry.
        mail.register()
        retention.register()
        page_published.connect(notify_published, dispatch_uid="event_submissions_published")
