"""Forms of "Mein Konto" (the log-in and password-reset forms are in auth_forms.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

NAME_LENGTH = 150  # as the User model's first_name and last_name


def _name_field(label, autocomplete):
    return forms.CharField(
        label=label,
        max_length=NAME_LENGTH,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
    )


class PersonalDataForm(forms.Form):
    """ "Meine Daten": the person's first and last name (the account's), used to greet
    them in mails and to fill in registration forms. The address is shown, not changed
    here: password resets go to it."""

    first_name = _name_field(_("First name"), "given-name")
    last_name = _name_field(_("Last name"), "family-name")

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {"first_name": user.first_name, "last_name": user.last_name})
        super().__init__(*args, **kwargs)
        self.user = user

    def _clean_name(self, name):
        value = self.cleaned_data[name]
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            raise forms.ValidationError(_("Please enter your name without control characters."))
        return value

    def clean_first_name(self):
        return self._clean_name("first_name")

    def clean_last_name(self):
        return self._clean_name("last_name")

    def save(self):
        self.user.first_name = self.cleaned_data["first_name"]
        self.user.last_name = self.cleaned_data["last_name"]
        self.user.save(update_fields=["first_name", "last_name"])
        return self.user
