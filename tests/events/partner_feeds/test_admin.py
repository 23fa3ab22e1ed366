"""The Redaktion registers a feed, imports it on demand (through the task queue) and hides
one imported event, in the real admin (Django's test client)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from events.models import EventPage
from events.partner_feeds.models import ImportedEvent, PartnerFeed
from metropolregion import roles
from tests.factories.membership import UserFactory

from .conftest import calendar, vevent

pytestmark = pytest.mark.django_db

EVENT = vevent("messe@zwickau.example", "Ausbildungsmesse Zwickau", LOCATION="Zwickau")


@pytest.fixture
def redaktion(client):
    user = UserFactory(username="redaktion")
    user.groups.add(Group.objects.get(name=roles.REDAKTION))
    client.force_login(user)
    return user


def test_redaktion_adds_a_feed_and_imports_it(
    client, redaktion, feed_server, calendar_page, now, no_server_errors
):
    url = feed_server.serve("/feed.ics", calendar(EVENT))
    assert client.get(reverse("partnerkalender:index")).status_code == 200
    response = client.post(
        reverse("partnerkalender:add"),
        {
            "name": "Stadt Zwickau",
            "url": url,
            "organiser_name": "Stadt Zwickau",
            "organiser_url": "https://www.zwickau.example/",
            "default_topics": "Bildung",
            "needs_approval": "",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    feed = PartnerFeed.objects.get(name="Stadt Zwickau")

    response = client.post(reverse("partnerkalender:import", args=[feed.pk]), follow=True)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Ausbildungsmesse Zwickau" in content  # in the log and the list of events
    page = EventPage.objects.get(title="Ausbildungsmesse Zwickau")
    assert page.live and page.organiser_name == "Stadt Zwickau"

    mapping = ImportedEvent.objects.get()
    hide = reverse("partnerkalender:hide", args=[mapping.pk])
    client.post(hide, {"action": "hide"})
    page.refresh_from_db()
    mapping.refresh_from_db()
    assert mapping.hidden and not page.live


def test_the_import_needs_the_permission(client, feed_server, make_feed):
    feed = make_feed(feed_server.serve("/feed.ics", calendar(EVENT)))
    user = UserFactory(username="anmeldungen")
    user.groups.add(Group.objects.get(name=roles.ANMELDUNGEN))
    client.force_login(user)
    # Wagtail's admin sends a user without the permission back to the dashboard.
    assert client.post(reverse("partnerkalender:import", args=[feed.pk])).status_code in (302, 403)
    assert client.get(reverse("partnerkalender:log", args=[feed.pk])).status_code in (302, 403)
    assert client.get(reverse("partnerkalender:index")).status_code in (302, 403)
    assert not feed.runs.exists()


def test_the_add_form_refuses_a_non_http_address(client, redaktion):
    response = client.post(
        reverse("partnerkalender:add"),
        {"name": "X", "url": "file:///etc/passwd", "organiser_name": "X"},
    )
    assert response.status_code == 200
    assert not PartnerFeed.objects.exists()
