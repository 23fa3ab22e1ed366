"""What a change shows on (metropolregion.dependencies) and the purges that follow
(metropolregion.purge): the URLs computed for real pages, one batch per transaction after
the commit, and an HTTP cache that does not answer never troubles the editor."""

import json
import logging
import socket

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from events import registration as registration_rules
from metropolregion import dependencies, purge
from metropolregion.models import NavigationSettings, SiteSettings
from tests.factories.events import EventIndexPageFactory, EventPageFactory, berlin
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.projects import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db


class RecordingBackend(BaseBackend):
    """A frontend cache that writes down what it is asked to purge, one list per batch."""

    batches = []

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        RecordingBackend.batches.append(sorted(urls))


recording = override_settings(
    WAGTAILFRONTENDCACHE={"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
)


@pytest.fixture
def recorded():
    RecordingBackend.batches = []
    with recording:
        yield RecordingBackend.batches


@pytest.fixture(autouse=True)
def site_settings(site):
    """The settings rows exist, as on any site that has served a page (the first access
    creates them, a change that shows everywhere)."""
    SiteSettings.for_site(site)
    NavigationSettings.for_site(site)


@pytest.fixture
def pages(home_page):
    groups = WorkingGroupIndexPageFactory(parent=home_page, slug="arbeitsgruppen")
    hydrogen = WorkingGroupPageFactory(parent=groups, slug="wasserstoff")
    energy = WorkingGroupPageFactory(parent=groups, slug="energie")
    news_index = NewsIndexPageFactory(parent=home_page, slug="aktuelles")
    article = NewsPageFactory(
        parent=news_index, slug="kongress", working_group=hydrogen, topics=["Wasserstoff"]
    )
    projects = ProjectIndexPageFactory(parent=home_page, slug="projekte")
    project = ProjectPageFactory(parent=projects, slug="revier")
    return {
        "home": home_page,
        "groups": groups,
        "hydrogen": hydrogen,
        "energy": energy,
        "news_index": news_index,
        "article": article,
        "projects": projects,
        "project": project,
    }


ROOT = "http://localhost"


def test_a_news_article_purges_itself_its_lists_feeds_home_and_group(pages):
    urls = dependencies.page_changed(pages["article"]).purge_urls()
    assert {
        f"{ROOT}/aktuelles/kongress/*",  # the article, its query variants and routes
        f"{ROOT}/aktuelles/",  # the news index ...
        f"{ROOT}/aktuelles/feed/rss/",  # ... its feeds
        f"{ROOT}/aktuelles/feed/atom/",
        f"{ROOT}/aktuelles/presse/feed/rss/",
        f"{ROOT}/aktuelles/archiv/*",  # ... and its year archive
        f"{ROOT}/",  # the home page (latest news)
        f"{ROOT}/arbeitsgruppen/wasserstoff/",  # the group's hub lists it
        f"{ROOT}/sitemap.xml",
    } <= urls
    unrelated = ("/projekte/", "/energie/", "/arbeitsgruppen/")
    assert not [url for url in urls if url.endswith(unrelated)], urls
    assert not any("revier" in url for url in urls)


def test_an_english_translation_is_purged_with_the_german_article(pages):
    english = translate(pages["article"], lambda text: text, slug="congress").instance
    urls = dependencies.page_changed(pages["article"]).purge_urls()
    assert f"{ROOT}/en/{english.get_parent().slug}/congress/" in urls
    # The English home page and lists show the English article, not this one.
    assert f"{ROOT}/en/" not in urls
    english_urls = dependencies.page_changed(english).purge_urls()
    assert f"{ROOT}/en/" in english_urls and f"{ROOT}/" not in english_urls


def test_moving_an_article_to_another_group_purges_both_groups(pages, recorded):
    article = pages["article"]
    article.working_group = pages["energy"]
    with _committing():
        article.save_revision().publish()
    assert len(recorded) == 1, recorded
    batch = recorded[0]
    assert f"{ROOT}/arbeitsgruppen/wasserstoff/" in batch
    assert f"{ROOT}/arbeitsgruppen/energie/" in batch


def test_a_calendar_purges_its_ical_feeds(home_page):
    calendar = EventIndexPageFactory(parent=home_page, slug="termine")
    event = EventPageFactory(parent=calendar, slug="kongress")
    urls = dependencies.page_changed(event).purge_urls()
    assert {
        f"{ROOT}/termine/kongress/*",  # the event with its ical/ and anmeldung/ routes
        f"{ROOT}/termine/",
        f"{ROOT}/termine/ical/",
        f"{ROOT}/termine/ical/thema/*",
        f"{ROOT}/termine/ical/arbeitsgruppe/*",
        f"{ROOT}/termine/monat/*",
        f"{ROOT}/termine/archiv/",
    } <= urls


def test_settings_and_snippets_change_everything(site, pages):
    assert dependencies.row_changed(SiteSettings.for_site(site)).everything
    from testimonials.models import Testimonial

    assert dependencies.row_changed(Testimonial(quote="x")).everything
    assert dependencies.page_changed(pages["project"]).everything is False


def test_a_page_in_the_menu_changes_everything(site, pages):
    nav = NavigationSettings.for_site(site)
    link = {"page": pages["project"].pk, "url": "", "label": ""}
    nav.main_menu = json.dumps([{"type": "link", "value": link}])
    nav.save()
    assert dependencies.page_changed(pages["project"]).purge_urls() == {f"{ROOT}/*"}


@pytest.fixture
def event(home_page):
    calendar = EventIndexPageFactory(parent=home_page, slug="termine")
    return EventPageFactory(
        parent=calendar,
        slug="kongress",
        start=berlin(2099, 6, 24, 10, 0),
        registration_mode="intern",
        capacity=10,
    )


def test_a_registration_purges_its_event_only(event, recorded):
    applicant = registration_rules.Applicant(name="Erika Beispiel", email="erika@example.org")
    with _committing():
        outcome = registration_rules.register(event.pk, applicant).outcome
    assert outcome == registration_rules.Outcome.CONFIRMED
    assert recorded == [[f"{ROOT}/termine/kongress/*"]]


def test_one_batch_per_transaction_after_the_commit(
    pages, recorded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        pages["article"].save_revision().publish()
        pages["project"].save_revision().publish()
        assert recorded == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(recorded) == 1, recorded
    batch = recorded[0]
    assert f"{ROOT}/aktuelles/kongress/*" in batch and f"{ROOT}/projekte/revier/*" in batch


def test_nothing_is_computed_without_a_frontend_cache(pages):
    with override_settings(WAGTAILFRONTENDCACHE={}):
        purge.record(lambda: pytest.fail("computed although nothing is purged"))


def test_an_unreachable_varnish_is_logged_and_publishing_works(pages, caplog):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    varnish = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend"}
    varnish["LOCATION"] = f"http://127.0.0.1:{port}"
    caplog.set_level(logging.INFO)
    article = pages["article"]
    article.title = "Neu"
    with override_settings(WAGTAILFRONTENDCACHE={"varnish": varnish}), _committing():
        article.save_revision().publish()
    article.refresh_from_db()
    assert article.title == "Neu" and article.live
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("Couldn't purge" in message for message in errors), errors


class _committing:
    """Runs the on-commit callbacks of the block, as a commit would (the test's own
    transaction never commits)."""

    def __enter__(self):
        from django.test import TestCase

        self._context = TestCase.captureOnCommitCallbacks(execute=True)
        self._context.__enter__()

    def __exit__(self, *exc):
        return self._context.__exit__(*exc)


def test_a_page_created_live_without_publishing_is_purged(pages, recorded):
    """A script that adds a live page with add_child() publishes nothing; still purged."""
    with _committing():
        NewsPageFactory(parent=pages["news_index"], slug="neu")
    assert len(recorded) == 1
    assert {f"{ROOT}/aktuelles/neu/*", f"{ROOT}/aktuelles/", f"{ROOT}/"} <= set(recorded[0])


def test_a_rolled_back_change_is_not_purged(pages, recorded):
    from django.db import transaction

    with _committing():
        with pytest.raises(RuntimeError), transaction.atomic():
            pages["project"].save_revision().publish()
            raise RuntimeError("the editor's transaction fails")
        pages["article"].save_revision().publish()
    assert len(recorded) == 1
    assert not [url for url in recorded[0] if "projekte" in url]
