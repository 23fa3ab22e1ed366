"""Small helpers shared by the news tests."""

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from projects.models import WorkingGroupIndexPage
from tests.factories.projects import WorkingGroupIndexPageFactory, WorkingGroupPageFactory


def make_working_group(home, title="Strukturwandel im Revier"):
    """A live working group of the projects app (below a list of groups under `home`)."""
    groups = WorkingGroupIndexPage.objects.child_of(home).first()
    if groups is None:
        groups = WorkingGroupIndexPageFactory(parent=home)
    return WorkingGroupPageFactory(parent=groups, title=title, slug=slugify(title))


def count_queries(client, url, cold=False):
    """Queries of a request after a warm-up request (renditions and site root paths are
    created and cached); `cold` clears the caches in between, so that looking renditions
    up one by one would show."""
    client.get(url)
    if cold:
        for alias in settings.CACHES:
            caches[alias].clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)
