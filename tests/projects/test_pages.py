"""Project and working-group pages: where they may be created, that the admin saves what
an editor posts, that they render what they hold, and the working-group hub."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from metropolregion.models import HomePage, StandardPage
from projects.models import (
    ProjectIndexPage,
    ProjectPage,
    ProjectStatus,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)
from tests.factories import HomePageFactory, ImageFactory
from tests.factories.projects import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    WorkingGroupContactFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)


class PageTreeRulesTest(WagtailPageTestCase):
    def test_index_pages_live_below_the_home_page(self):
        self.assertAllowedParentPageTypes(ProjectIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(WorkingGroupIndexPage, {HomePage})

    def test_home_page_offers_both_lists(self):
        self.assertCanCreateAt(HomePage, ProjectIndexPage)
        self.assertCanCreateAt(HomePage, WorkingGroupIndexPage)
        self.assertCanNotCreateAt(StandardPage, ProjectIndexPage)

    def test_projects_only_below_the_project_list(self):
        self.assertAllowedSubpageTypes(ProjectIndexPage, {ProjectPage})
        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
        self.assertAllowedSubpageTypes(ProjectPage, set())

    def test_working_groups_only_below_their_list(self):
        self.assertAllowedSubpageTypes(WorkingGroupIndexPage, {WorkingGroupPage})
        self.assertAllowedParentPageTypes(WorkingGroupPage, {WorkingGroupIndexPage})
        self.assertAllowedSubpageTypes(WorkingGroupPage, set())

    def test_nothing_of_this_app_at_the_tree_root(self):
        root = Page.get_first_root_node()
        for model in (ProjectIndexPage, ProjectPage, WorkingGroupIndexPage, WorkingGroupPage):
            self.assertFalse(model.can_create_at(root), model)


class AdminCreateTest(WagtailPageTestCase):
    """Post real blocks and fields through the page editor and check what was stored."""

    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root, body=[])
        cls.index = ProjectIndexPageFactory(parent=cls.home, slug="projekte")
        cls.group_index = WorkingGroupIndexPageFactory(parent=cls.home, slug="arbeitsgruppen")
        cls.group = WorkingGroupPageFactory(parent=cls.group_index, title="Wasserstoff", body=[])
        cls.logo = ImageFactory(title="Logo HyNet")

    def setUp(self):
        self.login()

    def project_data(self, **overrides):
        data = {
            "title": "HyNet Mitteldeutschland",
            "slug": "hynet",
            "teaser": "Ein Leitungsnetz für grünen Wasserstoff zwischen Leuna und Zeitz.",
            "logo": self.logo.pk,
            "status": ProjectStatus.COMPLETED,
            "topics": "Wasserstoff, Strukturwandel",
            "working_group": self.group.pk,
            "website": "https://hynet.example.org/",
            "body": streamfield(
                [
                    ("section", {"heading": "Ziel", "text": rich_text("<p>Leitungen bauen.</p>")}),
                    (
                        "call_to_action",
                        {
                            "heading": "Mitmachen",
                            "text": "",
                            "link": {"page": self.index.pk, "url": "", "label": ""},
                        },
                    ),
                ]
            ),
            "partners": streamfield(
                [
                    ("partner", {"name": "Stadtwerke Musterstadt", "url": "https://example.org/"}),
                    ("partner", {"name": "Hochschule Beispiel", "url": ""}),
                ]
            ),
            "contact_name": "Anna Musterfrau",
            "contact_role": "Projektleitung",
            "contact_email": "anna@example.org",
            "contact_phone": "",
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_create_project_index_and_working_group_index(self):
        self.assertCanCreate(
            self.home,
            ProjectIndexPage,
            nested_form_data({"title": "Alle Projekte", "slug": "alle", "intro": "Unsere."}),
        )
        self.assertEqual(ProjectIndexPage.objects.get(slug="alle").intro, "Unsere.")
        self.assertCanCreate(
            self.home,
            WorkingGroupIndexPage,
            nested_form_data({"title": "Gruppen", "slug": "gruppen", "intro": ""}),
        )

    def test_create_project_with_every_field(self):
        self.assertCanCreate(self.index, ProjectPage, self.project_data())
        page = ProjectPage.objects.get(slug="hynet")
        self.assertEqual(page.logo, self.logo)
        self.assertEqual(page.status, "abgeschlossen")
        self.assertEqual(sorted(page.topics.names()), ["Strukturwandel", "Wasserstoff"])
        self.assertEqual(page.working_group.specific, self.group)
        self.assertEqual([b.block_type for b in page.body], ["section", "call_to_action"])
        self.assertEqual(page.body[1].value["link"]["page"].pk, self.index.pk)
        self.assertEqual(
            [(p.value["name"], p.value["url"]) for p in page.partners],
            [("Stadtwerke Musterstadt", "https://example.org/"), ("Hochschule Beispiel", "")],
        )
        self.assertEqual(page.contact_email, "anna@example.org")

    def test_contact_name_without_email_or_phone_is_refused(self):
        data = self.project_data(contact_email="")
        url = reverse("wagtailadmin_pages:add", args=("projects", "projectpage", self.index.pk))
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ProjectPage.objects.filter(slug="hynet").exists())
        self.assertIn("contact_email", response.context["form"].errors)

    def test_create_working_group_with_chairs_and_contacts(self):
        data = nested_form_data(
            {
                "title": "Mobilität und Logistik",
                "slug": "mobilitaet",
                "purpose": "Pendeln, Radwege und Güterverkehr über Landesgrenzen hinweg.",
                "body": streamfield(
                    [("section", {"heading": "Treffen", "text": rich_text("<p>Viermal.</p>")})]
                ),
                "contacts": inline_formset(
                    [
                        {
                            "name": "Martin Modell",
                            "role": "Vorsitz",
                            "organisation": "Verkehrsbetriebe Musterstadt",
                            "email": "m.modell@example.org",
                            "phone": "",
                        },
                        {
                            "name": "Julia Entwurf",
                            "role": "Ansprechpartnerin",
                            "organisation": "Geschäftsstelle",
                            "email": "",
                            "phone": "+49 341 000100",
                        },
                    ]
                ),
            }
        )
        self.assertCanCreate(self.group_index, WorkingGroupPage, data)
        page = WorkingGroupPage.objects.get(slug="mobilitaet")
        self.assertEqual(
            [(c.name, c.role) for c in page.contacts.all()],
            [("Martin Modell", "Vorsitz"), ("Julia Entwurf", "Ansprechpartnerin")],
        )
        self.assertEqual(page.body[0].value["heading"], "Treffen")


@pytest.mark.django_db
def test_contact_person_needs_a_way_to_reach_them():
    page = ProjectPage(title="x", teaser="y", contact_name="Anna Musterfrau")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "contact_email" in error.value.message_dict
    page.contact_phone = "+49 341 000000"
    page.clean()  # a phone number is enough
    ProjectPage(title="x", teaser="y").clean()  # no contact at all is fine


@pytest.mark.django_db
def test_project_page_shows_everything(client, project_index, group_index):
    group = WorkingGroupPageFactory(parent=group_index, title="Wasserstoff und Energie")
    project = ProjectPageFactory(
        parent=project_index,
        title="HyNet",
        slug="hynet",
        teaser="Leitungen für Wasserstoff.",
        status=ProjectStatus.COMPLETED,
        website="https://hynet.example.org/",
        working_group=group,
        contact_name="Anna Musterfrau",
        contact_role="Projektleitung",
        contact_email="anna@example.org",
        contact_phone="+49 (341) 000-123",
        body__0="section",
        partners=json.dumps(
            [
                {"type": "partner", "value": {"name": "HYPOS e. V.", "url": "https://e.org/"}},
                {"type": "partner", "value": {"name": "Stadt Beispiel", "url": ""}},
            ]
        ),
        topics=["Wasserstoff", "Bioökonomie"],
    )
    html = client.get("/projekte/hynet/").content.decode()
    assert '<h1 class="page-header__title">HyNet</h1>' in html
    assert "Leitungen für Wasserstoff." in html
    assert "<picture>" in html and "image/avif" in html
    assert "project-status--abgeschlossen" in html
    assert project.body[0].value["heading"] in html
    # Topics link to the list filtered by them, in German order (ö sorts with o).
    assert html.index(">Bioökonomie</a>") < html.index(">Wasserstoff</a>")
    assert 'href="/projekte/?thema=bio%C3%B6konomie"' in html
    assert 'href="/projekte/?thema=wasserstoff"' in html
    assert '<a href="https://hynet.example.org/">hynet.example.org</a>' in html
    assert f'<a href="{group.url}">Wasserstoff und Energie</a>' in html
    assert '<a href="https://e.org/">HYPOS e. V.</a>' in html and "Stadt Beispiel" in html
    assert 'href="mailto:anna@example.org"' in html
    assert 'href="tel:+49341000123"' in html


@pytest.mark.django_db
def test_project_page_hides_a_draft_working_group(client, project_index, group_index):
    group = WorkingGroupPageFactory(parent=group_index, title="Geheimgruppe", live=False)
    ProjectPageFactory(parent=project_index, slug="p", working_group=group)
    html = client.get("/projekte/p/").content.decode()
    assert "Geheimgruppe" not in html


@pytest.mark.django_db
def test_project_preview_in_the_admin(admin_client, project_index):
    """Editors preview unsaved changes; topics then live only in memory."""
    project = ProjectPageFactory(parent=project_index, slug="vorschau", topics=["Mobilität"])
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(project.pk,))
    data = nested_form_data(
        {
            "title": "Vorschau-Titel",
            "slug": "vorschau",
            "teaser": "Neu",
            "status": "laufend",
            "topics": "Mobilität, Startups",
            "body": streamfield([]),
            "partners": streamfield([]),
        }
    )
    assert admin_client.post(url, data).json()["is_valid"]
    html = admin_client.get(url).content.decode()
    assert "Vorschau-Titel" in html and ">Startups</a>" in html


@pytest.mark.django_db
def test_project_index_and_working_group_index_render(client, project_index, group_index):
    ProjectPageFactory(parent=project_index, title="Sichtbar", slug="sichtbar")
    ProjectPageFactory(parent=project_index, title="Entwurf", slug="entwurf", live=False)
    group = WorkingGroupPageFactory(parent=group_index, title="Gruppe Eins")
    ProjectPageFactory(parent=project_index, slug="g1", working_group=group)
    html = client.get("/projekte/").content.decode()
    assert "Sichtbar" in html and "Entwurf" not in html
    html = client.get("/arbeitsgruppen/").content.decode()
    assert "Gruppe Eins" in html and group.purpose in html
    assert '<h2 class="card__title">' in html  # cards right below the h1


@pytest.mark.django_db
def test_working_group_hub_lists_exactly_its_live_public_projects(
    client, project_index, group_index
):
    group = WorkingGroupPageFactory(parent=group_index, title="Strukturwandel", slug="sw")
    other = WorkingGroupPageFactory(parent=group_index, title="Andere", slug="andere")
    WorkingGroupContactFactory(page=group, name="Sabine Exempel", role="Vorsitz")
    mine = [
        ProjectPageFactory(parent=project_index, title=f"Eigenes {n}", working_group=group)
        for n in range(3)
    ]
    ProjectPageFactory(
        parent=project_index, title="Eigener Entwurf", working_group=group, live=False
    )
    private = ProjectPageFactory(parent=project_index, title="Eigenes Privat", working_group=group)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    ProjectPageFactory(parent=project_index, title="Fremdes", working_group=other)
    ProjectPageFactory(parent=project_index, title="Ohne Gruppe")

    sections = group.hub_sections(client.get("/").wsgi_request)
    assert [s.template for s in sections] == [
        "projects/includes/project_cards.html",
        "events/includes/event_cards.html",
        "news/includes/news_cards.html",
    ]
    assert [p.pk for p in sections[0].items] == [p.pk for p in mine]

    html = client.get("/arbeitsgruppen/sw/").content.decode()
    shown = [title for title in ("Eigenes 0", "Eigenes 1", "Eigenes 2") if title in html]
    assert len(shown) == 3
    for absent in ("Eigener Entwurf", "Eigenes Privat", "Fremdes", "Ohne Gruppe"):
        assert absent not in html
    assert "Sabine Exempel" in html and "Vorsitz" in html


@pytest.mark.django_db
def test_working_group_without_projects_shows_no_empty_section(client, group_index):
    group = WorkingGroupPageFactory(parent=group_index, slug="leer")
    html = client.get(group.url).content.decode()
    assert group.purpose in html
    assert "card-list--projects" not in html
