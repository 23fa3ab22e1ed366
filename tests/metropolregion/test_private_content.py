"""Pages behind a view restriction (login, password, groups) and unpublished work (drafts,
and the newer draft revision of a published page) never reach the public: not in search,
the sitemap, the news feeds, the iCal feeds, the home-page blocks, the lists and their
filters and archives, the working-group hubs or the month view. There is no API that
would list pages.

Every kind of page gets one visible twin, which each list must show: so an empty list
cannot pass for a list that hides the right pages."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory
from tests.factories.events import EventPageFactory, berlin
from tests.factories.galleries import (
    GalleryImageFactory,
    GalleryIndexPageFactory,
    GalleryPageFactory,
)
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.projects import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)

pytestmark = pytest.mark.django_db

WORD = "Zebrafink"  # in every title: the search finds all of them, if it may
HIDDEN = ["Entwurf", "Login", "Passwort", "Gruppe", "Revision"]
KINDS = ["news", "event", "project", "gallery", "standard"]


def title(state, kind):
    return f"{WORD} {state}-{kind}"


def hide(page, state):
    """Make `page` (live, public) into the `state` it is named after."""
    if state == "Entwurf":
        page.unpublish()
    elif state == "Login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif state == "Passwort":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-2025"
        )
    elif state == "Gruppe":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name="Mitglieder"))
    elif state == "Revision":
        # Published as "Veröffentlicht-…", then edited: the newer title is only a draft.
        page.title = title("Revision", page.slug.split("-")[0])
        page.save_revision()
    return page


@pytest.fixture
def world(home_page, calendar_page, frozen):
    frozen(berlin(2025, 6, 10, 12, 0))
    Group.objects.get_or_create(name="Mitglieder")
    groups = WorkingGroupIndexPageFactory(parent=home_page, slug="arbeitsgruppen")
    group = WorkingGroupPageFactory(parent=groups, title="AG Wasserstoff", slug="ag-wasserstoff")
    projects = ProjectIndexPageFactory(parent=home_page, slug="projekte")
    news = NewsIndexPageFactory(parent=home_page)
    galleries = GalleryIndexPageFactory(parent=home_page, slug="galerien")
    made = {kind: {} for kind in KINDS}
    for n, state in enumerate(["Sichtbar", "Veröffentlicht", *HIDDEN[:-1]]):
        real_state = "Revision" if state == "Veröffentlicht" else state

        def name(kind, state=state):
            return title(state, kind)

        made["news"][real_state] = NewsPageFactory(
            parent=news,
            title=name("news"),
            slug=f"news-{n}",
            date=datetime.date(2025, 6, 1 + n),
            working_group=group,
            topics=["Wasserstoff"],
        )
        made["event"][real_state] = EventPageFactory(
            parent=calendar_page,
            title=name("event"),
            slug=f"event-{n}",
            start=berlin(2025, 6, 20 + n, 10, 0),
            working_group=group,
            topics=["Wasserstoff"],
        )
        made["project"][real_state] = ProjectPageFactory(
            parent=projects,
            title=name("project"),
            slug=f"project-{n}",
            working_group=group,
            topics=["Wasserstoff"],
            logo=None,
        )
        made["gallery"][real_state] = GalleryPageFactory(
            parent=galleries,
            title=name("gallery"),
            slug=f"gallery-{n}",
            date=datetime.date(2025, 6, 1 + n),
        )
        GalleryImageFactory(page=made["gallery"][real_state])
        made["standard"][real_state] = StandardPageFactory(
            parent=home_page, title=name("standard"), slug=f"standard-{n}"
        )
    for kind in KINDS:
        for state, page in made[kind].items():
            if state != "Sichtbar":
                hide(page, state)
    # The home page lists everything it can: newest items, chosen items, featured events.
    chosen_projects = [p.pk for p in made["project"].values()]
    chosen_galleries = [p.pk for p in made["gallery"].values()]
    blocks = [
        ("news", {"heading": "Aktuelles", "count": 12, "kind": "", "tag": "", "index": None}),
        ("events", {"heading": "Termine", "count": 12, "topic": "", "index": None}),
        (
            "projects",
            {"heading": "Projekte", "mode": "chosen", "projects": chosen_projects, "max_count": 12},
        ),
        (
            "projects",
            {"heading": "Thema", "mode": "topic", "topic": "wasserstoff", "max_count": 12},
        ),
        ("galleries", {"heading": "Neu", "mode": "newest", "galleries": [], "count": 12}),
        (
            "galleries",
            {"heading": "Gewählt", "mode": "chosen", "galleries": chosen_galleries, "count": 12},
        ),
        ("working_groups", {"heading": "Arbeitsgruppen", "intro": ""}),
        *[
            ("featured_event", {"heading": "Tipp", "event": page.pk, "text": ""})
            for page in made["event"].values()
        ],
    ]
    home_page.body = json.dumps([{"type": name, "value": value} for name, value in blocks])
    home_page.save_revision().publish()
    return {
        "made": made,
        "calendar": calendar_page,
        "news": news,
        "projects": projects,
        "groups": groups,
        "group": group,
        "galleries": galleries,
    }


def hidden_titles(made, kinds=KINDS):
    return [title(state, kind) for kind in kinds for state in HIDDEN]


def visible_titles(kinds):
    return [title("Sichtbar", kind) for kind in kinds] + [
        title("Veröffentlicht", kind) for kind in kinds
    ]


def check(client, url, shows=()):
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.content.decode()
    leaked = [text for text in hidden_titles(None) if text in body]
    leaked += [f"/{kind}-{n}/" for kind in KINDS for n in (2, 3, 4, 5) if f"/{kind}-{n}/" in body]
    assert leaked == [], f"{url} shows {leaked}"
    missing = [text for text in visible_titles(shows) if text not in body]
    assert missing == [], f"{url} does not show {missing}: the list is not what this test thinks"
    return body


def test_the_hidden_pages_are_hidden_and_the_revision_is_a_draft(client, world):
    made = world["made"]
    for kind in KINDS:
        assert made[kind]["Revision"].specific.get_latest_revision_as_object().title == title(
            "Revision", kind
        )
        response = client.get(made[kind]["Revision"].url)
        assert title("Veröffentlicht", kind) in response.content.decode()
        assert title("Revision", kind) not in response.content.decode()
        for state in ("Login", "Gruppe"):
            page = made[kind][state]
            response = client.get(page.url)
            assert response.status_code == 302, (kind, state)
            assert response["Location"].startswith("/konto/anmelden/")
        response = client.get(made[kind]["Passwort"].url)
        assert title("Passwort", kind) not in response.content.decode()


def test_search_shows_no_hidden_page(client, world):
    check(client, f"/suche/?q={WORD}", shows=KINDS)
    for typ in ["news", "veranstaltung", "projekt", "galerie", "seite"]:
        check(client, f"/suche/?q={WORD}&typ={typ}")
    check(client, "/suche/?q=Revision")  # the draft title is not in the index either


def test_sitemap_shows_no_hidden_page(client, world):
    body = client.get("/sitemap.xml").content.decode()
    for kind in KINDS:
        assert f"/{kind}-0/" in body and f"/{kind}-1/" in body, kind
        for n in (2, 3, 4, 5):
            assert f"/{kind}-{n}/" not in body, (kind, n)


def test_feeds_show_no_hidden_page(client, world):
    news = world["news"].url
    calendar = world["calendar"].url
    for url in [news + "feed/rss/", news + "feed/atom/"]:
        check(client, url, shows=["news"])
    for url in [
        calendar + "ical/",
        calendar + "ical/thema/wasserstoff/",
        calendar + f"ical/arbeitsgruppe/{world['group'].slug}/",
    ]:
        check(client, url, shows=["event"])


def test_restricted_event_ics_needs_the_right_login(client, world):
    for state in ("Login", "Gruppe", "Passwort"):
        page = world["made"]["event"][state]
        response = client.get(page.url + "ical/")
        assert b"BEGIN:VEVENT" not in response.content, state
    draft = world["made"]["event"]["Entwurf"]
    assert client.get(f"{world['calendar'].url}{draft.slug}/ical/").status_code == 404


def test_home_page_blocks_show_no_hidden_page(client, world):
    check(client, "/", shows=["news", "event", "project", "gallery"])


def test_lists_filters_archives_and_month_view_show_no_hidden_page(client, world):
    news = world["news"].url
    calendar = world["calendar"].url
    projects = world["projects"].url
    check(client, news, shows=["news"])
    check(client, news + "archiv/2025/", shows=["news"])
    check(client, calendar, shows=["event"])
    check(client, calendar + "monat/2025/6/", shows=["event"])
    check(client, projects, shows=["project"])
    # Filtered lists: the filter must really be applied (its value selected), or the check
    # would only repeat the unfiltered list.
    group = world["group"].slug
    for url, shows, selected in [
        (news + "?thema=wasserstoff", "news", "wasserstoff"),
        (calendar + "?thema=wasserstoff", "event", "wasserstoff"),
        (calendar + f"?gruppe={group}", "event", group),
        (projects + "?thema=wasserstoff", "project", "wasserstoff"),
    ]:
        body = check(client, url, shows=[shows])
        assert f'<option value="{selected}" selected>' in body, url
    check(client, world["galleries"].url, shows=["gallery"])
    check(client, world["groups"].url)


def test_working_group_hub_shows_no_hidden_page(client, world):
    check(client, world["group"].url, shows=["news", "event", "project"])


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/pages/?search=x", "/api/"])
def test_no_page_api_is_mounted(client, world, path):
    assert client.get(path).status_code == 404
