"""deploy/varnish/default.vcl against a real varnishd in front of gunicorn (production
settings, PostgreSQL, Redis): what is shared and what never is, and purges on publish
that make the next request fresh at once (not after the TTL)."""

import logging
import os
import signal

import pytest
from django.test import Client

from metropolregion.models import SiteSettings
from tests.deploy.conftest import Browser, set_production_password, varnishd_missing_reason
from tests.factories import StandardPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory, berlin
from tests.factories.membership import MemberFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(bool(varnishd_missing_reason()), reason=varnishd_missing_reason() or ""),
]

PASSWORD = "geheim-Passwort-2025"


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")


def twice(browser, url, **kwargs):
    first = browser.get(url, **kwargs)
    return first, browser.get(url, **kwargs)


def test_an_anonymous_page_is_served_from_varnish(varnish_stack, about):
    first, second = twice(Browser(), varnish_stack.base + "/ueber-uns/")
    assert first.status == second.status == 200
    assert first.cache == "MISS" and second.cache == "HIT"
    assert "Über uns" in second.text and second.body == first.body
    # Analytics cookies do not split the cache; browsers revalidate (ETag, no-cache).
    third = Browser().get(varnish_stack.base + "/ueber-uns/", headers={"Cookie": "_pk_id=1"})
    assert third.cache == "HIT"
    assert "no-cache" in second.headers["Cache-Control"] and second.headers["ETag"]
    conditional = Browser().get(
        varnish_stack.base + "/ueber-uns/", headers={"If-None-Match": second.headers["ETag"]}
    )
    assert conditional.status == 304


def test_a_logged_in_member_is_never_served_from_or_stored_in_the_cache(varnish_stack, home_page):
    calendar = EventIndexPageFactory(parent=home_page, slug="termine")
    EventPageFactory(
        parent=calendar,
        slug="kongress",
        start=berlin(2099, 6, 24, 10, 0),
        registration_mode="intern",
        capacity=50,
    )
    member = MemberFactory(username="erika", first_name="Erika", email="erika@example.org")
    set_production_password(member, PASSWORD)
    url = varnish_stack.base + "/termine/kongress/anmeldung/"  # the form
    anonymous = twice(Browser(), url)[1]
    assert anonymous.cache == "HIT" and "erika@example.org" not in anonymous.text
    erika = Browser()
    erika.log_in(varnish_stack.base + "/konto/anmelden/", "erika", PASSWORD)
    for _ in range(2):
        page = erika.get(url)
        assert page.status == 200 and page.cache == "PASS"
        assert 'value="erika@example.org"' in page.text  # her form, filled in for her
    after = Browser().get(url)
    assert after.cache == "HIT" and "erika@example.org" not in after.text
    account = erika.get(varnish_stack.base + "/konto/")
    assert account.status == 200 and account.cache == "PASS"


def test_posts_admin_search_and_health_pass(varnish_stack, about):
    browser = Browser()
    for path in ("/admin/login/", "/suche/?q=x", "/healthz/", "/en/konto/anmelden/"):
        second = twice(browser, varnish_stack.base + path)[1]
        assert second.cache == "PASS", path
    post = Browser().post(varnish_stack.base + "/ueber-uns/", {"x": "1"})
    assert post.cache == "PASS"
    with_csrf_cookie = Browser().get(
        varnish_stack.base + "/ueber-uns/", headers={"Cookie": "csrftoken=abc"}
    )
    assert with_csrf_cookie.cache == "PASS"


def test_purge_is_refused_from_outside_the_acl(varnish_stack):
    # The ACL admits 127.0.0.1 only; the test cannot come from elsewhere, so the VCL's
    # check is read instead: PURGE answers 403 for any other client.
    vcl = (varnish_stack.varnish.workdir / "default.vcl").read_text()
    assert 'if (client.ip !~ purgers) {\n        return (synth(403, "Forbidden"));' in vcl
    answer = Browser().request("PURGE", varnish_stack.base + "/ueber-uns/")
    assert answer.status == 200


def test_publishing_makes_the_next_request_fresh(varnish_stack, about):
    url = varnish_stack.base + "/ueber-uns/"
    assert twice(Browser(), url)[1].cache == "HIT"
    about.title = "Über den Verein"
    about.save_revision().publish()
    fresh = Browser().get(url)
    assert fresh.cache == "MISS" and "Über den Verein" in fresh.text


