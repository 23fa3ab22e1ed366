"""Fixtures for the projects app: a project list and a working-group list below the home
page, and logos to share."""

import pytest

from tests.factories import ImageFactory
from tests.factories.projects import ProjectIndexPageFactory, WorkingGroupIndexPageFactory


@pytest.fixture
def project_index(home_page):
    return ProjectIndexPageFactory(parent=home_page, title="Projekte", slug="projekte")


@pytest.fixture
def group_index(home_page):
    return WorkingGroupIndexPageFactory(
        parent=home_page, title="Arbeits- und Projektgruppen", slug="arbeitsgruppen"
    )


@pytest.fixture
def logos(db):
    """A few logos shared by many projects: renditions stay few, queries are the same."""
    return [ImageFactory(title=f"Logo {n}", file__width=600, file__height=600) for n in range(3)]
