"""The app compresses its own responses (metropolregion/compression.py): pages, feeds and the
sitemap go out gzipped to a client that accepts it and plain to one that does not, also
from the page cache, with `Vary: Accept-Encoding` and ETags that still give a 304;
streamed files go out as they are. The CSRF token of a form differs in every response
(Django masks it afresh), and a page from the cache carries none (the BREACH answer)."""

import gzip
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client, override_settings

from metropolregion import cache as page_cache
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def news_index(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    for _ in range(3):
        NewsPageFactory(parent=index)
    return index


def vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",")}


def test_pages_feeds_and_the_sitemap_are_gzipped_for_a_client_that_accepts_it(news_index):
    for url in ("/", news_index.url, news_index.url + "feed/rss/", "/sitemap.xml"):
        plain = Client().get(url)
        packed = Client().get(url, **GZIP)
        assert plain.status_code == packed.status_code == 200, url
        assert "Content-Encoding" not in plain, url
        assert packed["Content-Encoding"] == "gzip", url
        assert gzip.decompress(packed.content) == plain.content, url
        assert len(packed.content) < len(plain.content), url
        assert int(packed["Content-Length"]) == len(packed.content), url
        assert "accept-encoding" in vary(plain) and "accept-encoding" in vary(packed), url


@pytest.fixture
def media_file():
    """A file that compresses well, streamed by the media view (development and tests)."""
    name = default_storage.save("images/komprimierbar.csv", ContentFile(b"0;0;0\n" * 1000))
    yield "/media/" + name
    default_storage.delete(name)


def test_streamed_files_are_not_compressed(media_file):
    response = Client().get(media_file, **GZIP)
    assert response.status_code == 200
    assert response.streaming
    assert "Content-Encoding" not in response
    assert response["Content-Length"] == "6000"
    assert b"".join(response.streaming_content) == b"0;0;0\n" * 1000


@override_settings(PAGE_CACHE_SECONDS=300)
def test_a_cached_page_goes_out_gzipped_to_one_client_and_plain_to_another(news_index):
    url = news_index.url
    first = Client().get(url, **GZIP)
    assert (first[page_cache.HIT_HEADER], first["Content-Encoding"]) == ("miss", "gzip")

    plain = Client().get(url)  # the same stored page, uncompressed
    assert plain[page_cache.HIT_HEADER] == "hit"
    assert "Content-Encoding" not in plain
    assert plain.content == gzip.decompress(first.content)
    assert "accept-encoding" in vary(plain)

    packed = Client().get(url, **GZIP)
    assert (packed[page_cache.HIT_HEADER], packed["Content-Encoding"]) == ("hit", "gzip")
    assert gzip.decompress(packed.content) == plain.content
    assert "accept-encoding" in vary(packed)

    # One ETag, strong for the plain body and weak for the gzipped one; both give a 304,
    # which names the ETag the 200 would have had.
    strong = plain["ETag"]
    assert strong.startswith('"') and packed["ETag"] == first["ETag"] == "W/" + strong
    for etag in (strong, "W/" + strong):
        again = Client().get(url, HTTP_IF_NONE_MATCH=etag, **GZIP)
        assert again.status_code == 304, etag
        assert again["ETag"] == "W/" + strong and "accept-encoding" in vary(again)
        assert again.content == b""
    again = Client().get(url, HTTP_IF_NONE_MATCH=strong)
    assert (again.status_code, again["ETag"]) == (304, strong)


@override_settings(PAGE_CACHE_SECONDS=300)
def test_csrf_tokens_in_compressed_bodies_differ_in_every_response(news_index):
    # A page for anonymous visitors, from the cache: no token at all.
    Client().get("/", **GZIP)
    cached = Client().get("/", **GZIP)
    assert cached[page_cache.HIT_HEADER] == "hit"
    assert b"csrfmiddlewaretoken" not in gzip.decompress(cached.content)

    # The log-in form has one: the same secret (the cookie), masked afresh each time.
    visitor = Client()
    tokens = []
    for _ in range(2):
        response = visitor.get("/konto/anmelden/", **GZIP)
        assert response["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        tokens += re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert len(tokens) == 2 and tokens[0] != tokens[1]
