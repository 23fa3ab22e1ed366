"""The demo content builds the site from the seed's facts and can be loaded again.

One test runs `load_demo_content` on an empty database, as `make run` does; the others
check the shared demo (`demo_content`, see tests/conftest.py) instead of loading it again.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from demo.core import DEMO_USERS
from metropolregion.models import (
    FeedbackFormPage,
    HomePage,
    NavigationSettings,
    SiteSettings,
    StandardPage,
)

LEGAL_PAGES = {
    "ueber-uns",
    "kontakt",
    "impressum",
    "datenschutz",
    "barrierefreiheit",
    "leichte-sprache",
}


def load(*args):
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return (
        Page.objects.count(),
        get_image_model().objects.count(),
        sorted(Page.objects.values_list("url_path", flat=True)),
    )


@pytest.mark.django_db
def test_demo_content_builds_the_site_and_is_idempotent():
    output = load()
    assert "Demo-Inhalte sind bereit" in output
    home = HomePage.objects.get(locale__language_code="de")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert set(
        StandardPage.objects.filter(locale__language_code="de").values_list("slug", flat=True)
    ) == (LEGAL_PAGES - {"barrierefreiheit"}) | {"mitglieder"}
    # The accessibility statement carries the feedback form (BITV: a way to report barriers).
    statement = FeedbackFormPage.objects.get(slug="barrierefreiheit")
    assert statement.to_address and statement.thank_you_text and statement.live
    types = [b.block_type for b in home.body]
    assert types[0] == "hero"
    assert {
        "featured",
        "section",
        "call_to_action",
        "social",
        "projects",
        "working_groups",
        "news",
        "galleries",
        "testimonials",
    } <= set(types)
    text = str(home.body.raw_data)
    for state in ("Sachsen", "Sachsen-Anhalt", "Thüringen"):
        assert state in text
    first = snapshot()
    load()
    assert snapshot() == first  # nothing duplicated on a second run
    site = Site.objects.get(is_default_site=True)
    assert len(NavigationSettings.for_site(site).main_menu) >= 2
    assert SiteSettings.for_site(site).accounts


def test_demo_site_renders_every_page(client, demo_content):
    pages = Page.objects.live().filter(depth__gte=2)
    assert pages.count() >= 30
    for page in pages.specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_demo_images_are_generated_pngs(demo_content):
    images = get_image_model().objects.all()
    assert images.count() >= 5
    for image in images:
        assert image.file.name.endswith(".png")
        assert image.width >= 300


@override_settings(DEBUG=True)
def test_demo_logins_only_in_development(demo_content):
    first = snapshot()
    output = load("--with-users")  # on the demo site that is already there
    assert snapshot() == first
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    editor = users.get(username="redaktion")
    assert editor.groups.filter(name="Redaktion").exists() and not editor.is_superuser
    assert editor.has_perm("wagtailadmin.access_admin")
    member = users.get(username="mitglied")
    assert not member.has_perm("wagtailadmin.access_admin")
    assert "redaktion / redaktion-demo-2025" in output


def test_demo_logins_are_refused_without_debug(demo_content):
    with pytest.raises(CommandError, match="DEBUG"):
        load("--with-users")
    usernames = [user["username"] for user in DEMO_USERS]
    assert not get_user_model().objects.filter(username__in=usernames).exists()
