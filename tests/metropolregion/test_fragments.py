"""Rendered fragments (metropolregion.fragments): the path every logged-in member, every
preview and the first visitor after a change takes is cheap, and never stale.

The page cache is off here and the fragment cache on: every request renders its page, and
what it can reuse comes from the fragments. Changes run inside
`django_capture_on_commit_callbacks(execute=True)` (generations move when a change commits;
a test's transaction never commits by itself)."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from events import registration as registration_rules
from events.choices import RegistrationStatus
from events.models import EventPage, Registration
from metropolregion import fragments
from metropolregion.models import SiteSettings
from news.models import NewsPage
from projects.blocks import ProjectGridBlock
from testimonials.models import Testimonial as Quote
from tests.factories.membership import MemberFactory

on = override_settings(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=300)


@pytest.fixture(autouse=True)
def _fragments_on():
    caches[fragments.CACHE_ALIAS].clear()
    with on:
        yield
    caches[fragments.CACHE_ALIAS].clear()


@pytest.fixture
def member(db):
    client = Client()
    client.force_login(MemberFactory())
    return client


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.fixture
def grid_renders(monkeypatch):
    """How often the project grid was rendered (not taken from the cache)."""
    calls = []
    original = ProjectGridBlock.render

    def counting(self, value, context=None):
        calls.append(1)
        return original(self, value, context)

    monkeypatch.setattr(ProjectGridBlock, "render", counting)
    return calls


def test_a_second_render_reuses_the_fragments_with_fewer_queries(demo_content, member):
    cold = queries(member, "/")
    warm = queries(member, "/")
    assert warm < cold
    assert warm <= 12  # the target of issue 18 for the home page


def test_the_page_is_the_same_with_and_without_fragments(demo_content, member):
    urls = ["/", "/news/", "/termine/", "/projekte/", "/arbeitsgruppen/", "/ueber-uns/", "/en/"]
    with override_settings(FRAGMENT_CACHE_SECONDS=0):
        plain = {url: html(member, url) for url in urls}
    for url in urls:
        assert html(member, url) == plain[url], url  # filling the cache
        assert html(member, url) == plain[url], url  # from the cache


def test_publishing_news_refreshes_the_news_but_not_the_project_grid(
    demo_content, member, committed, grid_renders
):
    html(member, "/")
    assert len(grid_renders) == 1
    html(member, "/")
    assert len(grid_renders) == 1  # from the cache
    latest = NewsPage.objects.live().order_by("-date").first()
    news = latest.copy(
        update_attrs={
            "title": "Frisch aus dem Fragment-Test",
            "slug": "fragment-test",
            "date": latest.date + datetime.timedelta(days=1),
        },
        keep_live=False,
    )
    assert "Frisch aus dem Fragment-Test" not in html(member, "/")
    with committed():
        news.save_revision().publish()
    assert "Frisch aus dem Fragment-Test" in html(member, "/")
    assert len(grid_renders) == 1  # a news item does not re-render the project grid


def test_a_registration_updates_the_free_places_on_the_rendered_page(
    demo_content, member, committed
):
    event = EventPage.objects.get(slug="netzwerktreffen-wasserstoff-mittelstand")
    places = registration_rules.free_places(event)
    assert f"Noch {places} Plätze frei" in html(member, event.url)
    with committed():
        Registration.objects.create(
            event=event,
            name="Erika Beispiel",
            email="erika@example.org",
            status=RegistrationStatus.CONFIRMED,
        )
    assert f"Noch {places - 1} Plätze frei" in html(member, event.url)


def test_a_moved_page_changes_the_menu_on_every_page(demo_content, member, committed):
    for url in ("/", "/ueber-uns/"):
        assert 'href="/termine/"' in html(member, url)
    calendar = Page.objects.get(url_path__endswith="/termine/", locale__language_code="de").specific
    with committed():
        calendar.slug = "kalender"
        calendar.save_revision().publish()
    for url in ("/", "/ueber-uns/"):
        page = html(member, url)
        assert 'href="/kalender/"' in page and 'href="/termine/"' not in page, url


def test_settings_and_testimonials_refresh_their_fragments(demo_content, member, committed):
    html(member, "/")
    site_settings = SiteSettings.objects.get()
    with committed():
        site_settings.phone = "+49 341 0000 4711"
        site_settings.save()
    assert "+49 341 0000 4711" in html(member, "/")
    quote = Quote.objects.filter(is_active=True).first()
    with committed():
        quote.quote = "Ein Zitat, frisch aus dem Fragment."
        quote.save()
    Quote.objects.filter(is_active=True).update(quote="Ein Zitat, frisch aus dem Fragment.")
    assert "Ein Zitat, frisch aus dem Fragment." in html(member, "/")


def test_what_a_change_touches():
    assert fragments.labels_for(NewsPage) == {"news.newspage", fragments.ANY_PAGE}
    assert fragments.labels_for(Registration) == {"events.eventpage"}
    assert fragments.labels_for(Quote) == {"testimonials.testimonial"}
    assert fragments.labels_for(SiteSettings) == {fragments.EVERYTHING}
    from django.contrib.auth.models import User
    from wagtail.models import Revision

    assert fragments.labels_for(User) == set()
    assert fragments.labels_for(Revision) == set()


def test_a_rolled_back_change_moves_nothing(db):
    before = fragments.generations(["news.newspage"])
    fragments.bump({"news.newspage"})  # the test's transaction never commits
    assert fragments.generations(["news.newspage"]) == before


def test_a_form_answer_and_a_preview_are_never_taken_from_the_cache(demo_content, member):
    from django.template import Context, Template
    from django.test import RequestFactory

    template = Template(
        '{% load fragment_tags %}{% fragment "t" get_only %}{{ value }}{% endfragment %}'
    )
    get = RequestFactory().get("/")
    assert template.render(Context({"request": get, "value": "eins"})) == "eins"
    assert template.render(Context({"request": get, "value": "zwei"})) == "eins"  # cached
    post = RequestFactory().post("/")
    assert template.render(Context({"request": post, "value": "drei"})) == "drei"
    # Without get_only (the menu, the footer) the answer to a form reuses the fragment.
    menu = Template('{% load fragment_tags %}{% fragment "m" %}{{ value }}{% endfragment %}')
    assert menu.render(Context({"request": get, "value": "Menü"})) == "Menü"
    assert menu.render(Context({"request": post, "value": "anders"})) == "Menü"
    preview = RequestFactory().get("/")
    preview.is_preview = True
    assert template.render(Context({"request": preview, "value": "vier"})) == "vier"
    shared = Template(
        '{% load fragment_tags %}{% fragment "c" shows=shows %}{{ value }}{% endfragment %}'
    )
    context = {"request": get, "shows": ()}
    assert shared.render(Context({**context, "value": "a"})) == "a"
    assert shared.render(Context({**context, "value": "b"})) == "a"
    assert shared.render(Context({**context, "value": "c", "form": object()})) == "c"
    assert shared.render(Context({"request": get, "shows": "", "value": "d"})) == "d"


def test_an_unreachable_cache_renders_the_page(demo_content, member):
    broken = {
        "BACKEND": "metropolregion.cache_backends.TolerantRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
    default = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    with override_settings(CACHES={"default": default, "pages": broken}):
        first = html(member, "/")
        assert html(member, "/") == first
