"""The error summary at the top of a form names each field as its label does, then the
error, and reads as German: "Name: …", and after a label that is a sentence the error as
the next sentence ("… gespeichert werden. Bitte stimmen …"), never "werden.: Bitte"."""

import datetime
import html
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from events.forms import RegistrationForm
from metropolregion import clock
from metropolregion.feedback.forms import FeedbackForm
from metropolregion.forms import error_summary_line
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.pages import FeedbackFormPageFactory


@pytest.mark.parametrize(
    ("label", "line"),
    [
        ("Name", "Name: Bitte ausfüllen."),
        ("Ihre Nachricht:", "Ihre Nachricht: Bitte ausfüllen."),
        ("Ich stimme zu.", "Ich stimme zu. Bitte ausfüllen."),
        ("Auf welcher Seite?", "Auf welcher Seite? Bitte ausfüllen."),
        ("Unbedingt!", "Unbedingt! Bitte ausfüllen."),
        ("  Name ", "Name: Bitte ausfüllen."),
    ],
)
def test_summary_line_after_labels_with_and_without_final_punctuation(label, line):
    assert error_summary_line(label, "Bitte ausfüllen.") == line


def summary_lines(response):
    """The text of each item of the page's error summary."""
    page = response.content.decode()
    start = page.index('id="form-errors"')
    summary = page[start : page.index("</ul>", start)]
    return [
        html.unescape(re.sub(r"<[^>]+>", "", item)).strip()
        for item in re.findall(r"<li>(.*?)</li>", summary, re.S)
    ]


def german(text):
    with translation.override("de"):
        return str(text)


def assert_reads_well(lines):
    assert lines
    for line in lines:
        assert not re.search(r"[.?!…:]:", line), line


@pytest.mark.django_db
def test_registration_summary_names_every_field_in_readable_german(client, home_page):
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page),
        start=clock.now() + datetime.timedelta(days=30),
        registration_mode="intern",
        capacity=20,
    )
    response = client.post(event.url + "anmeldung/", {"email": "kaputt"})
    assert response.status_code == 200
    fields = RegistrationForm.base_fields
    with translation.override("de"):
        required = gettext("This field is required.")
        invalid_email = gettext("Enter a valid email address.")
    lines = summary_lines(response)
    assert lines == [
        f"{german(fields['name'].label)}: {required}",
        f"{german(fields['email'].label)}: {invalid_email}",
        f"{german(fields['consent'].label)} {german(fields['consent'].error_messages['required'])}",
    ]
    assert lines[2].startswith("Ich bin einverstanden") and "werden. Bitte" in lines[2]
    assert_reads_well(lines)


@pytest.mark.django_db
def test_feedback_summary_after_labels_that_are_questions(client, home_page):
    page = FeedbackFormPageFactory(parent=home_page)
    page.save_revision().publish()
    response = client.post(page.url, {"email": "kaputt"})
    assert response.status_code == 200
    lines = summary_lines(response)
    barrier = german(FeedbackForm.base_fields["barrier"].label)
    assert barrier.endswith("?")
    assert lines[0].startswith(barrier + " ") and len(lines) == 4
    assert_reads_well(lines)
