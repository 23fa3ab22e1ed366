"""The site per host is remembered (metropolregion/site_lookup.py): no query for it on the
second request, and a changed site or root page is seen at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.factories import StandardPageFactory


def site_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    sql = [q["sql"] for q in ctx.captured_queries]
    # Wagtail's lookup by host (the settings' own query joins the site by its id).
    return response, [s for s in sql if 'FROM "wagtailcore_site"' in s and "CASE WHEN" in s]


def test_the_second_request_asks_nobody_for_the_site(client, home_page):
    StandardPageFactory(parent=home_page, slug="ueber-uns", title="Über uns")
    first, asked = site_queries(client, "/ueber-uns/")
    assert first.status_code == 200 and asked
    second, asked = site_queries(client, "/ueber-uns/")
    assert second.status_code == 200 and asked == []
    assert second.content == first.content


def test_a_changed_site_and_root_page_are_seen_at_once(client, home_page):
    StandardPageFactory(parent=home_page, slug="ueber-uns", title="Über uns")
    assert client.get("/ueber-uns/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Neuer Name"
    site.save()
    _, asked = site_queries(client, "/ueber-uns/")
    assert asked  # looked up again
    home_page.slug = "start-neu"
    home_page.save_revision().publish()
    assert client.get("/ueber-uns/").status_code == 200
