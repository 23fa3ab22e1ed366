"""The media store goes down (moto's server stopped): visitors still get every page, with
the pictures made before and without the ones that would need the store now; each failure
is logged, and the storage does not try again for a while, so a page with many new
pictures is not slowed down by each of them."""

import json
import logging
import socket
import time

import pytest
from django.core.cache import cache

from metropolregion import partners
from metropolregion.models import SiteSettings
from metropolregion.storage import MediaStorage
from tests.factories.images import ImageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

from .conftest import configure, make_store, running_moto, storages_of

pytestmark = pytest.mark.django_db


class RecordingCache:
    """The footer's cache, noting the keys it is asked to store."""

    def __init__(self, stored):
        self.stored = stored

    def get(self, key, default=None):
        return cache.get(key, default)

    def set(self, key, value, timeout):
        self.stored.append(key)
        cache.set(key, value, timeout)


@pytest.fixture
def store_to_stop(monkeypatch):
    """A moto server of the test's own (stopped by the test, or at its end) and its bucket."""
    with running_moto() as server:
        store = make_store(server.endpoint)
        with storages_of(configure(monkeypatch, store)):
            yield server, store


def test_pages_render_without_the_store(client, home_page, store_to_stop, caplog):
    server, store = store_to_stop
    index = NewsIndexPageFactory(parent=home_page)
    known = NewsPageFactory(parent=index, image=ImageFactory(file__filename="bekannt.png"))
    new = [
        NewsPageFactory(parent=index, image=ImageFactory(file__filename=f"neu{n}.png"))
        for n in range(3)
    ]
    assert client.get(known.url).status_code == 200  # its renditions are made now
    shown_before = client.get(known.url).content.decode()
    assert f"{store.bucket}/site/images/bekannt" in shown_before

    server.stop()
    with pytest.raises(OSError):  # nothing listens any more: refused at once
        socket.create_connection(("127.0.0.1", int(server.endpoint.rsplit(":", 1)[1])), 1)
    caplog.set_level(logging.ERROR, logger="metropolregion.storage")

    # Made before: the page needs no store (URLs come from the database).
    response = client.get(known.url)
    assert response.status_code == 200
    assert response.content.decode() == shown_before

    started = time.monotonic()
    response = client.get(new[0].url)
    first = time.monotonic() - started
    assert response.status_code == 200
    html = response.content.decode()
    assert new[0].title in html
    assert "site/images/neu0" not in html  # no rendition of the new picture …
    assert 'property="og:image"' not in html  # … and no link preview image
    [record] = [r for r in caplog.records if r.name == "metropolregion.storage"]
    assert "original_images/neu0" in record.getMessage()
    assert f"no new attempt for {MediaStorage.pause_after_failure} s" in record.getMessage()

    # While the storage waits, further pictures fail at once, without a new log line each.
    started = time.monotonic()
    for page in new[1:]:
        assert client.get(page.url).status_code == 200
    rest = time.monotonic() - started
    assert len([r for r in caplog.records if r.name == "metropolregion.storage"]) == 1
    print(f"store down: first new page {first:.2f} s, two more {rest:.2f} s")


def test_the_footer_leaves_out_a_logo_it_cannot_make_and_asks_again_later(
    client, site, home_page, store_to_stop, monkeypatch
):
    """The partners' logos are on every page: one that cannot be made now is left out (the
    page renders), and the list without it is not cached, so it is back once the store is."""
    server, _ = store_to_stop
    cache.clear()
    settings = SiteSettings.for_site(site)
    settings.partners = json.dumps(
        [
            {"type": "partner", "value": {"name": "Freistaat Beispiel", "logo": logo.pk}}
            for logo in [ImageFactory(title="Logo Land")]
        ]
    )
    settings.save()
    server.stop()
    stored = []
    monkeypatch.setattr(partners, "cache", RecordingCache(stored))

    response = client.get("/")
    assert response.status_code == 200
    assert 'alt="Freistaat Beispiel"' not in response.content.decode()
    assert not [key for key in stored if key.startswith("footer-partners")]
