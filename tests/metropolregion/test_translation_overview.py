"""The editors' translation workflow: the Redaktion may translate and sync with
wagtail-localize (no machine translation), and the report "Übersetzungen" shows per German
page whether its English translation is missing, up to date, outdated or only a draft.

Translations are made as editors make them, through wagtail-localize
(tests/factories/translations.py), never by copying pages."""

import json
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation, TranslationSource

from metropolregion import roles
from metropolregion.translation_report import State, german_pages
from tests.factories.membership import MemberFactory, UserFactory
from tests.factories.news import NewsIndexPageFactory
from tests.factories.pages import StandardPageFactory
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db

REPORT = "/admin/uebersetzungen/"
LABELS = {
    State.NOT_TRANSLATED: "nicht übersetzt",
    State.OUTDATED: "übersetzt, veraltet",
    State.DRAFT: "nur englischer Entwurf",
    State.CURRENT: "übersetzt, aktuell",
}


def english(text):
    return f"EN {text}"


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a new revision of `page` (as the editor's "Publish" does)."""

    def publish(page, **changes):
        for field, value in changes.items():
            setattr(page, field, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return publish


@pytest.fixture
def make_translation(django_capture_on_commit_callbacks):
    """Translate through wagtail-localize; publishing the English page runs on commit."""

    def make(page, publish=True):
        with django_capture_on_commit_callbacks(execute=True):
            return translate(page, english, slug=f"{page.slug}-en", publish=publish)

    return make


@pytest.fixture
def german_home(home_page, publish, make_translation):
    """The German home page, published and translated first (parents before children)."""
    Locale.objects.get_or_create(language_code="en")
    publish(home_page)
    make_translation(home_page)
    return home_page


@pytest.fixture
def german_page(german_home, publish):
    return publish(StandardPageFactory(parent=german_home, title="Über uns", slug="ueber-uns"))


def sync(page, django_capture_on_commit_callbacks, publish=True):
    """What the admin's "Sync translated pages" does (wagtail_localize UpdateTranslationsView):
    refresh the source from the German page, then rebuild the targets if "Publish
    immediately" is ticked."""
    source = TranslationSource.objects.get_for_instance(page)
    source.update_from_db()
    if publish:
        with django_capture_on_commit_callbacks(execute=True):
            for translation in source.translations.filter(enabled=True):
                translation.save_target(publish=True)


def state_of(page):
    en = Locale.objects.get(language_code="en")
    return german_pages(en).get(pk=page.pk).state


def staff(group):
    user = UserFactory(username=f"rolle-{group.lower()}")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def redaktion(client):
    user = staff(roles.REDAKTION)
    client.force_login(user)
    return user


# -- the states --


def test_a_translation_goes_from_missing_to_current_to_outdated_and_back(
    german_page, publish, make_translation, django_capture_on_commit_callbacks
):
    assert state_of(german_page) == State.NOT_TRANSLATED

    english_page = make_translation(german_page).instance
    english_page.refresh_from_db()  # published on commit, after translate() returned
    assert english_page.live and english_page.title == "EN Über uns"
    assert state_of(german_page) == State.CURRENT

    publish(german_page, title="Über den Verein")
    assert state_of(german_page) == State.OUTDATED

    sync(german_page, django_capture_on_commit_callbacks)
    assert state_of(german_page) == State.CURRENT


def test_a_sync_without_publishing_stays_outdated_until_the_english_page_is_rebuilt(
    german_page, publish, make_translation, django_capture_on_commit_callbacks
):
    make_translation(german_page)
    publish(german_page, title="Über den Verein")
    en = Locale.objects.get(language_code="en")

    sync(german_page, django_capture_on_commit_callbacks, publish=False)
    row = german_pages(en).get(pk=german_page.pk)
    assert (row.state, row.needs_sync) == (State.OUTDATED, False)  # synced, not yet published

    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source__object_id=german_page.translation_key).save_target()
    assert state_of(german_page) == State.CURRENT


def test_an_unpublished_english_translation_is_a_draft(german_page, make_translation):
    make_translation(german_page, publish=False)

    assert state_of(german_page) == State.DRAFT


def test_a_german_draft_does_not_outdate_the_translation(german_page, make_translation):
    """A sync reads the published German page; a draft reaches it once published."""
    make_translation(german_page)
    german_page.title = "Entwurf"
    german_page.save_revision()

    assert state_of(german_page) == State.CURRENT


def test_an_english_page_without_wagtail_localize_is_compared_by_its_own_changes(
    german_page, publish
):
    """An English page copied by hand (or whose synced translation was stopped) has no
    source: it is outdated once the German page is published after its last change."""
    en = Locale.objects.get(language_code="en")
    copy = publish(german_page.copy_for_translation(en))
    assert state_of(german_page) == State.CURRENT

    publish(german_page, title="Über den Verein")
    assert state_of(german_page) == State.OUTDATED
    assert copy.live


# -- the report --


def rows(response):
    """{page title: state label} of the report's table, in the table's order."""
    html = response.content.decode()
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    found = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        title = re.search(r'<a href="/admin/pages/\d+/edit/"[^>]*>\s*(.*?)\s*</a>', row, re.S)
        state = re.search(r'class="w-status[^"]*">\s*(.*?)\s*</span>', row.split("</td>", 4)[4])
        found[title.group(1)] = state.group(1)
    return found


@pytest.fixture
def four_states(german_home, publish, make_translation):
    """One German page in each state."""
    pages = {
        state: publish(StandardPageFactory(parent=german_home, title=title, slug=slug))
        for state, title, slug in [
            (State.NOT_TRANSLATED, "Kontakt", "kontakt"),
            (State.CURRENT, "Impressum", "impressum"),
            (State.OUTDATED, "Über uns", "ueber-uns"),
            (State.DRAFT, "Datenschutz", "datenschutz"),
        ]
    }
    make_translation(pages[State.CURRENT])
    make_translation(pages[State.OUTDATED])
    make_translation(pages[State.DRAFT], publish=False)
    publish(pages[State.OUTDATED], title="Über uns")  # published again after the translation
    return pages


def test_the_report_shows_each_german_page_with_its_state_in_german(
    client, redaktion, four_states, german_home
):
    response = client.get(REPORT)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Übersetzungen" in html
    shown = rows(response)
    assert shown == {
        **{page.title: LABELS[state] for state, page in four_states.items()},
        german_home.title: LABELS[State.CURRENT],
    }
    headers = re.findall(r"<th\b[^>]*>(.*?)</th>", html.split('class="listing"')[1], re.S)
    assert " | ".join(" ".join(re.sub(r"<[^>]+>", " ", th).split()) for th in headers) == (
        "Seite | Seitentyp | Deutsch | Letzte Änderung | Englisch | Letzte Synchronisierung | "
        "Aktionen"
    )


def test_each_row_links_what_the_editor_does_next(client, redaktion, four_states):
    html = client.get(REPORT).content.decode()
    outdated = four_states[State.OUTDATED]
    missing = four_states[State.NOT_TRANSLATED]
    en = Locale.objects.get(language_code="en")
    source = TranslationSource.objects.get_for_instance(outdated)

    # The German page's editor, the English page's editor (wagtail-localize's translation
    # editor), "Translate" for a missing translation, "Sync" only for the outdated one.
    assert f'href="/admin/pages/{outdated.pk}/edit/"' in html
    english_edit = reverse("wagtailadmin_pages:edit", args=[outdated.get_translation(en).pk])
    assert f'href="{english_edit}"' in html
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[missing.pk])
    assert f'href="{translate_url}"' in html
    sync_urls = re.findall(r'href="(/admin/localize/update/\d+/[^"]*)"', html)
    assert sync_urls == [
        reverse("wagtail_localize:update_translations", args=[source.pk])
        + "?next=%2Fadmin%2Fuebersetzungen%2F"
    ]
    assert "Übersetzung bearbeiten" in html and "Synchronisieren" in html


