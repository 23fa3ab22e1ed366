"""An editor of the Redaktion changes a page in the real admin, in Chromium, through Varnish:
the readers' next request through Varnish shows the change at once (the app server purged
it), although Varnish had the page stored a moment before."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from metropolregion import roles
from tests.browser import conftest as browser_conftest
from tests.deploy.conftest import Browser, set_production_password, varnishd_missing_reason
from tests.factories import StandardPageFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(bool(varnishd_missing_reason()), reason=varnishd_missing_reason() or ""),
]

PASSWORD = "geheim-Passwort-2025"


@pytest.fixture
def chromium(monkeypatch):
    """Chromium after the servers are up (see tests/browser/conftest.py on the ORM)."""
    yield from browser_conftest.chromium(monkeypatch)


def test_an_editor_publishes_in_the_browser_and_readers_see_it_through_varnish(
    home_page, varnish_stack, chromium
):
    about = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    editor = get_user_model().objects.create_user("redakteurin", "r@example.org")
    editor.groups.add(Group.objects.get(name=roles.REDAKTION))
    set_production_password(editor, PASSWORD)
    url = varnish_stack.base + "/ueber-uns/"
    Browser().get(url)
    stored = Browser().get(url)
    assert stored.cache == "HIT" and "Über uns" in stored.text

    admin = chromium.new_context(locale="de-DE", timezone_id="Europe/Berlin").new_page()
    admin.set_default_timeout(30_000)
    admin.goto(varnish_stack.base + "/admin/login/")
    admin.locator("#id_username").fill("redakteurin")
    admin.locator("#id_password").fill(PASSWORD)
    admin.locator("button[type=submit]").click()
    admin.wait_for_url(varnish_stack.base + "/admin/")
    admin.goto(f"{varnish_stack.base}/admin/pages/{about.pk}/edit/")
    admin.locator("#id_title").fill("Über uns – frisch veröffentlicht")
    publish = admin.locator("button[name='action-publish']").first
    with admin.expect_navigation():
        if not publish.is_visible():
            admin.locator("footer [data-w-dropdown-target='toggle']").first.click()
            publish.wait_for(state="visible")
        publish.click()
    about.refresh_from_db()
    assert about.title == "Über uns – frisch veröffentlicht" and about.live

    reader = chromium.new_context(locale="de-DE").new_page()
    response = reader.goto(url)
    assert response.status == 200
    assert reader.locator("h1").inner_text() == "Über uns – frisch veröffentlicht"
    assert reader.context.cookies() == []  # a reader gets no cookie, through Varnish too
    again = Browser().get(url)
    assert again.cache == "HIT" and "frisch veröffentlicht" in again.text
