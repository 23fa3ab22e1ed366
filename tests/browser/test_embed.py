"""The embeddable list in a partner's page: a page on another local origin (a small
http.server on a port of its own, as a partner site would be) frames
`/einbetten/termine/`. Chromium shows the list when that origin is in
EMBED_FRAME_ANCESTORS and refuses to render it, reporting the `frame-ancestors`
violation, when it is not. axe finds nothing on the list, alone and framed."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

EMBED = "/einbetten/termine/"


class PartnerPage(BaseHTTPRequestHandler):
    """Serves one page with an <iframe> of the embeddable list (`server.embed_url`)."""

    def do_GET(self):  # the name http.server calls
        body = (
            '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
            "<title>Stadt Beispiel</title></head><body><main><h1>Stadt Beispiel</h1>"
            f'<iframe src="{self.server.embed_url}" title="Termine der Metropolregion"'
            ' width="400" height="600"></iframe></main></body></html>'
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def partner(demo_site):
    """The partner's site on 127.0.0.1 (the portal runs on localhost: another origin);
    yields its origin. Stopped after the test, whatever happened."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PartnerPage)
    server.embed_url = demo_site + EMBED
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def console(page):
    found = []
    page.on("console", lambda message: found.append(message.text))
    return found


def framed_items(page):
    page.wait_for_load_state("networkidle")
    frame = next((f for f in page.frames if f != page.main_frame), None)
    assert frame is not None, "the partner page has no frame"
    return frame, frame.locator(".embed__item").count()


def test_a_listed_partner_shows_the_list(demo_site, partner, page, console, settings):
    settings.EMBED_FRAME_ANCESTORS = [partner]
    page.goto(partner + "/")
    frame, count = framed_items(page)
    assert count >= 1
    assert frame.url == demo_site + EMBED
    link = frame.locator(".embed__title a").first
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("rel") == "noopener"
    assert not [text for text in console if "frame-ancestors" in text]
    assert axe_violations(page) == [], describe(axe_violations(page))


def test_another_site_cannot_frame_it(demo_site, partner, page, console, settings):
    settings.EMBED_FRAME_ANCESTORS = ["https://www.leipzig.de"]
    page.goto(partner + "/")
    frame, count = framed_items(page)
    assert count == 0
    assert frame.url != demo_site + EMBED  # Chromium's error page instead
    assert any("frame-ancestors" in text for text in console), console


def test_the_list_alone_is_accessible(demo_site, page):
    for query in ("", "?lang=en", "?from=2100-01-01"):
        page.goto(demo_site + EMBED + query)
        assert page.locator("h1").count() == 1
        violations = axe_violations(page)
        assert violations == [], f"{query}: {describe(violations)}"
    page.goto(demo_site + EMBED)
    assert page.locator(".embed__item").count() >= 1
    assert page.locator(".embed__item time[datetime]").count() >= 1
