"""EventIndexPage and EventPage: where they may be created, what the admin stores and
refuses, how an event page renders (before and after the event), the calendar's lists,
filters and month view, and the blocks and hub sections that show events."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventIndexPage, EventPage
from metropolregion.models import HomePage
from tests.factories import HomePageFactory, ImageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory, berlin
from tests.factories.galleries import GalleryIndexPageFactory, GalleryPageFactory
from tests.news.helpers import make_working_group

NOW = berlin(2025, 6, 20, 12, 0)


class PageTreeRulesTest(WagtailPageTestCase):
    def test_calendar_lives_below_the_home_page_and_holds_events(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_home_page_offers_the_calendar(self):
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanNotCreateAt(Page, EventIndexPage)
        self.assertCanNotCreateAt(HomePage, EventPage)


class AdminCreateTest(WagtailPageTestCase):
    """Post real data through the page editor and check what was stored or refused."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory(parent=Page.get_first_root_node())
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.image = ImageFactory()

    def setUp(self):
        self.login()

    def event_data(self, **overrides):
        data = {
            "title": "Jahreskonferenz 2025",
            "slug": "jahreskonferenz-2025",
            "start": "2025-06-24 10:00",
            "end": "2025-06-24 16:30",
            "status": "geplant",
            "format": "hybrid",
            "venue": "Stadthalle",
            "street": "Bahnhofstraße 1",
            "postcode": "08056",
            "city": "Zwickau",
            "online_url": "https://example.org/stream",
            "own_event": "on",
            "organiser_name": "",
            "organiser_url": "",
            "teaser": "Energiewende, Automobilwirtschaft und grüne Chemie.",
            "image": self.image.pk,
            "body": streamfield(
                [("section", {"heading": "Worum es geht", "text": rich_text("<p>Drei Foren.</p>")})]
            ),
            "programme": streamfield(
                [
                    (
                        "item",
                        {
                            "day": "",
                            "start_time": "10:00",
                            "end_time": "10:30",
                            "title": "Begrüßung",
                            "speakers": "Erika Beispiel",
                            "description": "",
                        },
                    )
                ]
            ),
            "documents": streamfield([]),
            "registration_mode": "extern",
            "registration_url": "https://example.org/anmeldung",
            "registration_opens": "",
            "registration_closes": "",
            "capacity": "",
            "audience": "alle",
            "price": "",
            "member_price": "",
            "report": streamfield([]),
            "topics": "Wasserstoff, Strukturwandel",
            "working_group": "",
            "occurrence_changes": inline_formset([]),
        }
        data.update(overrides)
        return nested_form_data(data)

    def add_url(self):
        return reverse("wagtailadmin_pages:add", args=("events", "eventpage", self.index.pk))

    def test_create_event_with_programme_and_topics(self):
        self.assertCanCreate(self.index, EventPage, self.event_data())
        page = EventPage.objects.get(slug="jahreskonferenz-2025")
        assert page.start == berlin(2025, 6, 24, 10, 0)  # entered in Berlin time
        assert page.end == berlin(2025, 6, 24, 16, 30)
        assert page.format == "hybrid" and page.own_event
        assert [block.block_type for block in page.programme] == ["item"]
        assert page.programme[0].value["title"] == "Begrüßung"
        assert sorted(tag.name for tag in page.topics.all()) == ["Strukturwandel", "Wasserstoff"]

    def test_calendar_page_can_be_created(self):
        home = HomePageFactory(parent=Page.get_first_root_node(), slug="zweite")
        self.assertCanCreate(
            home,
            EventIndexPage,
            nested_form_data({"title": "Termine", "slug": "termine", "intro": ""}),
        )

    def test_end_before_start_is_refused_on_the_end_field(self):
        response = self.client.post(self.add_url(), self.event_data(end="2025-06-24 09:00"))
        assert response.status_code == 200  # the form again, nothing saved
        assert not EventPage.objects.filter(slug="jahreskonferenz-2025").exists()
        errors = response.context["form"].errors
        assert "end" in errors
        assert "Die Veranstaltung endet, bevor sie beginnt" in str(errors["end"])

    def test_external_event_needs_its_organiser(self):
        response = self.client.post(self.add_url(), self.event_data(own_event=""))
        assert "organiser_name" in response.context["form"].errors

    def test_in_person_event_needs_a_town(self):
        response = self.client.post(self.add_url(), self.event_data(city=""))
        assert "city" in response.context["form"].errors

    def test_internal_registration_settings_are_stored(self):
        data = self.event_data(
            registration_mode="intern",
            registration_url="",
            capacity="80",
            audience="mitglieder",
            price="120.00",
            member_price="80.00",
            waiting_list="on",
            ask_dietary_needs="on",
        )
        self.assertCanCreate(self.index, EventPage, data)
        page = EventPage.objects.get(slug="jahreskonferenz-2025")
        assert (page.registration_mode, page.capacity, page.audience) == (
            "intern",
            80,
            "mitglieder",
        )
        assert (str(page.price), str(page.member_price)) == ("120.00", "80.00")
        assert page.waiting_list and page.ask_dietary_needs and not page.ask_notes

    def test_inconsistent_registration_settings_are_refused_by_field(self):
        data = self.event_data(
            registration_mode="extern",
            registration_url="",
            registration_opens="2025-06-10 10:00",
            registration_closes="2025-06-01 10:00",
            price="50",
            member_price="60",
        )
        errors = self.client.post(self.add_url(), data).context["form"].errors
        assert {"registration_url", "registration_closes", "member_price"} <= set(errors)
        assert not EventPage.objects.filter(slug="jahreskonferenz-2025").exists()

    def test_programme_item_ending_before_it_starts_is_refused(self):
        data = self.event_data(
            programme=streamfield(
                [
                    (
                        "item",
                        {
                            "day": "",
                            "start_time": "11:00",
                            "end_time": "10:00",
                            "title": "Falsch herum",
                            "speakers": "",
                            "description": "",
                        },
                    )
                ]
            )
        )
        response = self.client.post(self.add_url(), data)
        assert response.status_code == 200
        assert not EventPage.objects.filter(slug="jahreskonferenz-2025").exists()

    def test_event_can_be_previewed(self):
        page = EventPageFactory(parent=self.index)
        self.assertPageIsPreviewable(page, post_data=self.event_data())


