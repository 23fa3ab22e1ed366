"""Security headers on every kind of response: the strict Content-Security-Policy of the
public site and the member log-in, the admin's relaxed one (its preview must stay
frameable by the admin), Permissions-Policy, nosniff, Referrer-Policy, X-Frame-Options, and
HSTS with the production settings."""

import json
import secrets
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page

from tests.metropolregion.test_settings import run_production

# Routes that are not Wagtail pages, or other views of a page (one live page of every page
# type is added from the demo).
EXTRA_URLS = {
    "news RSS feed": "/news/feed/rss/",
    "news Atom feed": "/news/presse/feed/atom/",
    "calendar month view": "/termine/monat/2026/11/",
    "calendar archive": "/termine/archiv/",
    "iCal feed": "/termine/ical/",
    "registration form": "/termine/netzwerktreffen-wasserstoff-mittelstand/anmeldung/",
    "search": "/suche/?q=Sachsen",
    "member login": "/konto/anmelden/",
    "password reset": "/konto/passwort-vergessen/",
    "sitemap": "/sitemap.xml",
    "robots.txt": "/robots.txt",
}

PUBLIC_DIRECTIVES = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}
FEATURES_OFF = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]


def parse_csp(header):
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        assert name not in directives, f"{name} twice in {header!r}"
        directives[name] = set(sources)
    return directives


def assert_common_headers(response, where):
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", where
    policy = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
    for feature in FEATURES_OFF:
        assert policy.get(feature) == "()", f"{where}: {feature} not off in {policy}"


def assert_public_policy(response, where):
    assert_common_headers(response, where)
    csp = parse_csp(response["Content-Security-Policy"])
    for directive, sources in PUBLIC_DIRECTIVES.items():
        assert csp.get(directive) == sources, f"{where}: {directive} is {csp.get(directive)}"
    every_source = set().union(*csp.values())
    assert not every_source & {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:"}, where
    assert response["X-Frame-Options"] == "DENY", where


def public_urls():
    """One live, public page of every page type in the demo, and the routes above."""
    urls = {}
    for page in Page.objects.live().public().filter(depth__gte=2).specific().order_by("path"):
        urls.setdefault(type(page).__name__, page.url)
    assert {"HomePage", "StandardPage", "ProjectPage", "NewsPage", "EventPage"} <= set(urls)
    return {**urls, **EXTRA_URLS}


class InlineCode(HTMLParser):
    """Finds what the strict policy would block: inline script (JSON-LD and other data
    blocks are not script), <style>, style attributes and event-handler attributes."""

    DATA_TYPES = {"application/ld+json", "application/json"}

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        inline = tag == "script" and "src" not in attributes
        if inline and attributes.get("type") not in self.DATA_TYPES:
            self.found.append(f"inline <script {attributes}>")
        if tag == "style":
            self.found.append("<style>")
        for name in attributes:
            if name == "style" or name.startswith("on"):
                self.found.append(f'<{tag} {name}="{attributes[name]}">')


def test_every_public_page_type_has_the_strict_policy_and_no_inline_code(client, demo_content):
    checked = 0
    for where, url in public_urls().items():
        response = client.get(url)
        assert response.status_code == 200, f"{where}: {url} answered {response.status_code}"
        assert_public_policy(response, f"{where} ({url})")
        if response["Content-Type"].startswith("text/html"):
            parser = InlineCode()
            parser.feed(response.content.decode())
            assert parser.found == [], f"{where} ({url}): {parser.found}"
            checked += 1
    assert checked >= 15


def test_json_ld_is_a_data_block_not_script(client, demo_content):
    html = client.get("/").content.decode()
    assert '<script type="application/ld+json">' in html


def test_member_account_and_error_pages_have_the_strict_policy(client, demo_content):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert_public_policy(response, "404")

    member = get_user_model().objects.create_user("sicher", "sicher@example.org", "x-Pass-2025")
    client.force_login(member)
    response = client.get("/konto/")
    assert response.status_code == 200
    assert_public_policy(response, "Mein Konto")


@pytest.fixture
def admin_client(client, demo_content):
    user = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "x")
    client.force_login(user)
    return client


def assert_admin_policy(response, where):
    assert_common_headers(response, where)
    csp = parse_csp(response["Content-Security-Policy"])
    assert csp["script-src"] == {"'self'", "'unsafe-inline'"}, where
    assert csp["style-src"] == {"'self'", "'unsafe-inline'"}, where
    assert csp["default-src"] == {"'self'"}, where
    assert csp["img-src"] == {"'self'", "data:"}, where
    assert csp["object-src"] == {"'none'"}, where
    assert csp["base-uri"] == {"'self'"}, where
    assert csp["form-action"] == {"'self'"}, where
    assert csp["frame-ancestors"] == {"'self'"}, where
    assert "'unsafe-eval'" not in set().union(*csp.values()), where


def test_admin_has_the_relaxed_policy_but_is_not_frameable_elsewhere(client, admin_client):
    response = Client().get("/admin/login/")
    assert response.status_code == 200
    assert_admin_policy(response, "admin login")
    assert response["X-Frame-Options"] == "DENY"
    for url in ["/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/"]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_admin_policy(response, url)
        assert response["X-Frame-Options"] == "DENY", url


def test_admin_preview_can_be_framed_by_the_admin_only(admin_client):
    home = Page.objects.get(depth=2, locale__language_code="de")
    preview = f"/admin/pages/{home.pk}/edit/preview/"
    edit = admin_client.get(f"/admin/pages/{home.pk}/edit/")
    assert edit.status_code == 200
    assert "w-preview-iframe" in edit.content.decode()

    response = admin_client.get(preview, {"in_preview_panel": "true"})

    assert response.status_code == 200
    assert "<h1" in response.content.decode()  # the page itself, not an error
    # Not the public page's policy (Wagtail renders the page to a dummy request at "/").
    assert_admin_policy(response, "preview")
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_production_sends_hsts_and_the_other_headers():
    code = (
        "import json, django; django.setup()\n"
        "from django.test import Client\n"
        "response = Client().get('/healthz/', HTTP_X_FORWARDED_PROTO='https')\n"
        "print(json.dumps({'status': response.status_code, **response.headers}))\n"
    )
    result = run_production(
        code,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver",
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.returncode == 0, result.stderr
    headers = json.loads(result.stdout.strip().splitlines()[-1])
    assert headers["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in headers["Permissions-Policy"]


def test_production_redirects_plain_http_to_https():
    code = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "response = Client().get('/ueber-uns/')\n"
        "print(response.status_code, response['Location'])\n"
    )
    result = run_production(
        code,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver",
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["301", "https://testserver/ueber-uns/"]
