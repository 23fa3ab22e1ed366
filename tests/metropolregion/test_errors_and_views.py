"""Error pages, liveness check, robots.txt and favicon."""

import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import path

from metropolregion import urls as project_urls


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("kaputt/", broken), *project_urls.urlpatterns]


@pytest.mark.django_db
def test_unknown_address_gets_the_styled_404_page(client, home_page):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Diese Seite gibt es nicht" in html
    assert 'class="skip-link"' in html  # the full site frame, navigation included


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_server_error_page_is_served_without_leaking_details(client, home_page):
    client.raise_request_exception = False
    response = client.get("/kaputt/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Entschuldigung" in html
    assert "boom" not in html and "Traceback" not in html


def test_500_template_needs_no_context():
    html = render_to_string("500.html")
    assert "/static/css/site.css" in html


def test_healthz_says_the_process_is_up(client):
    """Liveness only: no database access (no `django_db` mark, which pytest-django would
    enforce); readiness is /readyz/ (tests/metropolregion/test_health.py)."""
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_robots_txt_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /admin/" in response.content.decode()


def test_favicon_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.ico")


@pytest.mark.django_db
def test_anonymous_page_views_set_no_cookie(client, home_page):
    for url in ("/", "/gibt-es-nicht/", "/robots.txt"):
        response = client.get(url)
        assert not response.cookies, url
