"""Search per language: English pages are found from /en/suche/ with English stemming,
German ones from /suche/ with German; results only in the reader's language, with a link to
the same search in the other language; drafts and private pages stay out in both."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory
from tests.factories.translations import translate


def english(page, strings, slug):
    return translate(page, strings, slug=slug).instance


@pytest.fixture
def pages(home_page):
    english(home_page, lambda text: text, "home")
    project = StandardPageFactory(
        parent=home_page,
        title="Ein Projekt für das Revier",
        slug="revier",
        intro="Das Projekt verbindet Kommunen im Strukturwandel.",
    )
    project_en = english(
        project,
        {
            "Ein Projekt für das Revier": "A project for the coal region",
            "Das Projekt verbindet Kommunen im Strukturwandel.": (
                "The project connects municipalities in the structural change."
            ),
        },
        "coal-region",
    )
    hidden = StandardPageFactory(parent=home_page, title="Internes Projekt", slug="intern")
    hidden_en = english(hidden, {"Internes Projekt": "Internal project"}, "internal")
    PageViewRestriction.objects.create(page=hidden_en, restriction_type=PageViewRestriction.LOGIN)
    draft = StandardPageFactory(parent=home_page, title="Projektentwurf", slug="entwurf")
    draft_en = english(draft, {"Projektentwurf": "Draft project"}, "draft")
    draft_en.unpublish()
    return {"project": project, "project_en": project_en}


def titles(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return [page.title for page in response.context["results"] or []], response


@pytest.mark.django_db
def test_results_only_in_the_readers_language(client, pages):
    german, response = titles(client, "/suche/", q="Projekt")
    assert "Ein Projekt für das Revier" in german
    assert all(page.locale.language_code == "de" for page in response.context["results"])
    english_titles, response = titles(client, "/en/suche/", q="project")
    assert english_titles == ["A project for the coal region"]  # no draft, no private page
    html = response.content.decode()
    assert 'href="/suche/?q=project" hreflang="de"' in html and "Search in German" in html
    _, response = titles(client, "/suche/", q="Projekt")
    assert 'href="/en/suche/?q=Projekt" hreflang="en"' in response.content.decode()
    assert "Auf Englisch suchen" in response.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/en/suche/", "projects", "A project for the coal region"),
        ("/en/suche/", "connecting municipality", "A project for the coal region"),
        ("/suche/", "Projekten", "Ein Projekt für das Revier"),
        ("/suche/", "Kommune", "Ein Projekt für das Revier"),
    ],
)
def test_each_language_is_stemmed_by_its_own_rules(client, pages, path, query, expected):
    found, _ = titles(client, path, q=query)
    assert expected in found
