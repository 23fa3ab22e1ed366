"""Members in the admin: organisations and the member accounts linked to them.

Their snippet choosers (the pop-ups that list items to pick) show user names and every
organisation, the non-public ones too. Wagtail lets every admin user open a chooser, so
ours first check that the user may see the model at all (any of its add, change, delete
or view permissions): Mitgliederverwaltung and Administration may, editors and
registration staff get 403.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import MemberOrganisation, MemberProfile


class ModelPermissionRequired:
    """For chooser views: only users with a permission on the model get in."""

    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(self.model_class)
        if not policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseView(ModelPermissionRequired, chooser.ChooseView):
    pass


class ChooseResultsView(ModelPermissionRequired, chooser.ChooseResultsView):
    pass


class ChosenView(ModelPermissionRequired, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(ModelPermissionRequired, chooser.SnippetChosenMultipleView):
    pass


class CreateView(ModelPermissionRequired, chooser.SnippetCreateView):
    pass


class PermissionCheckedChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView


class MemberOrganisationViewSet(SnippetViewSet):
    model = MemberOrganisation
    chooser_viewset_class = PermissionCheckedChooserViewSet
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
    chooser_viewset_class = PermissionCheckedChooserViewSet
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
