"""Home-page blocks of the projects app: validation, what they show, and the admin."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from metropolregion.models import HomePage
from projects.blocks import (
    DEFAULT_GRID_PROJECTS,
    PartnerBlock,
    ProjectGridBlock,
    WorkingGroupsBlock,
)
from tests.factories import HomePageFactory
from tests.factories.projects import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)

from .utils import add_projects


def grid_value(**value):
    block = ProjectGridBlock()
    raw = {"heading": "Projekte", "mode": "chosen", "projects": [], "topic": "", "max_count": 6}
    return block, block.to_python({**raw, **value})


@pytest.mark.django_db
def test_chosen_mode_needs_at_least_one_project():
    block, value = grid_value(mode="chosen", projects=[])
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {"projects"}


@pytest.mark.django_db
def test_topic_mode_needs_a_topic():
    block, value = grid_value(mode="topic", topic="")
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {"topic"}


@pytest.mark.django_db
def test_topic_must_be_one_projects_use(project_index, logos):
    add_projects(project_index, 1, logos, topics=("Wasserstoff",))
    block, value = grid_value(mode="topic", topic="wasserstoff")
    assert block.clean(value)["topic"] == "wasserstoff"
    block, value = grid_value(mode="topic", topic="erfunden")
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "topic" in error.value.block_errors


@pytest.mark.django_db
def test_chosen_projects_are_valid_and_the_topic_field_may_stay_empty(project_index, logos):
    (project,) = add_projects(project_index, 1, logos)
    block, value = grid_value(mode="chosen", projects=[project.pk])
    cleaned = block.clean(value)
    assert [p.pk for p in cleaned["projects"]] == [project.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("max_count", [0, 25])
def test_max_count_is_bounded(max_count):
    block, value = grid_value(projects=[], max_count=max_count)
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "max_count" in error.value.block_errors


def test_partner_url_is_optional():
    block = PartnerBlock()
    value = block.clean(block.to_python({"name": "Stadt Leipzig", "url": ""}))
    assert value["name"] == "Stadt Leipzig"
    html = block.render(value)
    assert "<a" not in html and "Stadt Leipzig" in html
    html = block.render(block.to_python({"name": "HYPOS", "url": "https://example.org/"}))
    assert '<a href="https://example.org/">HYPOS</a>' in html


def set_home_body(home, blocks):
    home.body = json.dumps([{"type": t, "value": v} for t, v in blocks])
    home.save_revision().publish()


def grid(mode="chosen", projects=(), topic="", max_count=8, heading="Unsere Projekte"):
    return (
        "projects",
        {
            "heading": heading,
            "mode": mode,
            "projects": [{"type": "item", "value": pk, "id": f"p{pk}"} for pk in projects],
            "topic": topic,
            "max_count": max_count,
        },
    )


def card_titles(html):
    return re.findall(r'<a class="card__link" href="[^"]+">([^<]+)</a>', html)


@pytest.mark.django_db
def test_chosen_grid_keeps_the_editors_order_and_skips_drafts(client, home_page, project_index):
    a, b, c = (
        ProjectPageFactory(parent=project_index, title=t) for t in ("Alpha", "Beta", "Gamma")
    )
    draft = ProjectPageFactory(parent=project_index, title="Delta", live=False)
    set_home_body(home_page, [grid(projects=[c.pk, draft.pk, a.pk, b.pk], max_count=2)])
    html = client.get("/").content.decode()
    assert card_titles(html) == ["Gamma", "Alpha"]  # draft skipped, then cut at two
    assert "<picture>" in html and 'loading="lazy"' in html
    assert re.search(r'<a class="button" href="/projekte/">', html)


@pytest.mark.django_db
def test_grid_saved_without_a_count_shows_the_default_and_links_to_all(
    client, home_page, project_index, logos
):
    """Content saved without `max_count` keeps working: the grid shows the default number,
    one that fills every row with one, two, three or four cards per row."""
    assert all(DEFAULT_GRID_PROJECTS % per_row == 0 for per_row in (1, 2, 3, 4))
    projects = add_projects(project_index, DEFAULT_GRID_PROJECTS + 2, logos)
    _, value = grid(projects=[p.pk for p in projects])
    del value["max_count"]
    assert ProjectGridBlock().to_python(value)["max_count"] == DEFAULT_GRID_PROJECTS
    set_home_body(home_page, [("projects", value)])
    html = client.get("/").content.decode()
    assert card_titles(html) == [p.title for p in projects[:DEFAULT_GRID_PROJECTS]]
    assert '<a class="button" href="/projekte/">Alle Projekte</a>' in html


@pytest.mark.django_db
def test_topic_grid_shows_projects_on_that_topic(client, home_page, project_index, logos):
    add_projects(project_index, 3, logos, topics=("Mobilität",))
    add_projects(project_index, 2, logos, topics=("Wasserstoff",))
    set_home_body(home_page, [grid(mode="topic", topic="mobilität", max_count=2)])
    html = client.get("/").content.decode()
    assert card_titles(html) == ["Projekt 000", "Projekt 001"]
    assert 'href="/projekte/?thema=mobilit%C3%A4t"' in html


@pytest.mark.django_db
def test_grid_without_projects_says_so(client, home_page):
    set_home_body(home_page, [grid(mode="topic", topic="verwaist")])
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Unsere Projekte" in html and card_titles(html) == []


@pytest.mark.django_db
def test_working_groups_block_lists_live_public_groups(client, home_page, group_index):
    WorkingGroupPageFactory(parent=group_index, title="Energie", purpose="Strom und Wärme.")
    WorkingGroupPageFactory(parent=group_index, title="Verkehr", purpose="Wege.")
    WorkingGroupPageFactory(parent=group_index, title="Entwurfsgruppe", live=False)
    set_home_body(
        home_page,
        [("working_groups", {"heading": "Arbeitsgruppen", "intro": "Wer woran arbeitet."})],
    )
    html = client.get("/").content.decode()
    assert card_titles(html) == ["Energie", "Verkehr"]
    assert "Strom und Wärme." in html and "Wer woran arbeitet." in html
    assert 'href="/arbeitsgruppen/' in html


@pytest.mark.django_db
def test_grid_preview_shows_projects_from_the_site(admin_client, project_index, logos):
    add_projects(project_index, 2, logos)
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": ProjectGridBlock().definition_prefix}
    )
    html = response.content.decode()
    assert "Projekt 000" in html and "<picture>" in html


def test_blocks_describe_themselves():
    for block in (ProjectGridBlock(), WorkingGroupsBlock(), PartnerBlock()):
        meta = block.meta
        assert meta.icon and meta.label and meta.template and meta.description and meta.group
        assert block.is_previewable


class HomePageAdminTest(WagtailPageTestCase):
    """Editors add the blocks to the home page through the page editor."""

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        home = HomePageFactory(parent=cls.root, body=[])
        index = ProjectIndexPageFactory(parent=home)
        cls.project = ProjectPageFactory(parent=index, topics=["Startups"])
        WorkingGroupPageFactory(parent=WorkingGroupIndexPageFactory(parent=home))

    def setUp(self):
        self.login()

    def data(self, grid_value):
        return nested_form_data(
            {
                "title": "Neue Startseite",
                "slug": "neu",
                "body": streamfield(
                    [
                        ("projects", grid_value),
                        ("working_groups", {"heading": "Arbeitsgruppen", "intro": ""}),
                    ]
                ),
            }
        )

    def chosen(self):
        return {
            "heading": "Projekte",
            "mode": "chosen",
            "projects": {
                "count": 1,
                "0": {"deleted": "", "order": 0, "id": "", "value": self.project.pk},
            },
            "topic": "",
            "max_count": 6,
        }

    def test_create_home_page_with_a_chosen_grid_and_the_working_groups(self):
        self.assertCanCreate(self.root, HomePage, self.data(self.chosen()))
        body = HomePage.objects.get(slug="neu").body
        assert [b.block_type for b in body] == ["projects", "working_groups"]
        assert [p.pk for p in body[0].value["projects"]] == [self.project.pk]

    def test_create_home_page_with_a_topic_grid(self):
        value = {**self.chosen(), "mode": "topic", "topic": "startups"}
        value["projects"] = {"count": 0}
        self.assertCanCreate(self.root, HomePage, self.data(value))
        assert HomePage.objects.get(slug="neu").body[0].value["topic"] == "startups"

    def test_topic_grid_without_topic_is_refused(self):
        value = {**self.chosen(), "mode": "topic", "topic": ""}
        url = reverse("wagtailadmin_pages:add", args=("metropolregion", "homepage", self.root.pk))
        response = self.client.post(url, self.data(value))
        assert response.status_code == 200
        assert not HomePage.objects.filter(slug="neu").exists()
        assert "body" in response.context["form"].errors

    def test_editor_offers_the_topics_in_use(self):
        url = reverse("wagtailadmin_pages:add", args=("metropolregion", "homepage", self.root.pk))
        response = self.client.get(url)
        assert response.status_code == 200
        assert "startups" in response.content.decode()  # the topic of the one project

    def test_project_editor_opens(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.project.pk,)))
        assert response.status_code == 200
