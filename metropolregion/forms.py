"""The site's forms render every field with one component, templates/components/form_field.html,
through Django's field templates: `{{ field.as_field_group }}` for a `SiteForm`, or
`{% form_field field … %}` (metropolregion/templatetags/form_tags.py) for any form and
when the page adds something to a check box's label (the privacy notice of a consent).

A honeypot field (`HoneypotField`) is a text box people never see: the component hides
it, and its input never shows a value sent back; a form treats a filled-in one as spam.
"""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

FIELD_TEMPLATE = "components/form_field.html"


# A label that ends like a sentence is a sentence ("Ich bin einverstanden, … werden.").
SENTENCE_END = (".", "?", "!", "…")


def error_summary_line(label, error):
    """A field's line in a form's error summary: its label as the field shows it, then the
    error. "Name: Bitte geben Sie …"; after a label that is a sentence the error is the next
    sentence ("… gespeichert werden. Bitte stimmen Sie …"), never "werden.: Bitte"."""
    label = str(label).strip()
    if label.endswith(SENTENCE_END):
        return f"{label} {error}"
    return f"{label.rstrip(':').rstrip()}: {error}"


class SiteFormRenderer(TemplatesSetting):
    """Renders with the project's templates (settings.TEMPLATES; Django's own form
    templates come from the `django.forms` app); a field as the site's field component."""

    field_template_name = FIELD_TEMPLATE


class HoneypotInput(forms.TextInput):
    """A text box for bots: out of the keyboard's way, never auto-filled, never
    pre-filled with what was sent."""

    is_honeypot = True  # the field component hides it from people and screen readers

    def __init__(self, attrs=None):
        super().__init__({"tabindex": "-1", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        return None


class HoneypotField(forms.CharField):
    widget = HoneypotInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Leave this field empty"))
        super().__init__(**kwargs)


class SiteForm(forms.Form):
    """A public form of the site: its fields render as the site's field component."""

    default_renderer = SiteFormRenderer
