"""The form-field component (metropolregion/forms.py, components/form_field.html): one
template for every field of the public forms, through Django's field templates, and the
honeypot field it hides."""

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from metropolregion.forms import HoneypotField, SiteForm


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


class ExampleForm(SiteForm):
    name = forms.CharField(label="Name", help_text="As on your badge.")
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea)
    consent = forms.BooleanField(label="I agree.")
    website = HoneypotField()


def test_a_field_group_is_the_site_component():
    form = ExampleForm()
    html = str(form["name"].as_field_group())
    assert '<div class="form-field">' in html
    assert (
        '<label class="form-field__label" for="id_name">Name '
        '<span class="form-field__marker">(required)</span></label>'
    ) in html
    assert '<div class="form-field__help" id="id_name_helptext">As on your badge.</div>' in html
    assert 'aria-describedby="id_name_helptext"' in html  # Django links the help text
    assert '<span class="form-field__marker">(optional)</span>' in str(
        form["notes"].as_field_group()
    )


def test_errors_are_linked_to_their_input():
    form = ExampleForm(data={"website": ""})
    assert not form.is_valid()
    html = str(form["name"].as_field_group())
    assert '<div class="form-field form-field--invalid">' in html
    assert '<div class="form-field__errors" id="id_name_error">' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html


def test_the_honeypot_is_hidden_and_never_shows_what_was_sent():
    form = ExampleForm(data={"name": "Erika", "consent": "on", "website": "http://spam"})
    assert form.is_valid()  # a filled-in honeypot is not an error: the page decides
    html = str(form["website"].as_field_group())
    assert '<div class="form-field form-field--trap" aria-hidden="true">' in html
    assert '<label for="id_website">Leave this field empty</label>' in html
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html
    assert "spam" not in html and "value=" not in html


def render(template, **context):
    return Template("{% load form_tags %}" + template).render(Context(context))


def test_a_check_box_comes_first_and_takes_the_pages_note_and_privacy_link():
    form = ExampleForm()
    html = render(
        '{% form_field form.consent note="Deleted after 30 days." privacy_url="/datenschutz/" %}',
        form=form,
    )
    assert '<div class="form-field form-field--check">' in html
    assert html.index('type="checkbox"') < html.index("<label")
    assert 'required id="id_consent"' in html
    assert (
        '<label class="form-field__label" for="id_consent">I agree. Deleted after 30 days. '
        '<a href="/datenschutz/">Privacy notice</a></label>'
    ) in html


def test_the_tag_renders_any_form_with_the_component():
    class PlainForm(forms.Form):  # not a SiteForm, e.g. Django's log-in form
        username = forms.CharField(label="User name")

    html = render("{% form_field form.username %}", form=PlainForm())
    assert '<label class="form-field__label" for="id_username">User name' in html
    assert "<div>" not in html  # not Django's own field template
