"""Site search: finds what readers type (German stemming on PostgreSQL), filters by type,
shows promoted results, and never shows drafts or login-restricted pages."""

import pytest
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import PageViewRestriction

from metropolregion import search
from tests.factories import StandardPageFactory


@pytest.fixture
def pages(home_page):
    hydrogen = StandardPageFactory(
        parent=home_page,
        title="Wasserstoffregion Mitteldeutschland",
        slug="wasserstoff",
        intro="Grüner Wasserstoff aus der Region für die Industrie.",
    )
    project = StandardPageFactory(
        parent=home_page,
        title="Ein Projekt für das Revier",
        slug="revier",
        intro="Das Projekt verbindet Kommunen im Strukturwandel.",
    )
    draft = StandardPageFactory(
        parent=home_page, title="Geheimer Wasserstoff-Entwurf", slug="entwurf", live=False
    )
    private = StandardPageFactory(
        parent=home_page, title="Interner Wasserstoff-Bericht", slug="intern"
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return {"hydrogen": hydrogen, "project": project, "draft": draft, "private": private}


def result_titles(client, **params):
    response = client.get("/suche/", params)
    assert response.status_code == 200
    return [page.title for page in response.context["results"] or []], response


@pytest.mark.django_db
def test_search_finds_live_public_pages_only(client, pages):
    titles, response = result_titles(client, q="Wasserstoff")
    assert "Wasserstoffregion Mitteldeutschland" in titles
    assert "Geheimer Wasserstoff-Entwurf" not in titles
    assert "Interner Wasserstoff-Bericht" not in titles
    html = response.content.decode()
    assert "Grüner Wasserstoff aus der Region" in html  # the teaser is shown
    assert "Inhaltsseite" in html  # and the type


@pytest.mark.django_db
def test_empty_and_overlong_queries_do_not_fail(client, pages):
    assert client.get("/suche/").status_code == 200
    assert client.get("/suche/", {"q": "   "}).context["results"] is None
    response = client.get("/suche/", {"q": "x" * 5000, "page": "abc", "typ": "<script>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html.split("</header>")[1]  # escaped, never injected
    assert "does not exist" in html or "gibt es nicht" in html


@pytest.mark.django_db
def test_type_filter_limits_results(client, pages, monkeypatch):
    titles, _response = result_titles(client, q="Projekt", typ="seite")
    assert titles == ["Ein Projekt für das Revier"]
    start = search.ResultType("start", "metropolregion.HomePage", "Start")
    monkeypatch.setattr(search, "RESULT_TYPES", [*search.RESULT_TYPES, start])
    titles, response = result_titles(client, q="Projekt", typ="start")
    assert titles == []
    assert response.context["active_type"] == start


@pytest.mark.django_db
def test_promoted_result_comes_first(client, pages):
    query = Query.get("region")
    SearchPromotion.objects.create(
        query=query, page=pages["project"], sort_order=0, description="Unser Schwerpunkt"
    )
    SearchPromotion.objects.create(query=query, page=pages["private"], sort_order=1)
    response = client.get("/suche/", {"q": "Region"})
    promotions = response.context["promotions"]
    assert [pick.page_id for pick in promotions] == [pages["project"].pk]
    assert "Unser Schwerpunkt" in response.content.decode()


@pytest.mark.django_db
def test_searches_store_no_search_terms(client, pages):
    """Issue 13, finding 6: what visitors search for is not kept (the access logs leave
    search terms out on purpose); promotions are looked up without creating rows."""
    query = Query.get("region")
    SearchPromotion.objects.create(query=query, page=pages["project"], sort_order=0)
    for term in ("Wasserstoff", "ein ganz neuer Begriff", "REGION"):
        assert client.get("/suche/", {"q": term}).status_code == 200

    assert list(Query.objects.values_list("query_string", flat=True)) == ["region"]
    assert not QueryDailyHits.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Projekten", "Ein Projekt für das Revier"),
        ("Wasserstoffs", "Wasserstoffregion Mitteldeutschland"),
        ("Kommune", "Ein Projekt für das Revier"),
    ],
)
def test_german_stemming_on_postgres(client, pages, query, expected):
    titles, _response = result_titles(client, q=query)
    assert expected in titles
