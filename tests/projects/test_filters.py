"""The project list's filters: the rules without HTTP, then the list a visitor sees."""

import re

import pytest
from django.http import QueryDict
from django.utils import translation
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from projects.filters import PROJECT_FILTERS, topic_url
from projects.models import ProjectPage, ProjectStatus
from tests.factories.projects import ProjectPageFactory

from .utils import add_projects


def tags(*names):
    return [Tag(name=name, slug=name.lower()) for name in names]


def read(query, topics):
    return PROJECT_FILTERS.read(QueryDict(query), offered={"topic": topics})


def test_no_parameters_no_filter():
    chosen = read("", tags("Wasserstoff"))
    assert not chosen.is_active
    assert chosen.active == [] and chosen.notices == []


def test_known_topic_and_status_are_active_and_removable_one_by_one():
    chosen = read("thema=wasserstoff&status=laufend&page=2", tags("Mobilität", "Wasserstoff"))
    assert chosen.topic.name == "Wasserstoff" and chosen.status == "laufend"
    topic, status = chosen.active
    assert (topic.value, topic.remove_query) == ("Wasserstoff", "?status=laufend")
    assert status.value == ProjectStatus.ONGOING.label
    assert status.remove_query == "?thema=wasserstoff"


def test_removing_the_only_filter_gives_the_plain_list():
    chosen = read("thema=wasserstoff&status=", tags("Wasserstoff"))
    assert [a.remove_query for a in chosen.active] == [""]


def test_values_are_read_case_insensitively_and_trimmed():
    chosen = read("thema=%20Wasserstoff%20&status=LAUFEND", tags("Wasserstoff"))
    assert chosen.topic.slug == "wasserstoff" and chosen.status == "laufend"


def test_unknown_values_are_ignored_and_reported():
    chosen = read("thema=quatsch&status=bald", tags("Wasserstoff"))
    assert chosen.topic is None and chosen.status is None and not chosen.is_active
    assert [field.unknown for field in chosen.bound] == ["quatsch", "bald"]
    with translation.override("en"):
        assert chosen.notices == [
            "There is no topic “quatsch”; projects on all topics are shown.",
            "There is no status “bald”; projects with any status are shown.",
        ]


def test_a_very_long_unknown_value_is_shortened_in_the_notice():
    chosen = read("thema=" + "x" * 500, [])
    unknown = chosen.bound[0].unknown
    assert len(unknown) == 60 and unknown.endswith("…")


def test_topic_url_encodes_umlauts():
    assert topic_url("/projekte/", "mobilität") == "/projekte/?thema=mobilit%C3%A4t"


@pytest.mark.django_db
def test_the_filter_narrows_the_queryset(project_index, logos):
    h2 = add_projects(project_index, 2, logos, topics=("Wasserstoff",))
    done = add_projects(
        project_index, 1, logos, topics=("Wasserstoff",), status=ProjectStatus.COMPLETED
    )
    add_projects(project_index, 2, logos, topics=("Mobilität",))
    projects = ProjectPage.objects.all()
    chosen = PROJECT_FILTERS.read(QueryDict("thema=wasserstoff"), projects)
    assert [option.label for option in chosen.fields[0].options] == ["Mobilität", "Wasserstoff"]
    assert {p.pk for p in chosen.apply(projects)} == {p.pk for p in h2 + done}
    chosen = PROJECT_FILTERS.read(QueryDict("thema=wasserstoff&status=abgeschlossen"), projects)
    assert [p.pk for p in chosen.apply(projects)] == [done[0].pk]