@pytest.mark.django_db
def test_database_refuses_end_before_start(calendar_page):
    page = EventPageFactory(parent=calendar_page)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventPage.objects.filter(pk=page.pk).update(start=berlin(2025, 6, 25, 10, 0))


@pytest.mark.django_db
def test_all_day_event_is_stored_from_midnight_to_midnight(calendar_page):
    page = EventPageFactory(
        parent=calendar_page,
        all_day=True,
        start=berlin(2025, 9, 1, 14, 0),
        end=berlin(2025, 9, 30, 9, 0),
    )
    page.refresh_from_db()
    assert (page.start, page.end) == (berlin(2025, 9, 1, 0, 0), berlin(2025, 9, 30, 0, 0))
    with pytest.raises(ValidationError) as error:
        EventPageFactory.build(
            all_day=True, start=berlin(2025, 9, 2, 0, 0), end=berlin(2025, 9, 1, 23, 0)
        ).clean()
    assert "end" in error.value.message_dict


@pytest.mark.django_db
def test_event_page_renders_date_place_programme_and_json_ld(client, calendar_page, frozen):
    frozen(NOW)
    page = EventPageFactory(
        parent=calendar_page,
        title="Jahreskonferenz 2025",
        format="hybrid",
        online_url="https://example.org/stream",
        registration_url="https://example.org/anmeldung",
        with_image=True,
        image__credit="Mia Probst",
        topics=["Wasserstoff"],
        programme=json.dumps(
            [
                {
                    "type": "item",
                    "value": {
                        "start_time": "10:00:00",
                        "end_time": "10:30:00",
                        "title": "Begrüßung",
                        "speakers": "Erika Beispiel\nBeispiel AG",
                        "description": "",
                    },
                }
            ]
        ),
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert page.when in html and "Konferenzzentrum" in html and "Zwickau" in html
    assert "Begrüßung" in html and "Erika Beispiel<br>Beispiel AG" in html
    assert 'href="https://example.org/anmeldung"' in html
    assert 'href="https://example.org/stream"' in html
    assert "Foto: Mia Probst" in html and html.count("Mia Probst") == 1
    assert f'href="{calendar_page.url}?thema=wasserstoff"' in html
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    (data,) = [json.loads(text) for text in scripts if '"Event"' in text]
    assert data["startDate"] == "2025-06-24T10:00:00+02:00"
    assert data["endDate"] == "2025-06-24T16:30:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["address"]["addressLocality"] == "Zwickau"
    assert virtual == {"@type": "VirtualLocation", "url": "https://example.org/stream"}


@pytest.mark.django_db
def test_after_the_event_the_page_is_its_archive(client, calendar_page, frozen, home_page):
    frozen(berlin(2025, 7, 1, 12, 0))
    page = EventPageFactory(
        parent=calendar_page,
        registration_url="https://example.org/anmeldung",
        report=json.dumps(
            [{"type": "section", "value": {"heading": "Rückblick", "text": "<p>Es war voll.</p>"}}]
        ),
    )
    galleries = GalleryIndexPageFactory(parent=home_page)
    gallery = GalleryPageFactory(parent=galleries, title="Bilder der Konferenz", event=page)
    response = client.get(page.url)
    html = response.content.decode()
    assert response.context["is_past"]
    assert "Es war voll." in html
    assert "Bilder der Konferenz" in html and gallery.url in html
    assert 'href="https://example.org/anmeldung"' not in html  # no registration after the event
    assert html.index("Es war voll.") < html.index("Bilder der Konferenz")


@pytest.mark.django_db
def test_cancelled_event_says_so_and_offers_no_registration(client, calendar_page, frozen):
    frozen(NOW)
    page = EventPageFactory(
        parent=calendar_page, status="abgesagt", registration_url="https://example.org/x"
    )
    html = client.get(page.url).content.decode()
    assert page.get_status_display() in html
    assert 'href="https://example.org/x"' not in html
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["eventStatus"] == "https://schema.org/EventCancelled"


@pytest.mark.django_db
class TestCalendarLists:
    @pytest.fixture
    def events(self, calendar_page, frozen, home_page):
        frozen(NOW)
        group = make_working_group(home_page, "Wasserstoff und Energie")
        return {
            "own": EventPageFactory(
                parent=calendar_page,
                title="Eigene Konferenz",
                start=berlin(2025, 6, 24, 10, 0),
                topics=["Wasserstoff"],
                working_group=group,
            ),
            "external": EventPageFactory(
                parent=calendar_page,
                title="Fremde Messe",
                own_event=False,
                organiser_name="Messe GmbH",
                all_day=True,
                start=berlin(2025, 6, 28, 0, 0),
                end=berlin(2025, 7, 2, 0, 0),
                topics=["Fachkräfte"],
            ),
            "online": EventPageFactory(
                parent=calendar_page,
                title="Webinar",
                format="online",
                city="",
                start=berlin(2025, 7, 3, 14, 0),
            ),
            "past": EventPageFactory(
                parent=calendar_page, title="Vergangen", start=berlin(2025, 5, 5, 10, 0)
            ),
            "group": group,
        }

    def titles(self, response):
        return [event.title for event in response.context["events"].object_list]

    def test_upcoming_list_soonest_first(self, client, events):
        response = client.get("/termine/")
        assert response.status_code == 200
        assert self.titles(response) == ["Eigene Konferenz", "Fremde Messe", "Webinar"]

    def test_past_events_archive(self, client, events):
        assert self.titles(client.get("/termine/archiv/")) == ["Vergangen"]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("?thema=wasserstoff", ["Eigene Konferenz"]),
            ("?gruppe=wasserstoff-und-energie", ["Eigene Konferenz"]),
            ("?format=online", ["Webinar"]),
            ("?veranstalter=extern", ["Fremde Messe"]),
            ("?veranstalter=eigene&format=vor-ort", ["Eigene Konferenz"]),
        ],
    )
    def test_filters(self, client, events, query, expected):
        assert self.titles(client.get("/termine/" + query)) == expected

    def test_unknown_filter_values_are_ignored_visibly(self, client, events):
        response = client.get(
            "/termine/?thema=gibt-es-nicht&format=zeppelin&veranstalter=x&gruppe=y"
        )
        assert response.status_code == 200
        assert self.titles(response) == ["Eigene Konferenz", "Fremde Messe", "Webinar"]
        notices = response.context["filters"].notices
        assert len(notices) == 4
        html = response.content.decode()
        assert "gibt-es-nicht" in html and "zeppelin" in html

    def test_month_view_shows_the_month_with_filters_kept(self, client, events):
        response = client.get("/termine/monat/2025/6/?thema=wasserstoff")
        assert response.status_code == 200
        html = response.content.decode()
        assert response.context["month_label"] == "Juni 2025"
        assert response.context["event_count"] == 1
        assert 'href="/termine/monat/2025/7/?thema=wasserstoff"' in html
        assert 'href="/termine/monat/2025/5/?thema=wasserstoff"' in html
        assert "<table" in html and '<caption class="visually-hidden">' in html

    def test_month_view_places_the_fair_on_every_day(self, client, events):
        weeks = client.get("/termine/monat/2025/6/").context["weeks"]
        fair_days = [
            day.date.day for week in weeks for day in week if events["external"] in day.events
        ]
        assert fair_days == [28, 29, 30, 1, 2]  # July 1 and 2 fill the last row

    @pytest.mark.parametrize(
        "path",
        [
            "monat/2025/13/",
            "monat/2025/0/",
            "monat/1200/5/",
            "monat/99999/1/",
            "monat/2025/",
            "monat/x/1/",
            "monat/2025/6/7/",
        ],
    )
    def test_malformed_or_out_of_range_month_is_404(self, client, events, path):
        assert client.get("/termine/" + path).status_code == 404

    def test_this_month_redirects_to_the_current_month(self, client, events):
        response = client.get("/termine/monat/?format=online")
        assert response.status_code == 302
        assert response["Location"] == "/termine/monat/2025/6/?format=online"

    def test_bad_page_number_gives_a_page(self, client, events):
        assert client.get("/termine/?page=abc").status_code == 200
        assert client.get("/termine/?page=999").status_code == 200

    def test_working_group_hub_lists_its_upcoming_events(self, client, events):
        response = client.get(events["group"].url)
        sections = {section.heading: section.items for section in response.context["hub_sections"]}
        assert [event.title for event in sections["Nächste Termine"]] == ["Eigene Konferenz"]
