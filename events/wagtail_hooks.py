"""Admin integration of the events app: the staff views for registrations and a button on
event pages that leads there."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from . import admin_views, changes
from .choices import RegistrationMode
from .models import EventPage


@hooks.register("register_admin_urls")
def registration_urls():
    prefix = "events/<int:event_id>/anmeldungen/"
    return [
        path(
            "events/anmeldungen/",
            admin_views.registration_overview,
            name="events_registration_overview",
        ),
        path(prefix, admin_views.registration_list, name="events_registrations"),
        path(
            prefix + "aktion/", admin_views.registration_action, name="events_registration_action"
        ),
        path(prefix + "neu/", admin_views.registration_add, name="events_registration_add"),
        path(prefix + "export.csv", admin_views.registration_csv, name="events_registration_csv"),
        path(prefix + "drucken/", admin_views.registration_print, name="events_registration_print"),
        path(prefix + "einlass/", admin_views.check_in_view, name="events_check_in"),
    ]


@hooks.register("register_page_header_buttons")
def registrations_button(page, user, view_name, next_url=None):
    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page
    if (
        isinstance(specific, EventPage)
        and specific.registration_mode == RegistrationMode.INTERNAL
        and user.has_perm(admin_views.VIEW)
    ):
        yield Button(
            _("Registrations"),
            reverse("events_registrations", args=[page.pk]),
            icon_name="list-ul",
            priority=40,
        )


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW)


@hooks.register("register_admin_menu_item")
def registrations_menu_item():
    """The group Anmeldungen starts here: every event with registration on this site."""
    return RegistrationsMenuItem(
        _("Registrations"),
        reverse("events_registration_overview"),
        icon_name="list-ul",
        order=250,
    )


@hooks.register("after_publish_page")
def tell_editor_who_is_informed(request, page):
    """After publishing a change or cancellation of an event: how many registrants get a
    mail about it (events.changes)."""
    changed, cancelled = changes.announced().pop(page.pk, (0, 0))
    if cancelled:
        messages.info(
            request,
            ngettext(
                "%(count)s registered person will be informed about the cancellation.",
                "%(count)s registered people will be informed about the cancellation.",
                cancelled,
            )
            % {"count": cancelled},
        )
    if changed:
        messages.info(
            request,
            ngettext(
                "%(count)s registered person will be informed about the change.",
                "%(count)s registered people will be informed about the change.",
                changed,
            )
            % {"count": changed},
        )
