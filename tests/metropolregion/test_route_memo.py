"""The route memo (metropolregion/route_memo.py): a page found once is found again without
queries, and never after it changed, moved, went offline or got a view restriction.

As in test_fragments.py: the page cache is off and the fragments (whose generations stamp
the memo) on; changes run inside `django_capture_on_commit_callbacks(execute=True)`."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from events.models import EventPage, Registration
from metropolregion import fragments, route_memo
from news.models import NewsPage
from tests.factories.membership import MemberFactory

# The queries that find a page: the locale, the pages on the way, the ancestors' aliases and
# their view restrictions (a page's own queries, e.g. a list of news, are not among them).
ROUTING = (
    'SELECT "wagtailcore_locale"',
    '"wagtailcore_page"."url_path" IN',
    '"wagtailcore_page"."alias_of_id" FROM',
    'SELECT "wagtailcore_pageviewrestriction"',
)


@pytest.fixture(autouse=True)
def _fragments_on():
    caches[fragments.CACHE_ALIAS].clear()
    route_memo.forget()
    with override_settings(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=300):
        yield
    caches[fragments.CACHE_ALIAS].clear()
    route_memo.forget()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def article(demo_content):
    return NewsPage.objects.live().filter(locale__language_code="de").order_by("path").first()


def routing_queries(client, url, status=200):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == status, url
    return [q["sql"] for q in ctx.captured_queries if any(t in q["sql"] for t in ROUTING)]


def test_a_page_found_once_is_found_again_without_routing_queries(article):
    client = Client()
    for url in ("/", article.url, "/news/", "/en/"):
        assert routing_queries(client, url), url  # the first time: locale, pages, restrictions
        assert routing_queries(client, url) == [], url


def test_every_request_gets_a_page_object_of_its_own(article):
    client = Client()
    first = client.get(article.url).context["page"]
    second = client.get(article.url).context["page"]
    third = client.get(article.url).context["page"]
    assert first.pk == second.pk == third.pk
    assert second is not third  # unpickled for each request: nothing shared between threads


def test_an_unpublished_page_is_gone_at_once(article, committed):
    client = Client()
    client.get(article.url)
    client.get(article.url)
    with committed():
        article.unpublish()
    routing_queries(client, article.url, status=404)


def test_a_renamed_page_answers_only_at_its_new_address(article, committed):
    client = Client()
    old = article.url
    client.get(old)
    client.get(old)
    with committed():
        article.slug = "neu-im-route-memo"
        article.save_revision().publish()
    response = client.get(old)  # Wagtail's redirect from the old address, not the old page
    assert response.status_code == 301 and response["Location"].endswith("/neu-im-route-memo/")
    assert client.get(response["Location"]).status_code == 200


def test_a_new_view_restriction_applies_at_once_and_on_every_request(article, committed):
    anonymous = Client()
    anonymous.get(article.url)
    anonymous.get(article.url)
    with committed():
        PageViewRestriction.objects.create(page=article, restriction_type="login")
    for _ in range(2):  # the first request and the remembered route alike
        response = anonymous.get(article.url)
        assert response.status_code == 302 and "anmelden" in response["Location"]
    member = Client()
    member.force_login(MemberFactory())
    assert member.get(article.url).status_code == 200
    assert member.get(article.url).status_code == 200


def test_a_group_restriction_is_checked_for_each_visitor(article, committed):
    with committed():
        restriction = PageViewRestriction.objects.create(page=article, restriction_type="groups")
        restriction.groups.add(Group.objects.create(name="Nur Vorstand"))
    member = Client()
    member.force_login(MemberFactory())
    for _ in range(2):
        assert member.get(article.url).status_code in (302, 403)


def test_a_registration_post_uses_the_remembered_route(demo_content):
    event = EventPage.objects.get(slug="netzwerktreffen-wasserstoff-mittelstand")
    client = Client()
    form = event.url + "anmeldung/"
    assert client.get(form).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(
            form,
            {"name": "Erika Beispiel", "email": "erika@example.org", "consent": "on"},
            HTTP_ORIGIN="http://testserver",
        )
    assert response.status_code == 200
    assert Registration.objects.filter(event=event, email="erika@example.org").exists()
    sql = [q["sql"] for q in ctx.captured_queries]
    assert not any("wagtailcore_locale" in q or "wagtailcore_pageviewrestriction" in q for q in sql)


def test_without_the_cache_pages_are_routed_as_before(article, monkeypatch):
    monkeypatch.setattr(fragments, "generations", lambda labels: None)
    client = Client()
    assert routing_queries(client, article.url)
    assert routing_queries(client, article.url)  # nothing remembered without a stamp


def test_the_memo_keeps_at_most_its_number_of_paths(article, monkeypatch):
    monkeypatch.setattr(route_memo, "MAX_ENTRIES", 2)
    client = Client()
    for url in ("/", article.url, "/news/"):
        client.get(url)
    assert len(route_memo._memo) == 2
    assert routing_queries(client, "/")  # the oldest went first


def test_a_restarted_cache_never_repeats_a_generation(db):
    cache = caches[fragments.CACHE_ALIAS]
    before = fragments.generations([fragments.ANY_PAGE])
    cache.clear()  # Redis restarted: the generations are gone
    after = fragments.generations([fragments.ANY_PAGE])
    assert after[fragments.ANY_PAGE] > before[fragments.ANY_PAGE]
    assert after[fragments.EVERYTHING] > before[fragments.EVERYTHING]