def card_titles(html):
    return re.findall(r'<a class="card__link" href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def catalogue(project_index, logos):
    """Three hydrogen projects (one completed), two mobility projects."""
    add_projects(project_index, 2, logos, topics=("Wasserstoff", "Strukturwandel"))
    add_projects(project_index, 1, logos, topics=("Wasserstoff",), status=ProjectStatus.COMPLETED)
    add_projects(project_index, 2, logos, topics=("Mobilität",))
    return project_index


@pytest.mark.django_db
def test_list_shows_all_live_public_projects_with_their_facts(client, catalogue):
    draft = ProjectPageFactory(parent=catalogue, title="Entwurf", live=False)
    private = ProjectPageFactory(parent=catalogue, title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = client.get("/projekte/").content.decode()
    assert card_titles(html) == [f"Projekt {n:03d}" for n in range(5)]
    assert draft.title not in html and "Intern" not in html
    assert (
        'class="project-status project-status--laufend"' in html
        and "project-status--abgeschlossen" in html
    )
    assert '<span class="project-topic">Wasserstoff</span>' in html
    assert 'role="status"' not in html  # no notice without unknown values


@pytest.mark.django_db
def test_topic_filter_in_the_list(client, catalogue):
    html = client.get("/projekte/?thema=wasserstoff").content.decode()
    assert card_titles(html) == ["Projekt 000", "Projekt 001", "Projekt 002"]
    assert '<option value="wasserstoff" selected>' in html
    # The active filter is shown, with a link that removes it.
    assert 'class="listing-filter__remove" href="/projekte/"' in html


@pytest.mark.django_db
def test_topic_with_umlaut_in_the_list(client, catalogue):
    html = client.get("/projekte/?thema=mobilit%C3%A4t").content.decode()
    assert card_titles(html) == ["Projekt 003", "Projekt 004"]


@pytest.mark.django_db
def test_topic_and_status_together(client, catalogue):
    html = client.get("/projekte/?thema=wasserstoff&status=abgeschlossen").content.decode()
    assert card_titles(html) == ["Projekt 002"]
    assert 'href="/projekte/?status=abgeschlossen"' in html  # removes the topic only
    assert 'href="/projekte/?thema=wasserstoff"' in html  # removes the status only
    assert 'class="listing-filter__reset" href="/projekte/"' in html


@pytest.mark.django_db
def test_unknown_topic_shows_a_notice_and_all_projects(client, catalogue):
    response = client.get("/projekte/?thema=gibt-es-nicht")
    assert response.status_code == 200
    html = response.content.decode()
    notice = re.search(r'<p class="notice" role="status">(.*?)</p>', html, re.S)
    assert notice and "gibt-es-nicht" in notice.group(1)
    assert len(card_titles(html)) == 5
    assert "listing-filter__active" not in html


@pytest.mark.django_db
def test_unknown_status_shows_a_notice_and_keeps_the_topic(client, catalogue):
    html = client.get("/projekte/?thema=mobilit%C3%A4t&status=demnaechst").content.decode()
    assert "demnaechst" in html and 'role="status"' in html
    assert card_titles(html) == ["Projekt 003", "Projekt 004"]


@pytest.mark.django_db
def test_hostile_filter_values_are_escaped(client, catalogue):
    html = client.get("/projekte/?thema=<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_topic_of_a_draft_project_is_not_offered(client, catalogue):
    ProjectPageFactory(parent=catalogue, live=False, topics=["Geheimthema"])
    html = client.get("/projekte/").content.decode()
    assert "Geheimthema" not in html
    html = client.get("/projekte/?thema=geheimthema").content.decode()
    assert 'role="status"' in html and "geheimthema" in html  # treated as unknown
    assert len(card_titles(html)) == 5


@pytest.mark.django_db
def test_pagination_keeps_the_filter(client, project_index, logos):
    add_projects(project_index, 30, logos, topics=("Wasserstoff",))
    add_projects(project_index, 2, logos, topics=("Mobilität",))
    html = client.get("/projekte/?thema=wasserstoff").content.decode()
    assert len(card_titles(html)) == 24
    assert 'href="?thema=wasserstoff&amp;page=2"' in html
    html = client.get("/projekte/?thema=wasserstoff&page=2").content.decode()
    assert len(card_titles(html)) == 6
    html = client.get("/projekte/?thema=wasserstoff&page=999").content.decode()
    assert len(card_titles(html)) == 6  # the last page instead of an error
