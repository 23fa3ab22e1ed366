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

        # Registrants hear of a change or cancellation published for their event.
        from django.db.models.signals import pre_save

        from .changes import notify_registrants, remember_live_values
        from .models import EventPage

        pre_save.connect(
            remember_live_values, sender=EventPage, dispatch_uid="events_remember_live_values"
        )
        page_published.connect(
            notify_registrants, sender=EventPage, dispatch_uid="events_notify_registrants"
        )

        # Registration mails go through the core's outbox, with the rules' cancel link; the
        # registrations and their mails are holders in its retention registry.
        from . import mail, registration, retention

        mail.register_outbox(cancel_url=registration.cancel_url)
        retention.register_holders()

        # Rendered fragments (metropolregion.fragments): a registration or a date of a series
        # changes only what shows events (free places, dates); the partner calendars' import
        # log and the reports' personal part show nowhere (their events are pages).
        from metropolregion import fragments

        fragments.track("events.registration", "events.eventpage")
        fragments.track("events.eventoccurrence", "events.eventpage")
        for label in (
            "partner_feeds.partnerfeed",
            "partner_feeds.importedevent",
            "partner_feeds.importrun",
            "partner_feeds.importmessage",
            "event_submissions.eventsubmission",
        ):
            fragments.ignore(label)
