"""Issue 13, finding 12: a link (or an image on any site) cannot log editors out. Wagtail's
log-out view answered a GET with 405 but deleted the session cookie all the same; now
anything but a POST is refused before it touches the session."""

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize("method", ["get", "head", "options"])
def test_anything_but_post_leaves_the_session_alone(editor_client, home_page, method):
    response = getattr(editor_client, method)("/admin/logout/")

    assert response.status_code == 405
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # not deleted, not changed
    assert editor_client.get("/admin/").status_code == 200  # still logged in


def test_post_logs_out(editor_client, home_page):
    editor_client.get("/admin/")
    token = editor_client.cookies["csrftoken"].value
    response = editor_client.post("/admin/logout/", {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""  # deleted
    assert editor_client.get("/admin/").status_code == 302  # to the log-in


def test_post_without_the_csrf_token_does_not_log_out(editor_client, home_page):
    response = editor_client.post("/admin/logout/")
    assert response.status_code == 403
    assert editor_client.get("/admin/").status_code == 200
