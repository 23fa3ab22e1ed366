"""Publishing does what the editor asked, every time: the roles' buttons, press releases
through approval, the autosave race of Wagtail 8.0 (metropolregion/editing.py), unpublish,
revert, copy, move and scheduled publishing — each leaves the page in the state asked
for, with no server error logged."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Workflow, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from metropolregion import roles
from news.models import NewsPage
from tests.factories.membership import UserFactory
from tests.factories.news import NewsIndexPageFactory

pytestmark = pytest.mark.django_db

PRESS = "pressemitteilung"
NEWS = "nachricht"


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def user_in(role, username=None):
    user = UserFactory(username=username or role.lower())
    user.groups.add(Group.objects.get(name=role))
    return user


def news_data(kind=NEWS, title="Wasserstoff verbindet", slug="wasserstoff-verbindet", **extra):
    data = {
        "title": title,
        "slug": slug,
        "date": "2026-11-30",
        "kind": kind,
        "teaser": "Ein neues Netzwerk verbindet Erzeuger und Abnehmer in der Region.",
        "image": "",
        "body": streamfield([]),
        "topics": "",
        "working_group": "",
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def create(client, index, data, action="action-publish"):
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk))
    return client.post(url, {**data, action: "1"})


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def role_snapshot():
    return {
        group.name: (
            sorted(group.permissions.values_list("codename", flat=True)),
            group.page_permissions.count(),
            group.collection_permissions.count(),
        )
        for group in Group.objects.all()
    }


def test_roles_are_exactly_the_table_and_sync_is_idempotent():
    before = role_snapshot()
    roles.sync_roles()
    after = role_snapshot()
    assert before == after
    assert set(roles.ROLES) <= set(after)
    assert "Editors" not in after and "Moderators" not in after
    # Approval only where it is wanted: no workflow on the whole tree.
    assert not WorkflowPage.objects.filter(page=Page.get_first_root_node()).exists()
    workflow = Workflow.objects.get(name=roles.PRESS_WORKFLOW, active=True)
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [roles.FREIGABE]
    redaktion = Group.objects.get(name=roles.REDAKTION)
    assert {p.permission.codename for p in redaktion.page_permissions.all()} == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }


def test_sync_puts_back_a_permission_taken_away_and_removes_one_added():
    redaktion = Group.objects.get(name=roles.REDAKTION)
    anmeldungen = Group.objects.get(name=roles.ANMELDUNGEN)
    redaktion.permissions.remove(redaktion.permissions.get(codename="change_testimonial"))
    anmeldungen.permissions.add(redaktion.permissions.get(codename="add_testimonial"))
    roles.sync_roles()
    assert redaktion.permissions.filter(codename="change_testimonial").exists()
    assert not anmeldungen.permissions.filter(codename="add_testimonial").exists()


def test_redaktion_publishes_a_news_item_directly(client, news_index, no_server_errors):
    client.force_login(user_in(roles.REDAKTION))
    response = create(client, news_index, news_data(kind=NEWS))
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="wasserstoff-verbindet")
    assert page.live and not page.has_unpublished_changes
    client.logout()
    assert client.get(page.url).status_code == 200


def test_redaktion_sees_publish_for_news_and_submit_for_press_releases(client, news_index):
    redaktion = user_in(roles.REDAKTION)
    client.force_login(redaktion)
    create(client, news_index, news_data(kind=NEWS), action="action-save")
    create(
        client,
        news_index,
        news_data(kind=PRESS, title="Presse", slug="presse"),
        action="action-save",
    )
    news = NewsPage.objects.get(slug="wasserstoff-verbindet")
    press = NewsPage.objects.get(slug="presse")
    html = client.get(edit_url(news)).content.decode()
    assert 'name="action-publish"' in html and 'name="action-submit"' not in html
    html = client.get(edit_url(press)).content.decode()
    assert 'name="action-publish"' not in html and 'name="action-submit"' in html
    assert news.permissions_for_user(redaktion).can_publish()
    assert not press.permissions_for_user(redaktion).can_publish()
    assert press.permissions_for_user(user_in(roles.FREIGABE)).can_publish()


def test_a_press_release_published_by_the_redaktion_goes_to_approval(
    client, news_index, no_server_errors
):
    client.force_login(user_in(roles.REDAKTION))
    response = create(client, news_index, news_data(kind=PRESS))
    page = NewsPage.objects.get(slug="wasserstoff-verbindet")
    assert response.status_code == 302
    assert not page.live
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow.name == roles.PRESS_WORKFLOW
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Freigabe" in m for m in messages), messages


def test_a_news_item_turned_into_a_press_release_is_not_published_directly(
    client, news_index, no_server_errors
):
    client.force_login(user_in(roles.REDAKTION))
    create(client, news_index, news_data(kind=NEWS))
    page = NewsPage.objects.get(slug="wasserstoff-verbindet")
    response = client.post(
        edit_url(page), {**news_data(kind=PRESS, title="Jetzt Presse"), "action-publish": "1"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Wasserstoff verbindet"  # the live version is unchanged
    assert page.has_unpublished_changes and page.workflow_in_progress


@pytest.fixture
def submitted_press_release(client, news_index):
    client.force_login(user_in(roles.REDAKTION))
    create(client, news_index, news_data(kind=PRESS))  # "Veröffentlichen" → to approval
    client.logout()
    page = NewsPage.objects.get(slug="wasserstoff-verbindet")
    assert page.workflow_in_progress and not page.live
    return page


def test_approval_publishes_and_a_racing_autosave_changes_nothing(
    client, submitted_press_release, no_server_errors
):
    """The reported failure: the approver's form POST and the autosave's JSON POST carry
    the same workflow action. Without the guard the second one wrote the stale page back
    (unpublished) or answered 500."""
    page = submitted_press_release
    client.force_login(user_in(roles.FREIGABE))
    html = client.get(edit_url(page)).content.decode()
    assert 'data-workflow-action-name="approve"' in html
    approve = {
        **news_data(kind=PRESS),
        "action-workflow-action": "true",
        "workflow-action-name": "approve",
    }
    response = client.post(edit_url(page), approve)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    revisions = page.revisions.count()

    autosave = client.post(edit_url(page), approve, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 400
    assert autosave.json()["error_code"] == "action_not_autosaved"
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    assert page.revisions.count() == revisions
    assert page.live_revision_id == page.latest_revision_id
    client.logout()
    assert client.get(page.url).status_code == 200


def test_the_autosave_still_saves_drafts(client, news_index, no_server_errors):
    client.force_login(user_in(roles.REDAKTION))
    create(client, news_index, news_data(kind=NEWS))
    page = NewsPage.objects.get(slug="wasserstoff-verbindet")
    response = client.post(
        edit_url(page),
        news_data(kind=NEWS, title="Entwurf im Hintergrund"),
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200 and response.json()["success"]
    page.refresh_from_db()
    assert page.live and page.title == "Wasserstoff verbindet"
    assert page.get_latest_revision_as_object().title == "Entwurf im Hintergrund"


def test_rejection_leaves_the_press_release_unpublished(
    client, submitted_press_release, no_server_errors
):
    page = submitted_press_release
    client.force_login(user_in(roles.FREIGABE))
    response = client.post(
        edit_url(page),
        {
            **news_data(kind=PRESS),
            "action-workflow-action": "true",
            "workflow-action-name": "reject",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live and not page.workflow_in_progress
    assert page.workflow_states.get().status == "needs_changes"


def test_unpublish_revert_copy_and_move(client, news_index, home_page, no_server_errors):
    client.force_login(user_in(roles.REDAKTION))
    create(client, news_index, news_data(kind=NEWS, title="Erste Fassung"))
    page = NewsPage.objects.get(slug="wasserstoff-verbindet")
    first = page.live_revision
    client.post(edit_url(page), {**news_data(title="Zweite Fassung"), "action-publish": "1"})
    page.refresh_from_db()
    assert page.title == "Zweite Fassung"

    # Revert: the editor opens the old version and publishes it.
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk])
    assert client.get(revert_url).status_code == 200
    client.post(revert_url, {**news_data(title="Erste Fassung"), "action-publish": "1"})
    page.refresh_from_db()
    assert page.live and page.title == "Erste Fassung"

    # Unpublish.
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live

    # Copy, published.
    client.post(edit_url(page), {**news_data(title="Erste Fassung"), "action-publish": "1"})
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "Kopie",
            "new_slug": "kopie",
            "new_parent_page": news_index.pk,
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    copy = NewsPage.objects.get(slug="kopie")
    assert copy.live and copy.title == "Kopie"

    # Move the copy below another news index.
    other = NewsIndexPageFactory(parent=home_page, slug="archiv", title="Archiv")
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[copy.pk, other.pk]))
    assert response.status_code == 302
    copy.refresh_from_db()
    assert copy.get_parent().pk == other.pk and copy.live
    assert PageLogEntry.objects.filter(page=copy, action="wagtail.move").exists()


def bring_forward(revision):
    """As if the time chosen had come: the schedule and the revision's go-live are now."""
    moment = timezone.now() - datetime.timedelta(seconds=1)
    revision.approved_go_live_at = moment
    revision.content["go_live_at"] = moment.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])


def test_scheduled_publishing_and_expiry(client, news_index, no_server_errors):
    client.force_login(user_in(roles.REDAKTION))
    soon = timezone.localtime() + datetime.timedelta(minutes=5)
    create(
        client,
        news_index,
        news_data(go_live_at=soon.strftime("%Y-%m-%d %H:%M")),
    )
    page = NewsPage.objects.get(slug="wasserstoff-verbindet")
    assert not page.live
    revision = page.revisions.get(approved_go_live_at__isnull=False)
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live  # not yet
    bring_forward(revision)
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
    NewsPage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live and page.expired
