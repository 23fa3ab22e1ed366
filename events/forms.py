"""The registration form of an event page: the fields every registration needs, the
event's optional questions, consent to the privacy notice and a honeypot field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from metropolregion.forms import HoneypotField, SiteForm

HONEYPOT = "website"


class RegistrationForm(SiteForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send the confirmation and a link to cancel to this address."),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    notes = forms.CharField(
        label=_("Notes"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    dietary_needs = forms.CharField(label=_("Dietary needs"), max_length=300, required=False)
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        max_length=300,
        required=False,
        help_text=_("For example a wheelchair place, sign language or an induction loop."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my data are stored to organise this event."),
        error_messages={
            "required": _("Please agree to the storage of your data, or we cannot register you.")
        },
    )
    # A field people never see; bots fill it in.
    website = HoneypotField()

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        for name, asked in (
            ("notes", event.ask_notes),
            ("dietary_needs", event.ask_dietary_needs),
            ("accessibility_needs", event.ask_accessibility_needs),
        ):
            if not asked:
                del self.fields[name]
        for name in ("name", "organisation", "notes", "dietary_needs", "accessibility_needs"):
            if name in self.fields:
                self.fields[name].strip = True

    def clean_name(self):
        name = self.cleaned_data["name"]
        if any(ord(ch) < 32 for ch in name):
            raise forms.ValidationError(_("Please enter your name without control characters."))
        return name

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT))