def test_unpublishing_gives_404_through_varnish(varnish_stack, about):
    url = varnish_stack.base + "/ueber-uns/"
    assert twice(Browser(), url)[1].cache == "HIT"
    about.unpublish()
    assert Browser().get(url).status == 404


def test_a_news_article_purges_the_list_with_its_query_variants(varnish_stack, home_page):
    news = NewsIndexPageFactory(parent=home_page, slug="aktuelles")
    NewsPageFactory(parent=news, title="Alte Meldung", slug="alt")
    browser = Browser()
    urls = [varnish_stack.base + path for path in ("/aktuelles/", "/aktuelles/?page=1")]
    urls.append(varnish_stack.base + "/aktuelles/feed/rss/")
    unrelated = varnish_stack.base + "/robots.txt"
    for url in [*urls, unrelated]:
        assert twice(browser, url)[1].cache == "HIT", url
    article = NewsPageFactory(parent=news, title="Neue Meldung zum Wasserstoff", live=False)
    article.save_revision().publish()
    for url in urls:
        page = browser.get(url)
        assert page.cache == "MISS" and "Neue Meldung zum Wasserstoff" in page.text, url
    assert browser.get(unrelated).cache == "HIT"  # not everything was dropped


def test_a_setting_change_drops_every_page(varnish_stack, about, site):
    browser = Browser()
    urls = [varnish_stack.base + path for path in ("/", "/ueber-uns/", "/robots.txt")]
    for url in urls:
        assert twice(browser, url)[1].cache == "HIT", url
    settings = SiteSettings.for_site(site)
    settings.organisation_name = "Metropolregion Neu e. V."
    settings.save()
    for url in urls:
        assert browser.get(url).cache == "MISS", url
    assert "Metropolregion Neu e. V." in browser.get(varnish_stack.base + "/").text


def test_without_varnish_publishing_works_and_is_logged(varnish_stack, about, caplog):
    caplog.set_level(logging.INFO)
    varnish_stack.varnish.__exit__()  # Varnish stops
    about.title = "Über den Verein"
    about.save_revision().publish()  # no exception for the editor
    about.refresh_from_db()
    assert about.live and about.title == "Über den Verein"
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("Couldn't purge" in message for message in errors), errors
    # The app server answers directly, fresh.
    assert "Über den Verein" in Browser().get(varnish_stack.servers[0] + "/ueber-uns/").text


def test_an_editor_publishing_in_the_admin_through_varnish(varnish_stack, about):
    """The same over HTTP: an editor logs in to /admin/ through Varnish and unpublishes;
    the app server purges Varnish itself."""
    from django.contrib.auth.models import User

    set_production_password(User.objects.create_superuser("redaktion", "r@example.org"), PASSWORD)
    url = varnish_stack.base + "/ueber-uns/"
    assert twice(Browser(), url)[1].cache == "HIT"
    editor = Browser()
    editor.log_in(varnish_stack.base + "/admin/login/", "redaktion", PASSWORD)
    unpublish = f"{varnish_stack.base}/admin/pages/{about.pk}/unpublish/"
    form = editor.get(unpublish)
    assert form.status == 200 and form.cache == "PASS"
    done = editor.post(unpublish, {"csrfmiddlewaretoken": editor.csrf_token(form.text)})
    assert done.status == 200, done.text[:300]
    assert Browser().get(url).status == 404


def test_when_the_app_is_down_varnish_serves_the_stored_page(varnish_stack, about):
    url = varnish_stack.base + "/ueber-uns/"
    assert twice(Browser(), url)[1].cache == "HIT"
    for server in varnish_stack.processes:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    page = Browser().get(url)
    assert page.status == 200 and "Über uns" in page.text
    assert Browser().get(varnish_stack.base + "/impressum/").status == 503


def test_force_login_session_cookie_passes_too(varnish_stack, about):
    """A session made elsewhere (the test client's force_login) counts the same."""
    client = Client()
    client.force_login(MemberFactory(username="max"))
    cookie = f"sessionid={client.cookies['sessionid'].value}; _ga=GA1.1"
    page = Browser().get(varnish_stack.base + "/ueber-uns/", headers={"Cookie": cookie})
    assert page.cache == "PASS"
