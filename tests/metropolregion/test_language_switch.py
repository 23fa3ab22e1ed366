"""The language switcher, `hreflang` alternates, `lang`, the sitemap in both languages and
links to pages that have no translation (metropolregion/translations.py, issue 16).

English pages are made as editors make them, through wagtail-localize
(`tests.factories.translations.translate`), never by copying."""

import json
import re

import pytest
from defusedxml import ElementTree
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from events import queries as event_queries
from projects import queries as project_queries
from projects.models import WorkingGroupPage
from tests.factories import StandardPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory, berlin
from tests.factories.projects import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
XHTML_LINK = "{http://www.w3.org/1999/xhtml}link"


def english(page, slug):
    """`page` translated into English: every segment "EN …", the slug given."""
    return translate(page, lambda text: f"EN {text}", slug=slug).instance


@pytest.fixture
def tree(home_page):
    """A German home page with "Über uns" (translated), "Kontakt" (German only) and a
    calendar (translated); the English home page first, as editors do."""
    pages = {
        "home": home_page,
        "about": StandardPageFactory(parent=home_page, slug="ueber-uns", title="Über uns"),
        "contact": StandardPageFactory(parent=home_page, slug="kontakt", title="Kontakt"),
        "calendar": EventIndexPageFactory(parent=home_page),
    }
    pages["home_en"] = english(home_page, "home")
    pages["about_en"] = english(pages["about"], "about-us")
    pages["calendar_en"] = english(pages["calendar"], "events")
    return pages


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def switcher(markup):
    match = re.search(r'<nav class="language-switcher".*?</nav>', markup, re.S)
    assert match, "no language switcher"
    return match.group(0)


def switch_link(markup, language):
    """(href, attributes, text) of the switcher's link to `language`."""
    for attrs, text in re.findall(r"<a ([^>]*)>(.*?)</a>", switcher(markup), re.S):
        if f'hreflang="{language}"' in attrs:
            href = re.search(r'href="([^"]*)"', attrs).group(1)
            return href.replace("&amp;", "&"), attrs, re.sub(r"<[^>]+>", " ", text)
    raise AssertionError(f"no link to {language!r} in {switcher(markup)}")


def alternates(markup):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', markup))


# -- the switcher --


def test_switcher_leads_to_the_same_page_in_the_other_language_and_back(client, tree):
    german = html_of(client, "/ueber-uns/")
    href, attrs, text = switch_link(german, "en")
    assert href == "/en/about-us/"
    assert 'lang="en"' in attrs and "English" in text
    # The current language is marked, in its own name and language.
    assert re.search(
        r'<span class="language-switcher__current" lang="de" aria-current="true">', german
    )
    english_page = html_of(client, href)
    assert '<html lang="en"' in english_page
    href, attrs, text = switch_link(english_page, "de")
    assert href == "/ueber-uns/" and 'lang="de"' in attrs and "Deutsch" in text
    assert 'lang="en" aria-current="true"' in english_page


def test_switcher_leads_to_the_home_page_without_a_live_public_translation(client, tree):
    assert switch_link(html_of(client, "/kontakt/"), "en")[0] == "/en/"
    # A draft translation and a private one count as none.
    draft = translate(tree["contact"], lambda t: f"EN {t}", slug="contact", publish=False)
    assert not draft.instance.live
    assert switch_link(html_of(client, "/kontakt/"), "en")[0] == "/en/"
    PageViewRestriction.objects.create(
        page=tree["about_en"], restriction_type=PageViewRestriction.LOGIN
    )
    assert switch_link(html_of(client, "/ueber-uns/"), "en")[0] == "/en/"


def test_switcher_keeps_the_route_of_route_pages_and_views(client, tree):
    month = html_of(client, "/termine/monat/2026/12/")
    assert switch_link(month, "en")[0] == "/en/events/monat/2026/12/"
    assert switch_link(html_of(client, "/en/events/archiv/"), "de")[0] == "/termine/archiv/"
    search = html_of(client, "/suche/?q=Wasserstoff")
    assert switch_link(search, "en")[0] == "/en/suche/?q=Wasserstoff"
    login = html_of(client, "/en/konto/anmelden/")
    assert switch_link(login, "de")[0] == "/konto/anmelden/"


def test_switcher_on_a_page_that_does_not_exist_leads_home(client, tree):
    response = client.get("/en/gibt-es-nicht/")
    assert response.status_code == 404
    assert switch_link(response.content.decode(), "de")[0] == "/"


# -- <head> --


def test_translations_point_at_each_other_with_x_default_german(client, tree):
    german = alternates(html_of(client, "/ueber-uns/"))
    english_page = html_of(client, "/en/about-us/")
    assert german == alternates(english_page)
    assert set(german) == {"de", "en", "x-default"}
    assert german["de"].endswith("://testserver/ueber-uns/")
    assert german["en"].endswith("://testserver/en/about-us/")
    assert german["x-default"] == german["de"]
    # Each language keeps its own canonical address.
    assert re.search(r'<link rel="canonical" href="http://testserver/en/about-us/">', english_page)
    assert '<html lang="en"' in english_page
    assert '<html lang="de"' in html_of(client, "/ueber-uns/")


def test_a_page_in_one_language_has_no_alternates(client, tree):
    assert alternates(html_of(client, "/kontakt/")) == {}


def test_switcher_and_alternates_cost_one_query_together(client, tree):
    client.get("/en/about-us/")  # warm up (site root paths, renditions)
    with CaptureQueriesContext(connection) as ctx:
        html_of(client, "/en/about-us/")
    lookups = [q["sql"] for q in ctx.captured_queries if '"translation_key" IN' in q["sql"]]
    assert len(lookups) == 1, lookups


