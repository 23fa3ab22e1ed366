"""The repetition of an event in the page editor, as the Redaktion uses it: words and
dates in, an RFC 5545 rule stored, the dates written; every mistake named at its field."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventPage
from metropolregion.clock import BERLIN
from tests.factories.events import EventPageFactory, berlin
from tests.factories.membership import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(username="redakteurin")
    user.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(user)
    return user


def form_data(**overrides):
    data = {
        "title": "Stammtisch Wasserstoff",
        "slug": "stammtisch",
        "start": "2026-10-13 19:00",
        "end": "2026-10-13 21:00",
        "status": "geplant",
        "format": "vor-ort",
        "venue": "Café Central",
        "street": "",
        "postcode": "",
        "city": "Leipzig",
        "online_url": "",
        "own_event": "on",
        "organiser_name": "",
        "organiser_url": "",
        "teaser": "Wer an Wasserstoff arbeitet, trifft sich einmal im Monat.",
        "body": streamfield([]),
        "programme": streamfield([]),
        "documents": streamfield([]),
        "registration_mode": "keine",
        "registration_url": "",
        "registration_opens": "",
        "registration_closes": "",
        "capacity": "",
        "audience": "alle",
        "price": "",
        "member_price": "",
        "report": streamfield([]),
        "topics": "",
        "working_group": "",
        "repeat": "MONTHLY",
        "repeat_interval": "1",
        "repeat_monthly": "weekday",
        "repeat_until": "30.06.2027",
        "repeat_count": "",
        "extra_dates_text": "",
        "skipped_dates_text": "12.01.2027",
        "cancelled_dates_text": "",
        "occurrence_changes": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(calendar_page):
    return reverse("wagtailadmin_pages:add", args=("events", "eventpage", calendar_page.pk))


def test_redaktion_creates_a_monthly_series_in_words(client, editor, calendar_page):
    response = client.post(add_url(calendar_page), form_data())
    assert response.status_code == 302, response.context["form"].errors
    page = EventPage.objects.get(slug="stammtisch")
    assert page.live
    assert page.recurrence == "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630T215959Z"
    assert page.skipped_dates == ["2027-01-12"]
    days = [row.start.astimezone(BERLIN).date().isoformat() for row in page.occurrences.all()]
    assert days[:3] == ["2026-10-13", "2026-11-10", "2026-12-08"]
    assert "2027-01-12" not in days and days[-1] == "2027-06-08"
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    html = edit.content.decode()
    assert "jeden zweiten Dienstag im Monat" in html  # the rule in words, for the editor
    form = edit.context["form"]
    assert form.initial["repeat"] == "MONTHLY" and form.initial["repeat_monthly"] == "weekday"
    assert str(form.initial["repeat_until"]) == "2027-06-30"
    assert form.initial["skipped_dates_text"] == "12.01.2027"


def test_weekly_on_two_days_with_a_count_and_a_moved_date(client, editor, calendar_page):
    data = form_data(
        repeat="WEEKLY",
        repeat_until="",
        repeat_count="4",
        skipped_dates_text="",
        cancelled_dates_text="15.10.2026",
        occurrence_changes=inline_formset(
            [
                {
                    "original_date": "20.10.2026",
                    "start": "2026-10-21 18:00",
                    "end": "2026-10-21 20:00",
                    "note": "Im Raum 2.14",
                }
            ]
        ),
    )
    data["repeat_weekdays"] = ["TU", "TH"]  # two ticked boxes
    response = client.post(add_url(calendar_page), data)
    assert response.status_code == 302, response.context["form"].errors
    page = EventPage.objects.get(slug="stammtisch")
    assert page.recurrence == "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4"
    rows = list(page.occurrences.order_by("original_start"))
    assert [row.original_start.astimezone(BERLIN).day for row in rows] == [13, 15, 20, 22]
    assert rows[1].cancelled
    assert rows[2].start == berlin(2026, 10, 21, 18, 0) and rows[2].note == "Im Raum 2.14"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"extra_dates_text": "31.02.2027"}, "extra_dates_text"),
        ({"cancelled_dates_text": "nächsten Dienstag"}, "cancelled_dates_text"),
        ({"repeat_count": "5"}, "repeat_count"),  # and a last date: one or the other
        ({"repeat_until": "01.01.2026"}, "repeat_until"),
        ({"repeat_interval": "0"}, "repeat_interval"),
        ({"start": "2026-10-29 19:00", "end": "2026-10-29 21:00"}, "repeat_monthly"),
    ],
)
def test_a_mistake_is_named_at_its_field_and_nothing_is_stored(
    client, editor, calendar_page, overrides, field
):
    response = client.post(add_url(calendar_page), form_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not EventPage.objects.filter(slug="stammtisch").exists()
    html = response.content.decode()
    assert "Stammtisch Wasserstoff" in html  # what was typed is still there


def test_turning_the_repetition_off_removes_the_dates(client, editor, calendar_page):
    page = EventPageFactory(
        parent=calendar_page,
        slug="reihe",
        start=berlin(2026, 10, 13, 19, 0),
        end=berlin(2026, 10, 13, 21, 0),
        recurrence="FREQ=MONTHLY;BYDAY=2TU;COUNT=3",
    )
    assert page.occurrences.count() == 3
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = form_data(slug="reihe", repeat="", repeat_until="", skipped_dates_text="")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.recurrence == "" and not page.occurrences.exists()