def test_the_translation_editor_opens_from_the_report(client, redaktion, four_states):
    """The English page's edit view is wagtail-localize's translation editor."""
    en = Locale.objects.get(language_code="en")
    english_page = four_states[State.OUTDATED].get_translation(en)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk]))

    assert response.status_code == 200
    assert response.templates[0].name == "wagtail_localize/admin/edit_translation.html"


@pytest.mark.parametrize("state", list(State))
def test_the_state_filter_shows_only_that_state(client, redaktion, four_states, german_home, state):
    shown = rows(client.get(REPORT, {"state": state.value}))

    home = {german_home.title} if state == State.CURRENT else set()
    assert shown == {title: LABELS[state] for title in {four_states[state].title} | home}


def test_the_page_type_filter(client, redaktion, four_states, german_home, publish):
    news = publish(NewsIndexPageFactory(parent=german_home, title="News und Presse"))

    response = client.get(REPORT, {"content_type": news.content_type_id})

    assert rows(response) == {"News und Presse": LABELS[State.NOT_TRANSLATED]}


def test_sorted_by_last_change_newest_first_or_oldest_first(client, redaktion, four_states):
    newest_first = list(rows(client.get(REPORT)))
    oldest_first = list(rows(client.get(REPORT, {"ordering": "changed_at"})))

    assert newest_first[0] == "Über uns"  # published last
    assert oldest_first == newest_first[::-1]


