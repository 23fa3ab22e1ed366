"""Editors preview an event's registration form and both thank-you pages in the admin
(`RegistrationPageMixin.preview_modes`); a preview stores nothing. And the hub that puts
the person's registrations on "Mein Konto" without the membership app importing events."""

import pytest
from django.contrib.auth.models import User

from events.models import Registration
from events.registration_page import RegistrationPageMixin
from metropolregion import hubs
from tests.factories.events import EventPageFactory, berlin

pytestmark = pytest.mark.django_db

NOW = berlin(2025, 6, 1, 12, 0)


@pytest.fixture
def event(calendar_page, frozen):
    """An event that takes registrations on the site (the clock well before it)."""
    frozen(NOW)
    return EventPageFactory(
        parent=calendar_page, title="Jahreskonferenz", registration_mode="intern"
    )


def preview(event, mode):
    response = event.make_preview_request(preview_mode=mode)
    if hasattr(response, "render"):
        response.render()
    return response.status_code, response.content.decode()


def test_event_page_offers_the_registration_previews():
    modes = dict(RegistrationPageMixin.preview_modes)
    assert list(modes) == ["", "registration", "confirmed", "waitlisted"]


def test_preview_of_the_form_shows_the_fields_and_stores_nothing(event):
    status, html = preview(event, "registration")
    assert status == 200
    assert 'name="email"' in html and 'name="name"' in html
    assert "Jahreskonferenz" in html
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("mode", "heading"),
    [("confirmed", "Vielen Dank für Ihre Anmeldung"), ("waitlisted", "Warteliste")],
)
def test_preview_of_each_thank_you_page(event, mode, heading):
    status, html = preview(event, mode)
    assert status == 200
    assert heading in html
    assert Registration.objects.count() == 0


def test_preview_of_the_page_itself_is_the_event_page(event):
    status, html = preview(event, "")
    assert status == 200
    assert "Jahreskonferenz" in html and 'name="email"' not in html


def test_admin_offers_the_preview_modes(client, event):
    admin = User.objects.create_superuser("chefin", "chefin@example.org", "x")
    client.force_login(admin)
    html = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert "Anmeldeformular" in html
    assert "Dankeseite: Warteliste" in html


def test_hub_rejects_an_unknown_hub():
    with pytest.raises(ValueError, match="Unknown hub"):
        hubs.contribute("no_such_hub")


def test_hub_sections_come_in_order_and_keep_empty_ones(event):
    # The events app contributes to the working group hub (events/hubs.py) after its
    # own section; news follows. Empty lists are in the result: the page leaves them out.
    names = [section.name for section in hubs.sections("working_group", event, None)]
    assert names == ["events.hubs.upcoming_events", "news.hubs.latest_group_news"]
