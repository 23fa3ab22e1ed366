"""Every public page of the demo site is valid HTML for the W3C Nu HTML Checker.

All pages go to the checker in one batch (one JVM start). Without Java or vnu.jar the
test is skipped with the reason; CI installs both, and there a skip fails the run.
"""

import pytest
from django.template.loader import render_to_string
from wagtail.models import Page

from tests import html_validator

# Pages that are not Wagtail pages (every live page of the demo site is checked as well).
EXTRA_PAGES = {
    "search": "/suche/?q=Sachsen",
    "search-empty": "/suche/",
    # Routes of the calendar besides its upcoming list.
    "termine--archiv": "/termine/archiv/",
    "termine--monat-2025-09": "/termine/monat/2025/9/",
    "termine--filtered": "/termine/?thema=wasserstoff&format=unbekannt",
    # The project list with two active filters (their remove links and "remove all").
    "projekte--filtered": "/projekte/?thema=wasserstoff&status=laufend",
    # Registration: the form, the members-only notice, the cancel page with a bad link.
    "anmeldung": "/termine/netzwerktreffen-wasserstoff-mittelstand/anmeldung/",
    "anmeldung-mitglieder": "/termine/online-sprechstunde-foerderung-revier/anmeldung/",
}
# Pages answered with another status on purpose (the page must still be valid HTML).
ERROR_PAGES = {
    "abmelden-ungueltig": (
        "/termine/netzwerktreffen-wasserstoff-mittelstand/abmelden/?code=x",
        404,
    ),
}
# Forms after a POST: the feedback form of the accessibility statement with its error
# summary, and its thank-you page; the registration form with its errors.
POSTED_PAGES = {
    "barrierefreiheit-fehler": ("/barrierefreiheit/", {"email": "kaputt"}),
    "anmeldung-fehler": (
        "/termine/netzwerktreffen-wasserstoff-mittelstand/anmeldung/",
        {"email": "kaputt", "website": "x"},
    ),
    "barrierefreiheit-danke": (
        "/barrierefreiheit/",
        {
            "barrier": "Ein Bild hat keinen Alternativtext.",
            "page_url": "/galerien/",
            "name": "Erika Beispiel",
            "email": "erika@example.org",
            "consent": "on",
        },
    ),
}
NOT_FOUND = "/gibt-es-nicht/"

pytestmark = pytest.mark.validator  # skipped with a reason without Java/vnu.jar, never in CI


def test_public_pages_are_valid_html(client, demo_content):
    pages = {
        (page.url.strip("/").replace("/", "--") or "home"): page.url
        for page in Page.objects.live().public().filter(depth__gte=2)
    }
    assert len(pages) >= 7
    documents = {}
    for name, url in {**pages, **EXTRA_PAGES}.items():
        response = client.get(url)
        assert response.status_code == 200, url
        documents[name] = response.content
    for name, (url, data) in POSTED_PAGES.items():
        response = client.post(url, data)
        assert response.status_code == 200, url
        documents[name] = response.content
    assert b'id="form-errors"' in documents["barrierefreiheit-fehler"]
    assert b'id="form-errors"' not in documents["barrierefreiheit-danke"]
    assert b'id="form-errors"' in documents["anmeldung-fehler"]
    for name, (url, status) in ERROR_PAGES.items():
        response = client.get(url)
        assert response.status_code == status, url
        documents[name] = response.content
    response = client.get(NOT_FOUND)
    assert response.status_code == 404
    documents["404"] = response.content
    documents["500"] = render_to_string("500.html")
    # The plain pages of issue 13: a malformed request, a body too large, and the page
    # after a stored registration whose thank-you page could not be rendered.
    documents["400"] = render_to_string("400.html")
    documents["413"] = render_to_string("413.html")
    documents["anmeldung-gespeichert"] = render_to_string(
        "events/registration_stored.html",
        {"event_title": "Jahreskonferenz", "email": "erika@example.org", "waitlisted": True},
    )

    results = html_validator.validate(documents)

    error_count = sum(len(result.errors) for result in results.values())
    assert error_count == 0, (
        f"{error_count} HTML error(s) from the W3C Nu HTML Checker "
        "(page.html:line:column: message, then the extract):\n" + html_validator.describe(results)
    )
