"""Staff views in the admin: who may see personal data, the list and its actions, adding
a person by hand, the CSV for German Excel, the printable list and the door check-in;
editors without the permission see counts only."""

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from events import registration as rules
from events.models import Registration
from tests.factories.events import EventPageFactory, berlin

pytestmark = pytest.mark.django_db
VIEWS = [
    "events_registrations",
    "events_registration_csv",
    "events_registration_print",
    "events_check_in",
]


@pytest.fixture
def event(calendar_page, frozen):
    frozen(berlin(2025, 6, 1, 12, 0))
    page = EventPageFactory(
        parent=calendar_page,
        title="Jahreskonferenz",
        registration_mode="intern",
        capacity=2,
        price=Decimal("120.50"),
    )
    for n, name in enumerate(["Anna Alt", '=HYPERLINK("x")', "Carla Neu"]):
        rules.register(
            page.pk,
            rules.Applicant(name=name, email=f"p{n}@example.org", organisation="Beispiel AG"),
        )
    return page


def user_in(group_name, username):
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def staff_client(client):
    client.force_login(user_in("Anmeldungen", "anmeldungen"))
    return client


@pytest.mark.parametrize("view", VIEWS)
def test_only_registration_staff_see_personal_data(client, event, view):
    url = reverse(view, args=[event.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login
    client.force_login(user_in("Redaktion", "redaktion"))
    refused = client.get(url)  # Wagtail sends editors back to the dashboard with a message
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    client.force_login(user_in("Anmeldungen", "anmeldungen"))
    response = client.get(url)
    assert response.status_code == 200
    assert "Anna Alt" in response.content.decode("utf-8-sig")


def test_editor_sees_counts_on_the_edit_page_but_no_names(client, event):
    editor = user_in("Redaktion", "redaktion")
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert "Bestätigt" in html and "Warteliste" in html
    assert "Anna Alt" not in html and "p0@example.org" not in html
    assert reverse("events_registrations", args=[event.pk]) not in html


def test_list_search_and_status_filter(staff_client, event):
    url = reverse("events_registrations", args=[event.pk])
    assert [r.name for r in staff_client.get(url + "?q=neu").context["registrations"]] == [
        "Carla Neu"
    ]
    waiting = staff_client.get(url + "?status=warteliste").context["registrations"]
    assert [r.name for r in waiting] == ["Carla Neu"]
    assert staff_client.get(url + "?status=unsinn&p=abc").status_code == 200


def act(client, event, registration, action):
    return client.post(
        reverse("events_registration_action", args=[event.pk]),
        {"registration": registration.pk, "action": action},
    )


def test_cancel_moves_the_waiting_list_up_and_check_in(staff_client, event):
    anna = Registration.objects.get(name="Anna Alt")
    carla = Registration.objects.get(name="Carla Neu")
    assert act(staff_client, event, carla, "promote").status_code == 302  # no free place
    carla.refresh_from_db()
    assert carla.status == "warteliste"
    act(staff_client, event, anna, "cancel")
    carla.refresh_from_db()
    assert carla.status == "bestaetigt"
    act(staff_client, event, carla, "check_in")
    carla.refresh_from_db()
    assert carla.checked_in_at is not None
    act(staff_client, event, carla, "undo_check_in")
    carla.refresh_from_db()
    assert carla.checked_in_at is None
    assert rules.counts(event)["confirmed"] == 2


def test_editor_cannot_act(client, event):
    client.force_login(user_in("Redaktion", "redaktion"))
    anna = Registration.objects.get(name="Anna Alt")
    refused = act(client, event, anna, "cancel")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    anna.refresh_from_db()
    assert anna.status == "bestaetigt"


def test_staff_add_a_person_who_joins_the_waiting_list_when_full(staff_client, event):
    url = reverse("events_registration_add", args=[event.pk])
    response = staff_client.post(
        url, {"name": "Dora Tür", "email": "dora@example.org", "organisation": ""}
    )
    assert response.status_code == 302
    assert Registration.objects.get(email="dora@example.org").status == "warteliste"
    response = staff_client.post(url, {"name": "", "email": "kaputt"})
    assert set(response.context["form"].errors) == {"name", "email"}


def test_csv_opens_in_german_excel(staff_client, event):
    response = staff_client.get(reverse("events_registration_csv", args=[event.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())  # the BOM Excel needs for UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Name", "E-Mail", "Organisation", "Status"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Anna Alt"][3] == "Bestätigt" and by_name["Anna Alt"][5] == "120,50"
    assert '\'=HYPERLINK("x")' in by_name  # a formula is defused
    assert by_name["Carla Neu"][3] == "Auf der Warteliste"


def test_publishing_more_places_moves_the_waiting_list_up(event):
    event.capacity = 3
    event.save_revision().publish()
    assert Registration.objects.get(name="Carla Neu").status == "bestaetigt"
