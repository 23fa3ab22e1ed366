"""Testimonials in the admin: a snippet with search, an active filter and drag-and-drop order.

The model is translatable (TranslatableMixin), so Wagtail lists the testimonials of one
language at a time with a language switch, and wagtail-localize adds "Translate" and "Sync
translated snippets" to each row: editors translate a testimonial like a page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Testimonial


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "openquote"
    menu_label = _("Testimonials")
    menu_order = 300
    add_to_admin_menu = True
    list_display = [
        "name",
        "role",
        "organisation",
        BooleanColumn("is_active", label=_("Active")),
    ]
    list_filter = ["is_active"]
    search_fields = ["name", "role", "organisation", "quote"]
    search_backend_name = None  # a few dozen rows: search the database columns directly
    list_per_page = 50


register_snippet(TestimonialViewSet)
