"""Testimonials in the admin: listed with German-friendly columns, searchable, filterable
by the active flag, created by editors with the order kept."""

import pytest
from django.urls import reverse
from django.utils import translation

from testimonials import models
from tests.factories import testimonials as factories

LIST = "wagtailsnippets_testimonials_testimonial:list"
ADD = "wagtailsnippets_testimonials_testimonial:add"


@pytest.fixture
def people(db):
    return [
        factories.TestimonialFactory(name="Erika Beispiel", organisation="Musterchemie GmbH"),
        factories.TestimonialFactory(name="Max Muster", organisation="Hochschule Beispielstadt"),
        factories.TestimonialFactory(name="Ina Inaktiv", organisation="Stadt Musterstadt",
                                     is_active=False),
    ]  # fmt: skip


def test_str_names_person_and_organisation():
    assert str(models.Testimonial(name="Erika Beispiel", organisation="Beispiel GmbH")) == (
        "Erika Beispiel (Beispiel GmbH)"
    )
    assert str(models.Testimonial(name="Erika Beispiel")) == "Erika Beispiel"
    assert models.Testimonial(role="Rektorin", organisation="Hochschule").attribution == (
        "Rektorin, Hochschule"
    )


@pytest.mark.django_db
def test_list_shows_columns_in_german(admin_client, people):
    with translation.override("de"):
        response = admin_client.get(reverse(LIST), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    html = response.content.decode()
    for person in people:
        assert person.name in html and person.organisation in html
    table = response.context["table"]
    assert [column.name for column in table.columns.values()][-4:] == [
        "name", "role", "organisation", "is_active",
    ]  # fmt: skip


@pytest.mark.django_db
def test_search_finds_by_organisation(admin_client, people):
    response = admin_client.get(reverse(LIST), {"q": "Musterchemie"})
    names = [obj.name for obj in response.context["object_list"]]
    assert names == ["Erika Beispiel"]


@pytest.mark.django_db
@pytest.mark.parametrize(("value", "expected"), [("true", 2), ("false", 1)])
def test_filter_by_active_flag(admin_client, people, value, expected):
    response = admin_client.get(reverse(LIST), {"is_active": value})
    objects = list(response.context["object_list"])
    assert len(objects) == expected
    assert all(obj.is_active is (value == "true") for obj in objects)


@pytest.mark.django_db
def test_editor_creates_a_testimonial_at_the_end_of_the_order(admin_client, people):
    response = admin_client.post(
        reverse(ADD),
        {
            "quote": "Das Netzwerk bringt uns weiter.",
            "name": "Neue Person",
            "role": "Vorstand",
            "organisation": "Beispiel AG",
            "portrait": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    created = models.Testimonial.objects.get(name="Neue Person")
    assert created.is_active
    assert created.sort_order == max(p.sort_order for p in people) + 1


@pytest.mark.django_db
def test_quote_and_name_are_required(admin_client):
    response = admin_client.post(reverse(ADD), {"quote": "", "name": "", "is_active": "on"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"quote", "name"}
    assert not models.Testimonial.objects.exists()


@pytest.mark.django_db
def test_edit_form_renders(admin_client, people):
    url = reverse("wagtailsnippets_testimonials_testimonial:edit", args=(people[0].pk,))
    response = admin_client.get(url)
    assert response.status_code == 200
    assert 'name="portrait"' in response.content.decode()
