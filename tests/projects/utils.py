"""Helpers for the projects tests: many projects quickly, and query counting."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from projects.models import ProjectPageTopic
from tests.factories.projects import ProjectPageFactory


def add_projects(index, count, logos, topics=("Wasserstoff", "Strukturwandel"), **fields):
    """`count` live projects below `index`, each with a logo and `topics`; the topic links
    are written in one bulk insert."""
    tags = [
        Tag.objects.get_or_create(name=name, defaults={"slug": name.lower()})[0] for name in topics
    ]
    start = index.get_children().count()
    projects = [
        ProjectPageFactory(
            parent=index,
            title=f"Projekt {start + n:03d}",
            slug=f"projekt-{index.pk}-{start + n}",
            logo=logos[n % len(logos)],
            body=[],
            **fields,
        )
        for n in range(count)
    ]
    ProjectPageTopic.objects.bulk_create(
        [ProjectPageTopic(content_object=project, tag=tag) for project in projects for tag in tags]
    )
    return projects


def count_queries(client, url):
    """Queries of a second request to `url` (the first creates renditions and caches)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)
