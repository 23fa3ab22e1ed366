"""The admin of partner calendars: a ModelViewSet ("Partnerkalender" in the menu) with
the import log and "Jetzt importieren" (views.py) for the Redaktion."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, ListingButton

from . import views
from .models import PartnerFeed


class FeedIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        return [
            ListingButton(
                _("Import log"),
                url=reverse("partnerkalender:log", args=[instance.pk]),
                icon_name="list-ul",
                priority=5,
            ),
            *super().get_list_more_buttons(instance),
        ]


class FeedEditView(generic.EditView):
    @property
    def header_more_buttons(self):
        return [
            Button(
                _("Import log"),
                url=reverse("partnerkalender:log", args=[self.object.pk]),
                icon_name="list-ul",
                priority=5,
            ),
            *super().header_more_buttons,
        ]


class PartnerFeedViewSet(ModelViewSet):
    """Partner calendars (ICS feeds) whose events are imported into the region's calendar."""

    model = PartnerFeed
    name = "partnerkalender"
    icon = "calendar-alt"
    menu_label = _("Partner calendars")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = FeedIndexView
    edit_view_class = FeedEditView
    form_fields = [
        "name",
        "url",
        "organiser_name",
        "organiser_url",
        "default_topics",
        "working_group",
        "needs_approval",
        "active",
    ]
    list_display = ["name", "organiser_name", "active", Column("last_status", label=_("Result"))]
    search_fields = ["name", "organiser_name", "url"]
    search_backend_name = None

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("log/<int:pk>/", views.feed_log, name="log"),
            path("import/<int:pk>/", views.import_now, name="import"),
            path("event/<int:pk>/hide/", views.hide_event, name="hide"),
        ]


@hooks.register("register_admin_viewset")
def register_viewset():
    return PartnerFeedViewSet()
