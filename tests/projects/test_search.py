"""Projects and working groups are found by the site search: by teaser, by topic, by
purpose; drafts never."""

import pytest
from wagtail.models import Page

from projects.models import ProjectPage, WorkingGroupPage
from tests.factories.projects import ProjectPageFactory, WorkingGroupPageFactory


def publish(page):
    page.save_revision().publish()
    return page


def found(query, model=ProjectPage):
    return {page.pk for page in Page.objects.live().type(model).search(query)}


@pytest.mark.django_db
def test_project_is_found_by_teaser_and_by_topic(project_index):
    project = publish(
        ProjectPageFactory(
            parent=project_index,
            title="Netz",
            teaser="Ein Pipelinekataster für die Region.",
            topics=["Bioökonomie"],
        )
    )
    publish(ProjectPageFactory(parent=project_index, title="Anderes", teaser="Radwege."))
    assert found("Pipelinekataster") == {project.pk}
    assert found("Bioökonomie") == {project.pk}


@pytest.mark.django_db
def test_draft_project_is_not_found(project_index):
    ProjectPageFactory(parent=project_index, teaser="Geheimkataster", live=False)
    assert found("Geheimkataster") == set()


@pytest.mark.django_db
def test_working_group_is_found_by_its_purpose(group_index):
    group = publish(
        WorkingGroupPageFactory(parent=group_index, purpose="Wir planen Güterverkehrszentren.")
    )
    assert found("Güterverkehrszentren", WorkingGroupPage) == {group.pk}