# -- the sitemap --


def sitemap(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    entries = {}
    for url in root.findall("s:url", SITEMAP_NS):
        path = re.sub(r"^https?://[^/]+", "", url.find("s:loc", SITEMAP_NS).text)
        entries[path] = {
            link.get("hreflang"): re.sub(r"^https?://[^/]+", "", link.get("href"))
            for link in url.findall(XHTML_LINK)
        }
    return entries


def test_sitemap_lists_both_languages_with_alternates(client, tree):
    entries = sitemap(client)
    pair = {"de": "/ueber-uns/", "en": "/en/about-us/", "x-default": "/ueber-uns/"}
    assert entries["/ueber-uns/"] == pair and entries["/en/about-us/"] == pair
    assert entries["/"] == {"de": "/", "en": "/en/", "x-default": "/"}
    assert entries["/en/events/"]["de"] == "/termine/"
    assert entries["/kontakt/"] == {}  # German only: nothing to point at


def test_sitemap_leaves_out_drafts_and_private_pages_in_both_languages(client, tree):
    translate(tree["contact"], lambda t: f"EN {t}", slug="contact", publish=False)
    private = StandardPageFactory(parent=tree["home"], slug="intern", title="Intern")
    private_en = english(private, "internal")
    for page in (private, private_en):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    entries = sitemap(client)
    assert not {"/en/contact/", "/intern/", "/en/internal/"} & set(entries)
    assert "/kontakt/" in entries and "/en/about-us/" in entries
    # A page whose translation is private names no alternate.
    PageViewRestriction.objects.create(
        page=tree["about_en"], restriction_type=PageViewRestriction.LOGIN
    )
    entries = sitemap(client)
    assert "/en/about-us/" not in entries and entries["/ueber-uns/"] == {}


# -- links from English content to pages without a translation --


def link_body(*targets):
    """A body with one rich-text section linking to every target and a call to action
    linking to the first one."""
    links = " ".join(f'<a linktype="page" id="{page.pk}">{page.title}</a>' for page in targets)
    return json.dumps(
        [
            {"type": "section", "value": {"heading": "Verweise", "text": f"<p>Siehe {links}.</p>"}},
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Los",
                    "text": "",
                    "link": {"page": targets[0].pk, "url": "", "label": "Mehr"},
                },
            },
        ]
    )


def test_a_link_to_a_page_without_translation_says_it_leads_to_german(client, tree):
    page = StandardPageFactory(parent=tree["home"], slug="verweise", title="Verweise")
    page.body = link_body(tree["contact"], tree["about"])
    page.save_revision().publish()
    english(page, "links")
    markup = html_of(client, "/en/links/")
    main = markup[markup.index("<main") :]
    # The untranslated page: the German address, marked in the text and for software.
    contact = re.findall(r'<a [^>]*href="/kontakt/"[^>]*>.*?</a>', main, re.S)
    assert len(contact) == 2, contact  # rich text and the call to action
    for link in contact:
        assert 'hreflang="de"' in link and "(German)" in link
    # The translated page: its English address, nothing to mark.
    assert '<a href="/en/about-us/">Über uns</a>' in main
    assert 'href="/ueber-uns/"' not in main
    # In German, nothing is marked.
    german = html_of(client, "/verweise/")
    german_main = german[german.index("<main") :]
    assert "hreflang" not in german_main and "(German)" not in german_main
    assert "(Deutsch)" not in german_main


# -- lists in one language --


def test_lists_of_a_working_group_stay_in_its_language(tree):
    """An English project or event still names the German working group (wagtail-localize
    keeps page references); the group's lists show the items of its own language."""
    home = tree["home"]
    group = WorkingGroupPageFactory(parent=WorkingGroupIndexPageFactory(parent=home))
    projects = ProjectIndexPageFactory(parent=home)
    project = ProjectPageFactory(parent=projects, working_group=group, logo=None)
    german_only = ProjectPageFactory(parent=projects, working_group=group, logo=None)
    event = EventPageFactory(
        parent=tree["calendar"], working_group=group, start=berlin(2040, 1, 1, 10, 0)
    )
    english(group.get_parent().specific, "groups")
    group_en = english(group, "group")
    english(projects, "projects")
    project_en = english(project, "project")
    event_en = english(event, "event")
    assert project_en.working_group_id == group.pk  # the reference stays German (control)

    assert project_queries.group_projects(group) == [project, german_only]
    assert project_queries.group_projects(group_en) == [project_en]
    counted = project_queries.working_groups_with_counts(
        WorkingGroupPage.objects.filter(pk__in=[group.pk, group_en.pk])
    )
    assert {g.pk: g.project_count for g in counted} == {group.pk: 2, group_en.pk: 1}
    assert event_queries.next_events(4, working_group=group) == [event]
    assert event_queries.next_events(4, working_group=group_en) == [event_en]
    with translation.override("en"):
        # Chosen in a block (German ids): the English versions, untranslated ones left out.
        chosen = project_queries.chosen_projects([german_only.pk, project.pk], 5)
        assert chosen == [project_en]
        assert project_queries.live_working_group(group.pk) == group_en
        assert event_queries.visible_event(event.pk) == event_en
        assert event_queries.working_groups(
            event_queries.public_events(locale=event_en.locale)
        ) == [group_en]
    with translation.override("de"):
        assert project_queries.chosen_projects([german_only.pk, project.pk], 5) == [
            german_only,
            project,
        ]
