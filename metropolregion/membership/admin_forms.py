"""The admin's form of a member account ("Mitgliedskonten"), so that the Mitgliederverwaltung
keeps the logins of members without any right on users (metropolregion.roles) and never
sees a list of logins.

- Create: first and last name, address, member organisation. A new address gets a login
  (user name = the address), in Mitglieder, with no password and the access mail to
  choose one; the address of a member login without a member account links that login.
  The address of a staff login, or of a login that has a member account, is refused on
  the address field (the rules are in accounts.py).
- Edit: user name and address read-only, the name and the organisation editable, and
  "send the access mail again" while the person has not chosen a password. A staff login
  linked as a member account keeps its name (only the Administration changes it).
"""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import accounts
from .auth_forms import username_max_length
from .forms import NAME_LENGTH

REFUSALS = {
    accounts.STAFF_LOGIN: _(
        "This address belongs to a login of the office; please ask the Administration."
    ),
    accounts.SEVERAL_LOGINS: _("Several logins have this address; please ask the Administration."),
}


def _has_control_characters(value):
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in value)


class MemberAccountForm(WagtailAdminModelForm):
    """Creates a member account with its login, or edits one (see the module)."""

    first_name = forms.CharField(label=_("First name"), max_length=NAME_LENGTH)
    last_name = forms.CharField(label=_("Last name"), max_length=NAME_LENGTH)
    email = forms.EmailField(
        label=_("Email"),
        help_text=_(
            "The person logs in with this address as their username. A new login gets "
            "a mail with a link to choose a password; an existing member login with this "
            "address is linked instead."
        ),
    )
    username = forms.CharField(label=_("Username"), required=False, disabled=True)
    send_access_mail = forms.BooleanField(
        label=_("Send the access mail again"),
        required=False,
        help_text=_(
            "The person has not chosen a password yet. Tick this to send a new link "
            "(the old one may have expired)."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.login_created = False
        self.access_mail_queued = False
        limit = username_max_length()  # the address becomes the user name
        email = self.fields["email"]
        email.max_length = limit
        email.validators.append(MaxLengthValidator(limit))
        email.widget.attrs.update(maxlength=limit, autocomplete="off")
        if self.is_new:
            del self.fields["username"], self.fields["send_access_mail"]
            return
        login = self.instance.user
        self.initial.update(
            username=login.get_username(),
            email=login.email,
            first_name=login.first_name,
            last_name=login.last_name,
        )
        email.disabled, email.required = True, False
        email.help_text = _(
            "Username and address are changed by the Administration. To end the "
            "membership of this person, delete this member account: their login is "
            "then deactivated and leaves the group Mitglieder; their registrations are kept."
        )
        if accounts.is_staff_login(login):
            for name in ("first_name", "last_name"):
                self.fields[name].disabled = True
                self.fields[name].required = False
                self.fields[name].help_text = _(
                    "A login of the office: its name is changed by the Administration."
                )
            email.help_text = _(
                "A login of the office: deleting this member account only removes its "
                "link to the organisation."
            )
        if not accounts.may_get_access_mail(login):
            del self.fields["send_access_mail"]

    @property
    def is_new(self):
        return self.instance.pk is None

    def _clean_name(self, name):
        value = self.cleaned_data[name]
        if _has_control_characters(value):
            raise forms.ValidationError(
                _("Please enter the name without control characters."), code="invalid"
            )
        return value

    def clean_first_name(self):
        return self._clean_name("first_name")

    def clean_last_name(self):
        return self._clean_name("last_name")

    def clean_email(self):
        email = self.cleaned_data["email"]
        if not self.is_new:
            return email
        email = accounts.normalise_email(email)
        try:
            accounts.login_to_link(email)  # checked again when saving
        except accounts.AddressRefused as refusal:
            raise forms.ValidationError(
                self.refusal_message(refusal), code=refusal.reason
            ) from None
        return email

    @staticmethod
    def refusal_message(refusal):
        if refusal.reason == accounts.HAS_MEMBER_ACCOUNT:
            profile = refusal.login.member_profile
            return _(
                "This address already has a member account (%(organisation)s): "
                "change the organisation there."
            ) % {"organisation": profile.organisation}
        return REFUSALS[refusal.reason]

    def save(self, commit=True):
        new = self.is_new
        profile = super().save(commit=False)
        data = self.cleaned_data
        if new:
            profile.user, self.login_created = accounts.open_login(
                data["email"], data["first_name"], data["last_name"]
            )
        elif not self.fields["first_name"].disabled:
            accounts.rename_login(profile.user, data["first_name"], data["last_name"])
        if commit:
            profile.save()
            self.save_m2m()
        if (new or data.get("send_access_mail")) and accounts.may_get_access_mail(profile.user):
            accounts.send_access_mail(profile.user)
            self.access_mail_queued = True
        return profile
