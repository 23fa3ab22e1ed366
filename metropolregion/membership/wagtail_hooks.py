"""Members in the admin: organisations and the member accounts linked to them."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import MemberOrganisation, MemberProfile


class MemberOrganisationViewSet(SnippetViewSet):
    model = MemberOrganisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = [
        "name",
        "type",
        BooleanColumn("active", label=_("Active")),
        BooleanColumn("public", label=_("In the directory")),
    ]
    list_filter = ["type", "active", "public"]
    search_fields = ["name"]
    search_backend_name = None  # about eighty rows: search the column directly
    list_per_page = 50


class MemberProfileViewSet(SnippetViewSet):
    model = MemberProfile
    icon = "user"
    menu_label = _("Member accounts")
    list_display = ["user", "organisation"]
    list_filter = ["organisation__type"]
    search_fields = ["user__username", "user__email", "organisation__name"]
    search_backend_name = None
    list_per_page = 50


class MembersViewSetGroup(SnippetViewSetGroup):
    items = (MemberOrganisationViewSet, MemberProfileViewSet)
    menu_icon = "group"
    menu_label = _("Members")
    menu_name = "members"
    menu_order = 310


register_snippet(MembersViewSetGroup)
