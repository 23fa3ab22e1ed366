"""Fixtures of the image tests: the calendar of the events tests, an editor in the admin."""

import pytest
from django.contrib.auth.models import User

from tests.events.conftest import calendar_page, frozen  # noqa: F401 - fixtures


@pytest.fixture
def admin_client(client, db):
    """A superuser in the admin (image permissions are tested in test_permissions)."""
    user = User.objects.create_superuser("bildredaktion", "bilder@example.org", "pw")
    client.force_login(user)
    return client
