"""The Redaktion previews an event's registration form and both thank-you pages in the
admin (RegistrationPageMixin.preview_modes), as editors do before they publish; the
preview stores no registration."""

import pytest

from events.models import EventPage, Registration

from .conftest import log_in_as_editor

pytestmark = pytest.mark.browser

MODES = {
    "Anmeldeformular": "Anmelden",
    "Dankeseite: Platz bestätigt": "Vielen Dank für Ihre Anmeldung",
    "Dankeseite: Warteliste": "Sie stehen auf der Warteliste",
}


def test_editor_previews_the_registration_form_and_thank_you_pages(demo_site, page, editor):
    event = EventPage.objects.filter(registration_mode="intern", live=True).order_by("pk").first()
    registrations = Registration.objects.count()
    log_in_as_editor(page, demo_site)
    page.goto(demo_site + f"/admin/pages/{event.pk}/edit/")
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1").first.wait_for()
    for label, heading in MODES.items():
        page.locator("#id_preview_mode").select_option(label=label)
        expect_heading = preview.locator("h1", has_text=heading)
        expect_heading.first.wait_for()
        if label == "Anmeldeformular":
            assert preview.locator("input[name='email']").count() == 1
    assert Registration.objects.count() == registrations
