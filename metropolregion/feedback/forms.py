"""The feedback form's fixed fields (what, where, optional name and address, consent) and
a honeypot field."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metropolregion.forms import HoneypotField, SiteForm

HONEYPOT = "website"


class FeedbackForm(SiteForm):
    barrier = forms.CharField(
        label=gettext_lazy("What is the barrier?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Please describe what did not work or was hard to use."),
    )
    page_url = forms.CharField(
        label=gettext_lazy("On which page?"),
        max_length=500,
        help_text=gettext_lazy("The address (URL) or the title of the page."),
    )
    name = forms.CharField(
        label=gettext_lazy("Your name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=gettext_lazy("Only if you would like an answer."),
    )
    consent = forms.BooleanField(
        label=gettext_lazy("I agree that my details are stored to deal with my report."),
        error_messages={
            "required": gettext_lazy(
                "Please agree to the storage of your details, or we cannot take your report."
            )
        },
    )
    # A field people never see; bots fill it in.
    website = HoneypotField()

    def __init__(self, *args, page=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        for name in ("barrier", "page_url", "name"):
            self.fields[name].strip = True

    def clean(self):
        cleaned = super().clean()
        for name in ("page_url", "name"):
            if any(ord(ch) < 32 for ch in cleaned.get(name) or ""):
                self.add_error(name, _("Please enter this without control characters."))
        return cleaned

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT))

    @classmethod
    def data_fields(cls):
        """(name, label) of the stored fields, in the form's order."""
        return [(name, field.label) for name, field in cls.base_fields.items() if name != HONEYPOT]
