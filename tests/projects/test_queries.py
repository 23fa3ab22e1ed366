"""Query counts: lists of projects and working groups cost the same with 10 and with 100
items (and the home-page blocks the same with few and many projects)."""

import json

import pytest

from tests.factories.projects import ProjectPageFactory, WorkingGroupPageFactory

from .utils import add_projects, count_queries


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["", "?thema=wasserstoff", "?status=laufend", "?thema=nein&status=nein", "?page=2"]
)
def test_project_list_queries_do_not_grow_with_its_projects(client, project_index, logos, query):
    add_projects(project_index, 10, logos)
    few = count_queries(client, "/projekte/" + query)
    add_projects(project_index, 90, logos)
    html = client.get("/projekte/" + query).content.decode()
    assert html.count('class="card card--project"') in (24, 10)  # page 2 of 100 or of 10
    many = count_queries(client, "/projekte/" + query)
    assert few == many


@pytest.mark.django_db
def test_project_list_query_budget(client, project_index, logos):
    """Topics, count, projects, renditions, tags on top of a plain page (view restrictions
    are checked inside the list's own query). This number only changes on purpose."""
    add_projects(project_index, 30, logos)
    assert count_queries(client, "/projekte/") <= 15  # 14 + the translations (switcher)


@pytest.mark.django_db
def test_working_group_list_queries_do_not_grow_with_its_groups(client, group_index, home_page):
    for n in range(10):
        WorkingGroupPageFactory(parent=group_index, slug=f"g{n}")
    few = count_queries(client, "/arbeitsgruppen/")
    for n in range(10, 100):
        WorkingGroupPageFactory(parent=group_index, slug=f"g{n}")
    many = count_queries(client, "/arbeitsgruppen/")
    assert few == many


@pytest.mark.django_db
def test_working_group_hub_queries_do_not_grow_with_its_projects(
    client, project_index, group_index, logos
):
    group = WorkingGroupPageFactory(parent=group_index, slug="hub", body=[])
    add_projects(project_index, 3, logos, working_group=group)
    few = count_queries(client, "/arbeitsgruppen/hub/")
    add_projects(project_index, 30, logos, working_group=group)
    html = client.get("/arbeitsgruppen/hub/").content.decode()
    assert html.count('class="card card--project"') == 33
    many = count_queries(client, "/arbeitsgruppen/hub/")
    assert few == many


@pytest.mark.django_db
def test_project_page_queries_do_not_grow_with_its_topics_and_partners(client, project_index):
    partners = [{"type": "partner", "value": {"name": f"P{n}", "url": ""}} for n in range(12)]
    ProjectPageFactory(parent=project_index, slug="a", topics=["Eins"], partners="[]")
    ProjectPageFactory(
        parent=project_index,
        slug="b",
        topics=[f"Thema {n}" for n in range(12)],
        partners=json.dumps(partners),
    )
    assert count_queries(client, "/projekte/a/") == count_queries(client, "/projekte/b/")


def home_with_blocks(home, projects, topic):
    item = [{"type": "item", "value": p.pk, "id": f"i{p.pk}"} for p in projects]
    home.body = json.dumps(
        [
            {
                "type": "projects",
                "value": {
                    "heading": "Gewählt",
                    "mode": "chosen",
                    "projects": item,
                    "topic": "",
                    "max_count": 24,
                },
            },
            {
                "type": "projects",
                "value": {
                    "heading": "Thema",
                    "mode": "topic",
                    "projects": [],
                    "topic": topic,
                    "max_count": 24,
                },
            },
            {"type": "working_groups", "value": {"heading": "Gruppen", "intro": ""}},
        ]
    )
    home.save_revision().publish()


@pytest.mark.django_db
def test_home_page_blocks_queries_do_not_grow_with_their_projects(
    client, home_page, project_index, group_index, logos
):
    for n in range(2):
        WorkingGroupPageFactory(parent=group_index, slug=f"g{n}")
    projects = add_projects(project_index, 3, logos)
    home_with_blocks(home_page, projects, "wasserstoff")
    few = count_queries(client, "/")
    projects += add_projects(project_index, 17, logos)
    for n in range(2, 12):
        WorkingGroupPageFactory(parent=group_index, slug=f"g{n}")
    home_with_blocks(home_page, projects, "wasserstoff")
    html = client.get("/").content.decode()
    assert html.count('class="card card--project"') == 40  # 20 chosen + 20 on the topic
    many = count_queries(client, "/")
    assert few == many
