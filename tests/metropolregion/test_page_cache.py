"""The full-page cache (metropolregion.cache): anonymous visitors get cached pages, and never
a stale one after an editor changed something shown on them; logged-in people and
responses that set a cookie are never cached; forms on cached pages still work.

Changes run inside `django_capture_on_commit_callbacks(execute=True)`: the cache is
invalidated when a change commits, and a test's transaction never commits by itself."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from events import registration as registration_rules
from events.choices import RegistrationStatus
from events.models import EventPage, Registration
from metropolregion import cache as page_cache
from metropolregion.models import NavigationSettings, SiteSettings
from news.models import NewsPage
from testimonials.models import Testimonial as Quote
from tests.conftest import REDIS_URL
from tests.factories.membership import MemberFactory

HOST = "testserver"
ORIGIN = f"http://{HOST}"

enabled = override_settings(PAGE_CACHE_SECONDS=300)


@pytest.fixture(autouse=True)
def _cache_on():
    with enabled:
        yield


@pytest.fixture
def visitor():
    return Client()


def fetch(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.get(page_cache.HIT_HEADER)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run an editor's change as if its transaction committed."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def publish(page, committed):
    with committed():
        page.save_revision().publish()


# -- hits --


def test_second_visit_comes_from_the_cache_without_queries(demo_content, visitor):
    first, state = fetch(visitor, "/")
    assert first.status_code == 200
    assert state == "miss"
    with CaptureQueriesContext(connection) as queries:
        second, state = fetch(visitor, "/")
    assert state == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert not second.cookies


def test_cached_page_keeps_the_security_headers(demo_content, visitor):
    first, _ = fetch(visitor, "/")
    second, state = fetch(visitor, "/")
    assert state == "hit"
    for header in ("X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
        assert second[header] == first[header]
    for header in ("Content-Security-Policy", "Permissions-Policy"):
        assert second.get(header) == first.get(header)


def test_etag_gives_not_modified(demo_content, visitor):
    first, _ = fetch(visitor, "/")
    etag = first["ETag"]
    again = visitor.get("/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_query_string_is_part_of_the_key(demo_content, visitor):
    fetch(visitor, "/termine/")
    filtered, state = fetch(visitor, "/termine/?format=online")
    assert state == "miss"
    assert filtered.status_code == 200


def test_excluded_paths_and_errors_are_not_stored(demo_content, visitor):
    for url in ("/suche/?q=Wasserstoff", "/konto/anmelden/", "/gibt-es-nicht/"):
        fetch(visitor, url)
        _, state = fetch(visitor, url)
        assert state is None, url


# -- freshness --


def test_publishing_a_news_item_shows_on_the_home_page_at_once(demo_content, visitor, committed):
    fetch(visitor, "/")
    assert fetch(visitor, "/")[1] == "hit"
    latest = NewsPage.objects.live().order_by("-date").first()
    news = latest.copy(
        update_attrs={
            "title": "Frisch veröffentlicht: Cache-Test",
            "slug": "cache-test",
            "date": latest.date + datetime.timedelta(days=1),
        },
        keep_live=False,
    )
    assert "Frisch veröffentlicht" not in fetch(visitor, "/")[0].content.decode()
    publish(news, committed)
    response, state = fetch(visitor, "/")
    assert state == "miss"
    assert "Frisch veröffentlicht: Cache-Test" in response.content.decode()


def test_republished_page_shows_the_new_text(demo_content, visitor, committed):
    page = EventPage.objects.live().filter(start__gte=datetime.datetime.now(datetime.UTC)).first()
    url = page.url
    fetch(visitor, url)
    assert fetch(visitor, url)[1] == "hit"
    page.title = "Neuer Titel nach dem Veröffentlichen"
    publish(page, committed)
    response, _ = fetch(visitor, url)
    assert "Neuer Titel nach dem Veröffentlichen" in response.content.decode()


def test_unpublished_page_disappears(demo_content, visitor, committed):
    page = NewsPage.objects.live().order_by("-date").first()
    url = page.url
    assert fetch(visitor, url)[0].status_code == 200
    fetch(visitor, "/")
    with committed():
        page.unpublish()
    assert fetch(visitor, url)[0].status_code == 404
    assert page.title not in fetch(visitor, "/")[0].content.decode()


def test_moved_page_leaves_its_old_address(demo_content, visitor, committed):
    page = NewsPage.objects.live().order_by("-date").first().specific
    old_url = page.url
    assert fetch(visitor, old_url)[0].status_code == 200
    assert fetch(visitor, old_url)[1] == "hit"
    target = Page.objects.get(slug="ueber-uns")
    with committed():
        page.move(target, pos="last-child")
    new_url = Page.objects.get(pk=page.pk).url
    moved = fetch(visitor, old_url)[0]
    assert moved.status_code == 301  # Wagtail leaves a redirect behind
    assert moved["Location"] == new_url
    assert fetch(visitor, new_url)[0].status_code == 200


def test_deleted_page_disappears(demo_content, visitor, committed):
    page = NewsPage.objects.live().order_by("-date").first()
    url = page.url
    fetch(visitor, url)
    with committed():
        page.delete()
    assert fetch(visitor, url)[0].status_code == 404


def test_editing_a_testimonial_changes_the_home_page(demo_content, visitor, committed):
    testimonial = Quote.objects.filter(is_active=True).first()
    assert testimonial is not None
    fetch(visitor, "/")
    assert fetch(visitor, "/")[1] == "hit"
    with committed():
        Quote.objects.filter(is_active=True).update(quote="Alle Zitate sind neu.")
        testimonial.quote = "Alle Zitate sind neu."
        testimonial.save()  # the admin saves through the model: that is what we listen to
    assert "Alle Zitate sind neu." in fetch(visitor, "/")[0].content.decode()


def test_editing_the_navigation_or_site_settings_changes_every_page(
    demo_content, visitor, committed
):
    fetch(visitor, "/")
    fetch(visitor, "/termine/")
    settings = SiteSettings.objects.get()
    with committed():
        settings.phone = "+49 341 0000 4711"
        settings.save()
    for url in ("/", "/termine/"):
        assert "+49 341 0000 4711" in fetch(visitor, url)[0].content.decode()

    navigation = NavigationSettings.objects.get()
    with committed():
        navigation.main_menu = []
        navigation.save()
    assert 'class="main-nav__link' not in fetch(visitor, "/termine/")[0].content.decode()


def test_a_page_made_private_is_no_longer_served(demo_content, visitor, committed):
    page = NewsPage.objects.live().order_by("-date").first()
    url = page.url
    assert fetch(visitor, url)[0].status_code == 200
    with committed():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response, _ = fetch(visitor, url)
    assert response.status_code == 302  # to the login


def test_a_registration_updates_the_free_places(demo_content, visitor, committed):
    event = EventPage.objects.get(slug="netzwerktreffen-wasserstoff-mittelstand")
    url = event.url
    places = registration_rules.free_places(event)
    assert f"Noch {places} Plätze frei" in fetch(visitor, url)[0].content.decode()
    assert fetch(visitor, url)[1] == "hit"
    with committed():
        Registration.objects.create(
            event=event,
            name="Erika Beispiel",
            email="erika@example.org",
            status=RegistrationStatus.CONFIRMED,
        )
    after, state = fetch(visitor, url)
    assert state == "miss"
    assert f"Noch {places - 1} Plätze frei" in after.content.decode()


def test_a_render_that_began_before_a_change_is_not_served_later(db):
    """The change commits while a page renders: the result is stored under the generation
    read at the start, which is out of date, so the next visitor gets a fresh render."""

    def render(text, change=False):
        def get_response(request):
            if change:
                page_cache._bump_generation()  # an editor's commit, mid-render
            return HttpResponse(text)

        return page_cache.PageCacheMiddleware(get_response)

    factory = RequestFactory()
    # control: without a change the second request is served what the first stored
    assert render("eins")(factory.get("/kontrolle/")).content == b"eins"
    assert render("zwei")(factory.get("/kontrolle/")).content == b"eins"
    # with a change during the first render, the second request renders afresh
    assert render("alt", change=True)(factory.get("/seite/")).content == b"alt"
    assert render("neu")(factory.get("/seite/")).content == b"neu"


def test_rolled_back_change_keeps_the_cache(demo_content, visitor):
    fetch(visitor, "/")
    generation = page_cache.current_generation()
    page_cache.invalidate()  # inside the test's transaction: runs only on commit
    assert page_cache.current_generation() == generation
    assert fetch(visitor, "/")[1] == "hit"


def test_every_content_model_invalidates():
    """A new model invalidates unless someone decides it is never shown (NEVER_SHOWN)."""
    covered = page_cache.all_models_covered()
    for label in (
        "wagtailcore.page",
        "wagtailcore.pageviewrestriction",
        "wagtailcore.collectionviewrestriction",
        "images.image",
        "wagtaildocs.document",
        "taggit.tag",
        "testimonials.testimonial",
        "metropolregion.sitesettings",
        "metropolregion.navigationsettings",
        "events.eventpage",
        "events.registration",
        "news.newspage",
    ):
        assert label in covered, label
    for label in (
        "wagtailcore.revision",
        "sessions.session",
        "wagtailimages.rendition",
        # search terms and promotions show on the search page only, which is never cached
        "wagtailsearchpromotions.query",
        "wagtailsearchpromotions.querydailyhits",
        "wagtailsearchpromotions.searchpromotion",
        "images.rendition",
    ):
        assert label not in covered


def test_a_search_does_not_empty_the_page_cache(demo_content, visitor, committed):
    """Issue 13, finding 6: a loop of new search terms cannot keep the site uncached."""
    fetch(visitor, "/")
    assert fetch(visitor, "/")[1] == "hit"
    generation = page_cache.current_generation()
    for term in ("ein neuer Suchbegriff", "noch einer", "Wasserstoff"):
        with committed():
            assert visitor.get("/suche/", {"q": term}).status_code == 200

    assert page_cache.current_generation() == generation
    assert fetch(visitor, "/")[1] == "hit"


def test_every_never_shown_label_names_an_installed_model():
    """A misspelt label would invalidate on every save of its model, unnoticed (the task
    queue's was `django_tasks_db`, its app label is `django_tasks_database`)."""
    from django.apps import apps

    installed = {model._meta.label_lower for model in apps.get_models()}
    assert sorted(page_cache.NEVER_SHOWN - installed) == []


def test_failed_log_ins_and_password_resets_do_not_empty_the_page_cache(
    demo_content, visitor, committed, settings
):
    """What anonymous visitors can do as often as they like must not keep the site
    uncached: a failed log-in (django-axes stores it) and a password reset (a queued task
    in the database)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    fetch(visitor, "/")
    generation = page_cache.current_generation()
    stranger = Client()
    for n in range(3):
        with committed():
            stranger.post("/konto/anmelden/", {"username": f"niemand{n}", "password": "x"})
        with committed():
            stranger.post("/konto/passwort-vergessen/", {"email": f"niemand{n}@example.org"})
            stranger.post("/admin/password_reset/", {"email": f"niemand{n}@example.org"})

    assert page_cache.current_generation() == generation
    assert fetch(visitor, "/")[1] == "hit"


# -- never cached --


def test_logged_in_people_are_never_served_from_nor_stored_in_the_cache(demo_content, visitor):
    member = MemberFactory()
    person = Client()
    person.force_login(member)
    fetch(visitor, "/termine/")
    assert fetch(visitor, "/termine/")[1] == "hit"
    response, state = fetch(person, "/termine/")
    assert response.status_code == 200
    assert state is None
    # and what a logged-in person saw is not stored for others
    fetch(person, "/impressum/")
    assert fetch(Client(), "/impressum/")[1] == "miss"


def test_a_response_that_sets_a_cookie_is_not_stored(demo_content, visitor, committed):
    page = NewsPage.objects.live().order_by("-date").first()
    with committed():
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    first = visitor.get(page.url)
    assert first.status_code == 200  # the password form, with a CSRF cookie
    assert first.cookies
    second, state = fetch(Client(), page.url)
    assert state is None
    assert second.cookies


def test_storable_rules():
    request = RequestFactory().get("/")
    request.user = None
    assert page_cache._storable(request, HttpResponse("ok"))
    with_cookie = HttpResponse("ok")
    with_cookie.set_cookie("x", "1")
    assert not page_cache._storable(request, with_cookie)
    varies = HttpResponse("ok")
    varies["Vary"] = "Accept-Language, Cookie"  # the session was asked: nobody logged in
    assert page_cache._storable(request, varies)
    varies["Vary"] = "*"
    assert not page_cache._storable(request, varies)
    private = HttpResponse("ok")
    private["Cache-Control"] = "private, max-age=0"
    assert not page_cache._storable(request, private)
    assert not page_cache._storable(request, HttpResponse("gone", status=404))


# -- forms on cached pages --


@pytest.fixture
def form_url(demo_content):
    event = EventPage.objects.get(slug="netzwerktreffen-wasserstoff-mittelstand")
    return event, event.url + "anmeldung/"


def registration_data(**changes):
    data = {
        "name": "Erika Beispiel",
        "email": "erika.cache@example.org",
        "organisation": "Beispiel GmbH",
        "consent": "on",
    }
    data.update(changes)
    return data


def test_registration_form_is_cached_and_sets_no_cookie(form_url, visitor):
    _, url = form_url
    first, state = fetch(visitor, url)
    assert first.status_code == 200
    assert state == "miss"
    assert not first.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert fetch(visitor, url)[1] == "hit"


def test_anonymous_post_from_the_site_registers(form_url):
    event, url = form_url
    client = Client(enforce_csrf_checks=True)
    client.get(url)
    response = client.post(
        url, registration_data(), HTTP_ORIGIN=ORIGIN, HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert response.status_code == 200
    assert Registration.objects.filter(event=event, email="erika.cache@example.org").exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": ORIGIN, "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_REFERER": "https://evil.example/form.html"},
    ],
)
def test_anonymous_post_from_another_site_is_refused(form_url, headers):
    _, url = form_url
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, registration_data(), **headers)
    assert response.status_code == 403
    assert "Das Formular wurde nicht angenommen." in response.content.decode()
    assert not Registration.objects.filter(email="erika.cache@example.org").exists()


def test_logged_in_member_still_needs_the_token(form_url):
    event, url = form_url
    member = MemberFactory(email="mitglied.cache@example.org")
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    data = registration_data(email=member.email)
    refused = client.post(url, data, HTTP_ORIGIN=ORIGIN)
    assert refused.status_code == 403
    page = client.get(url).content.decode()
    assert "csrfmiddlewaretoken" in page
    token = client.cookies["csrftoken"].value
    accepted = client.post(url, {**data, "csrfmiddlewaretoken": token}, HTTP_ORIGIN=ORIGIN)
    assert accepted.status_code == 200
    assert Registration.objects.filter(event=event, email=member.email).exists()


def test_admin_login_keeps_the_token_check(demo_content):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"}, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 403


# -- Redis and failures --


@pytest.fixture
def redis_pages():
    config = {
        "BACKEND": "metropolregion.cache_backends.TolerantRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "metropolregion-test-pages",
    }
    with override_settings(CACHES={"default": config, "pages": config}):
        caches["pages"].clear()
        yield caches["pages"]
        caches["pages"].clear()


@pytest.mark.redis
def test_redis_cache_serves_and_invalidates(demo_content, visitor, committed, redis_pages):
    assert fetch(visitor, "/")[1] == "miss"
    assert fetch(visitor, "/")[1] == "hit"
    assert redis_pages.get(page_cache.GENERATION_KEY) is not None
    testimonial = Quote.objects.filter(is_active=True).first()
    Quote.objects.filter(is_active=True).update(quote="Über Redis frisch.")
    with committed():
        testimonial.quote = "Über Redis frisch."
        testimonial.save()
    response, state = fetch(visitor, "/")
    assert state == "miss"
    assert "Über Redis frisch." in response.content.decode()


@pytest.mark.redis
def test_one_redis_client_serves_every_operation_and_thread(redis_pages):
    """Django makes a new redis.Redis for each operation; ours keeps one per pool."""
    import threading

    client = redis_pages._cache.get_client()
    redis_pages.set("one-client", 1)
    seen = []
    worker = threading.Thread(target=lambda: seen.append(redis_pages._cache.get_client()))
    worker.start()
    worker.join()
    assert redis_pages._cache.get_client(write=True) is client
    assert seen == [client]
    assert redis_pages.get_many(["one-client"]) == {"one-client": 1}
    assert redis_pages.incr("one-client") == 2


def test_a_cache_that_is_down_costs_nothing_but_speed(demo_content, visitor, committed):
    down = {
        "BACKEND": "metropolregion.cache_backends.TolerantRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    with override_settings(CACHES={"default": down, "pages": down}):
        for _ in range(2):
            response, state = fetch(visitor, "/")
            assert response.status_code == 200
            assert state is None
        testimonial = Quote.objects.filter(is_active=True).first()
        with committed():
            testimonial.quote = "Trotz Ausfall gespeichert."
            testimonial.save()
    testimonial.refresh_from_db()
    assert testimonial.quote == "Trotz Ausfall gespeichert."


def test_a_missing_csrf_middleware_is_reported():
    from django.conf import settings

    from metropolregion.checks import csrf_middleware_installed

    assert csrf_middleware_installed(None) == []
    without = [m for m in settings.MIDDLEWARE if not m.endswith("CsrfMiddleware")]
    with override_settings(MIDDLEWARE=without):
        (error,) = csrf_middleware_installed(None)
    assert error.id == "metropolregion.E001"


def test_feedback_form_is_cached_and_a_report_from_the_site_arrives(demo_content, visitor):
    from metropolregion.models import FeedbackSubmission

    url = "/barrierefreiheit/"
    first, state = fetch(visitor, url)
    assert (first.status_code, state) == (200, "miss")
    assert not first.cookies
    assert fetch(visitor, url)[1] == "hit"
    client = Client(enforce_csrf_checks=True)
    data = {"barrier": "Der Kontrast ist zu schwach.", "page_url": "/", "consent": "on"}
    response = client.post(url, data, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert FeedbackSubmission.objects.filter(form_data__barrier=data["barrier"]).exists()
    refused = client.post(url, data, HTTP_ORIGIN="https://evil.example")
    assert refused.status_code == 403
    assert FeedbackSubmission.objects.filter(form_data__barrier=data["barrier"]).count() == 1
