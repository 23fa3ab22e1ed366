"""The form "Veranstaltung melden" is valid HTML (W3C Nu checker): empty, with errors
(on every field at once), and its thank-you page; likewise the calendar with its link."""

import pytest

from tests import html_validator
from tests.events.submissions.conftest import VALID, png

pytestmark = [pytest.mark.validator, pytest.mark.django_db]


def test_form_errors_and_thank_you_page_are_valid_html(client, calendar, form_url):
    documents = {
        "kalender": client.get(calendar.url).content,
        "formular": client.get(form_url).content,
    }
    errors = client.post(form_url, {"image": png(), "format": "vor-ort"})
    assert b'id="form-errors"' in errors.content
    documents["formular-fehler"] = errors.content
    thanks = client.post(form_url, VALID)
    assert thanks.status_code == 200 and b'id="form-errors"' not in thanks.content
    documents["danke"] = thanks.content
    results = html_validator.validate(documents)
    assert not any(result.errors for result in results.values()), html_validator.describe(results)