def test_the_report_makes_as_many_queries_for_30_pages_as_for_10(
    client, redaktion, german_home, publish, make_translation
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(REPORT).status_code == 200
        return len(captured)

    def add_pages(count):
        for number in range(count):
            name = f"Seite {number} von {count}"
            page = publish(StandardPageFactory(parent=german_home, title=name, slug=slugify(name)))
            if number % 3:
                make_translation(page, publish=number % 2 == 0)
            if number % 5 == 0:
                publish(page, title=f"{name}, neu")

    add_pages(10)
    queries()  # warms the per-process caches (content types)
    ten = queries()
    add_pages(20)
    thirty = queries()

    assert len(rows(client.get(REPORT))) == 31
    assert set(rows(client.get(REPORT)).values()) == set(LABELS.values())  # every state
    assert thirty == ten, (ten, thirty)


# -- who may use it --


def menu_items(response):
    """{name: (label, url)} of every item of the admin's main menu (Wagtail's sidebar props)."""
    props = re.search(rb'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', response.content, re.S)
    found = {}

    def walk(value):
        if isinstance(value, dict) and {"name", "label", "url"} <= value.keys():
            found[value["name"]] = (value["label"], value["url"])
        for child in value.values() if isinstance(value, dict) else value:
            if isinstance(child, dict | list):
                walk(child)

    walk(json.loads(props.group(1)))
    return found


def test_redaktion_and_superusers_find_the_report_under_reports(client, german_home):
    superuser = User.objects.create_superuser("admin", "admin@example.org", "pw")
    for user in (staff(roles.REDAKTION), superuser):
        client.force_login(user)
        reports = menu_items(client.get("/admin/"))
        assert reports["translation-overview"] == ("Übersetzungen", REPORT), user
        # wagtail-localize's own "Translations" report is not listed beside it
        localize_report = reverse("wagtail_localize:translations_report")
        assert localize_report not in [url for _label, url in reports.values()]
        assert client.get(REPORT).status_code == 200


@pytest.mark.parametrize(
    "group", [roles.FREIGABE, roles.ANMELDUNGEN, roles.MITGLIEDERVERWALTUNG, roles.ADMINISTRATION]
)
def test_other_staff_roles_are_sent_back_and_see_no_menu_item(client, german_home, group):
    client.force_login(staff(group))

    response = client.get(REPORT)

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert "translation-overview" not in menu_items(client.get("/admin/"))


def test_members_and_visitors_are_sent_to_a_log_in(client, german_home):
    assert client.get(REPORT)["Location"].startswith("/admin/login/")
    client.force_login(MemberFactory(username="mitglied"))
    assert client.get(REPORT)["Location"].startswith("/admin/login/")


# -- the workflow: wagtail-localize's actions for the Redaktion, no machine translation --


def test_redaktion_may_translate_and_sync_pages_and_snippets(client, four_states):
    from tests.factories.testimonials import TestimonialFactory

    source = TranslationSource.objects.get_for_instance(four_states[State.OUTDATED])
    urls = [
        f"/admin/localize/submit/page/{four_states[State.NOT_TRANSLATED].pk}/",
        f"/admin/localize/update/{source.pk}/",  # "Sync translated pages"
        f"/admin/localize/submit/snippet/testimonials/testimonial/{TestimonialFactory().pk}/",
    ]
    client.force_login(staff(roles.REDAKTION))
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]
    client.force_login(staff(roles.FREIGABE))
    assert [client.get(url).status_code for url in urls] == [302, 302, 302]


def test_machine_translation_stays_off(client, redaktion, four_states):
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    assert get_machine_translator() is None
    source = TranslationSource.objects.get_for_instance(four_states[State.OUTDATED])

    html = client.get(reverse("wagtail_localize:update_translations", args=[source.pk]))

    assert b"use_machine_translation" not in html.content
