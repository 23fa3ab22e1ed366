"""Renditions are made before a visitor asks for them (metropolregion/renditions.py): by
the task that publishing queues after the commit, and by `load_demo_content` for the whole
demo. Rendering never fails a publish."""

import io
import logging

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from metropolregion import renditions
from metropolregion.models import HomePage
from news.models import NewsPage
from tests.factories.images import ImageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

Rendition = get_image_model().get_rendition_model()


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def draft(news_index):
    """A news item with a new image, never published yet."""
    return NewsPageFactory(parent=news_index, image=ImageFactory(), live=False)


@pytest.fixture
def finished_tasks():
    """The results of the `prepare_renditions` tasks that ran (immediate backend)."""
    results = []

    def record(sender, task_result, **kwargs):
        if task_result.task.func is renditions.prepare_renditions.func:
            results.append(task_result)

    task_finished.connect(record)
    yield results
    task_finished.disconnect(record)


def renditions_of(image):
    return Rendition.objects.filter(image=image).count()


def rendition_count_after_visiting(client, *paths):
    for path in paths:
        assert client.get(path).status_code == 200, path
    return Rendition.objects.count()


def load(*args):
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def test_publishing_makes_the_renditions_of_a_new_image_after_the_commit(
    client, draft, news_index, finished_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        draft.save_revision().publish()
        assert renditions_of(draft.image) == 0  # nothing yet: the task waits for the commit
    assert callbacks
    [result] = finished_tasks
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.args == [draft.pk]
    assert result.return_value == 3  # the news item, its index and the home page
    assert renditions_of(draft.image) > 0
    # The visitor who comes next makes none: the page and the list that shows it.
    before = Rendition.objects.count()
    assert rendition_count_after_visiting(client, draft.url, news_index.url) == before


def test_the_task_renders_the_page_and_the_live_pages_above_it(draft, news_index, home_page):
    assert renditions.pages_showing(draft) == [draft, news_index, home_page]


def test_a_page_unpublished_before_the_task_runs_is_skipped(draft):
    assert renditions.prepare_renditions.call(draft.pk) == 0
    assert renditions_of(draft.image) == 0


def test_a_failing_render_does_not_break_the_editors_publish_and_is_logged(
    client, news_index, monkeypatch, caplog, finished_tasks, django_capture_on_commit_callbacks
):
    def broken(page):
        raise RuntimeError("Vorlage kaputt")

    monkeypatch.setattr(renditions, "render_page", broken)
    client.force_login(
        get_user_model().objects.create_superuser("chefin", "chefin@example.org", "x")
    )
    image = ImageFactory()
    data = nested_form_data(
        {
            "title": "Wasserstoff verbindet",
            "slug": "wasserstoff-verbindet",
            "date": "2026-11-30",
            "kind": NewsPage._meta.get_field("kind").default,
            "teaser": "Ein neues Netzwerk verbindet Erzeuger und Abnehmer.",
            "image": image.pk,
            "body": streamfield([]),
            "topics": "",
            "working_group": "",
            "comments": inline_formset([]),
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    with (
        caplog.at_level(logging.WARNING, logger="metropolregion.renditions"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(url, {**data, "action-publish": "1"})
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="wasserstoff-verbindet")
    assert page.live and not page.has_unpublished_changes
    [result] = finished_tasks
    assert result.status == TaskResultStatus.SUCCESSFUL and result.return_value == 0
    messages = [r.getMessage() for r in caplog.records if r.name == "metropolregion.renditions"]
    assert f"Renditions of page {page.pk} not prepared: rendering failed" in messages
    assert not any("Wasserstoff" in message for message in messages)  # the id, no title


def test_a_page_that_cannot_be_rendered_is_logged_and_the_others_go_on(
    draft, news_index, monkeypatch, caplog
):
    draft.save_revision().publish()

    def get_context(self, request, *args, **kwargs):
        raise RuntimeError("Vorlage kaputt")

    monkeypatch.setattr(NewsPage, "get_context", get_context)
    with caplog.at_level(logging.WARNING, logger="metropolregion.renditions"):
        assert renditions.render_pages([draft, news_index]) == 1
    assert f"Renditions of page {draft.pk} not prepared: status 500" in caplog.messages
    assert renditions_of(draft.image) > 0  # by the card on the news index


@override_settings(
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"), SECURE_SSL_REDIRECT=True
)
def test_behind_a_tls_proxy_the_page_is_rendered_not_redirected(draft):
    """Production redirects http to https; the site's address may still say port 80."""
    draft.save_revision().publish()
    assert renditions.render_page(draft) == 200
    assert renditions_of(draft.image) > 0


def test_a_queue_that_refuses_the_task_does_not_break_the_publish(
    draft, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    class Refusing:
        def enqueue(self, *args):
            raise ConnectionError("queue down")

    monkeypatch.setattr(renditions, "prepare_renditions", Refusing())
    with (
        caplog.at_level(logging.ERROR, logger="metropolregion.renditions"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        draft.save_revision().publish()
    draft.refresh_from_db()
    assert draft.live
    assert f"Renditions of page {draft.pk} not queued" in caplog.messages


def test_no_task_while_suspended(draft, finished_tasks, django_capture_on_commit_callbacks):
    with renditions.suspended(), django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert finished_tasks == []
    assert renditions_of(draft.image) == 0


def test_load_demo_content_leaves_the_renditions_of_the_home_page(
    client, demo_content, django_capture_on_commit_callbacks
):
    """On the shared demo: the hero's renditions are deleted (in this test's transaction),
    then the command runs again: with --skip-renditions it makes none, without it makes
    them after its commit, and the home page's first visitor makes none."""
    home = HomePage.objects.get(locale__language_code="de")
    hero = next(block.value["image"] for block in home.body if block.block_type == "hero")
    Rendition.objects.filter(image=hero).delete()
    with django_capture_on_commit_callbacks(execute=True):
        skipped = load("--skip-renditions")
    assert "Bildvarianten" not in skipped and renditions_of(hero) == 0
    out = io.StringIO()  # written to after the commit too
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=out)
        assert renditions_of(hero) == 0  # not before the commit
    assert "Bildvarianten vorbereitet: " in out.getvalue()
    assert renditions_of(hero) > 0
    before = Rendition.objects.count()
    assert rendition_count_after_visiting(client, "/") == before
