"""A real HTTP server on 127.0.0.1 (http.server in a thread) that serves partner feeds and
bad answers, and helpers to write ICS text. No mocks: the importer fetches over HTTP.

The server is reached as http://localhost:<port>/…; `feed_server` allows the host name
"localhost" (PARTNER_FEEDS_ALLOWED_PRIVATE_HOSTS) and nothing else, so 127.0.0.1 stays
refused as in production."""

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from events.partner_feeds.models import PartnerFeed
from tests.factories.events import berlin

FEEDS = Path(__file__).parent / "feeds"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
            route(self)


class FeedServer:
    """Routes by path: `serve(path, body, content_type=…)`, `redirect(path, to)`, or a
    function of the request handler in `routes`."""

    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.routes = self.routes = {}
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path, host="localhost"):
        return f"http://{host}:{self.port}{path}"

    def serve(self, path, body, content_type="text/calendar; charset=utf-8", length=True):
        data = body.encode() if isinstance(body, str) else body

        def answer(handler):
            handler.send_response(200)
            handler.send_header("Content-Type", content_type)
            if length:
                handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)

        self.routes[path] = answer
        return self.url(path)

    def redirect(self, path, to):
        def answer(handler):
            handler.send_response(302)
            handler.send_header("Location", to)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        self.routes[path] = answer
        return self.url(path)

    def slow(self, path, seconds):
        def answer(handler):
            time.sleep(seconds)
            handler.send_response(200)
            handler.end_headers()

        self.routes[path] = answer
        return self.url(path)

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def http_server():
    server = FeedServer()
    yield server
    server.stop()


@pytest.fixture
def feed_server(http_server, settings):
    settings.PARTNER_FEEDS_ALLOWED_PRIVATE_HOSTS = ["localhost"]
    settings.PARTNER_FEEDS_TIMEOUT = 2
    http_server.routes.clear()
    return http_server


@pytest.fixture
def now(frozen):
    """The site's clock at 1 December 2026, before every event of the test feeds."""
    return frozen(berlin(2026, 12, 1, 9, 0))


@pytest.fixture
def make_feed(db):
    def make(url, **fields):
        values = {
            "name": "Stadt Beispielstadt",
            "organiser_name": "Stadt Beispielstadt",
            "organiser_url": "https://www.beispielstadt.example/",
            "default_topics": "Bildung, Strukturwandel",
            "needs_approval": False,
            **fields,
        }
        return PartnerFeed.objects.create(url=url, **values)

    return make


def vevent(uid, summary, start="20270310T100000", end="20270310T160000", **extra):
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20261130T120000Z",
        f"DTSTART;TZID=Europe/Berlin:{start}",
        f"DTEND;TZID=Europe/Berlin:{end}",
        f"SUMMARY:{summary}",
        *(f"{name.replace('_', '-')}:{value}" for name, value in extra.items()),
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def calendar(*events):
    return "\r\n".join(
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//DE", *events, "END:VCALENDAR", ""]
    )


def series_text():
    return (FEEDS / "series.ics").read_text(encoding="utf-8")
