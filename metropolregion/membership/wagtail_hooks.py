"""Members in the admin: organisations and the member accounts linked to them.

Their snippet choosers (the pop-ups that list items to pick) show user names and every
organisation, the non-public ones too. Wagtail lets every admin user open a chooser, so
ours first check that the user may see the model at all (any of its add, change, delete
or view permissions): Mitgliederverwaltung and Administration may, editors and
registration staff get 403.

Member accounts are kept with their logins (admin_forms.MemberAccountForm, rules in
accounts.py): the create form asks for name, address and organisation instead of offering
a list of every login; deleting a member account closes its login (accounts.close_login),
which the confirmation says.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import accounts
from .admin_forms import MemberAccountForm
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


class MemberAccountCreateView(snippet_views.CreateView):
    """Creates the member account with its login. The address is checked again when
    saving: a login given this address in the meantime (a second click on "Save", a
    colleague at the same moment) ends as an error on the address, not in a 500."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except accounts.AddressRefused as refusal:
            form.add_error("email", form.refusal_message(refusal))
        except IntegrityError:
            form.add_error(
                "email",
                _("A login with this address was saved a moment ago; please check the list."),
            )
        self.produced_error_code = "validation_error"
        self.produced_error_message = self.get_error_message()
        return self.form_invalid(form)

    def get_success_message(self, instance=None):
        instance = instance or self.object
        values = {"account": instance.user.get_username(), "organisation": instance.organisation}
        if self.form.login_created:
            message = gettext(
                "Member account “%(account)s” created. The person gets a mail with a link "
                "to choose a password."
            )
        elif self.form.access_mail_queued:
            message = gettext(
                "The existing login “%(account)s” is now a member account of "
                "%(organisation)s; the person gets a mail with a link to choose a password."
            )
        else:
            message = gettext(
                "The existing login “%(account)s” is now a member account of "
                "%(organisation)s; the person logs in with their password as before."
            )
        return message % values


class MemberAccountEditView(snippet_views.EditView):
    def get_success_message(self, instance=None):
        message = super().get_success_message(instance)
        if self.form.access_mail_queued:
            message = " ".join([message, gettext("The access mail is sent again.")])
        return message


class MemberAccountDeleteView(snippet_views.DeleteView):
    """Says what deleting does to the login (accounts.close_login)."""

    @property
    def confirmation_message(self):
        login = self.object.user
        values = {"account": login.get_username(), "organisation": self.object.organisation}
        if accounts.is_staff_login(login):
            return (
                gettext(
                    "The login “%(account)s” belongs to the office and stays as it is: deleting "
                    "this member account only removes its link to %(organisation)s."
                )
                % values
            )
        return (
            gettext(
                "Deleting this member account also deactivates the login “%(account)s” and "
                "removes it from the group Mitglieder: the person can no longer log in. "
                "Their registrations are kept."
            )
            % values
        )


class MemberProfileViewSet(SnippetViewSet):
    model = MemberProfile
    chooser_viewset_class = PermissionCheckedChooserViewSet
    add_view_class = MemberAccountCreateView
    edit_view_class = MemberAccountEditView
    delete_view_class = MemberAccountDeleteView
    copy_view_enabled = False  # a copy would be a second account of the same login
    icon = "user"
    menu_label = _("Member accounts")
    list_display = ["user", "organisation"]
    list_filter = ["organisation__type"]
    search_fields = [
        "user__username",
        "user__email",
        "user__first_name",
        "user__last_name",
        "organisation__name",
    ]
    search_backend_name = None
    list_per_page = 50
    # The fields are the form's (the login's name and address), not the model's: no
    # field lists the logins.
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [
                    FieldPanel("first_name", required_on_save=True),
                    FieldPanel("last_name", required_on_save=True),
                ]
            ),
            FieldPanel("email", required_on_save=True),
            FieldPanel("username"),
            FieldPanel("organisation"),
            FieldPanel("send_access_mail"),
        ],
        base_form_class=MemberAccountForm,
    )


class MembersViewSetGroup(SnippetViewSetGroup):
    items = (MemberOrganisationViewSet, MemberProfileViewSet)
    menu_icon = "group"
    menu_label = _("Members")
    menu_name = "members"
    menu_order = 310


register_snippet(MembersViewSetGroup)
