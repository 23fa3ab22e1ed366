"""Liveness and readiness of the web process: /healthz/ and /readyz/ (metropolregion/health.py).

The failures are real ones: a database port nobody listens on, a Redis at a closed port
behind the project's TolerantRedisCache, a media folder that is not there, an S3 endpoint
that refuses connections, and a storage that does not answer in time."""

import socket
import time
from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import connections
from django.test import override_settings

from metropolregion import health
from tests.conftest import REDIS_URL


def closed_port():
    """A local TCP port that refuses connections (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_caches(url):
    return {
        alias: {
            "BACKEND": "metropolregion.cache_backends.TolerantRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"readyz-test-{alias}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        for alias in ("default", "pages")
    }


class SlowStorage(FileSystemStorage):
    """A store that takes longer to answer than the readiness check waits."""

    def exists(self, name):
        time.sleep(1.5)
        return False


def assert_uncached_and_cookieless(response):
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


# ---- /healthz/: the process is up --------------------------------------------------------


def test_healthz_answers_without_database_or_cache(client):
    """No `django_db` mark: pytest-django would fail the test on any database access."""
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{closed_port()}/0")):
        response = client.get("/healthz/")
        head = client.head("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert head.status_code == 200
    assert_uncached_and_cookieless(response)


def test_healthz_and_readyz_refuse_writes(client):
    assert client.post("/healthz/").status_code == 405
    assert client.post("/readyz/").status_code == 405


# ---- /readyz/: everything the app needs answers ---------------------------------------


@pytest.mark.django_db
def test_ready_lists_every_check_with_its_time(client, tmp_path):
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        response = client.get("/readyz/")
        head = client.head("/readyz/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok"
    assert list(body["checks"]) == ["database", "cache.default", "cache.pages", "storage"]
    for result in body["checks"].values():
        assert result["ok"] is True
        assert isinstance(result["ms"], float) and result["ms"] >= 0
    assert "failing" not in body
    assert head.status_code == 200
    assert_uncached_and_cookieless(response)


@pytest.mark.django_db
def test_database_down_is_503_naming_the_database(client, tmp_path):
    """The check opens a new connection with the settings' database: point those at a
    port nobody listens on (SQLite: a file in a folder that does not exist)."""
    settings_dict = dict(connections.settings["default"])
    if settings_dict["ENGINE"].endswith("sqlite3"):
        settings_dict["NAME"] = str(tmp_path / "missing" / "db.sqlite3")
    else:
        settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    with (
        mock.patch.dict(connections.settings, {"default": settings_dict}),
        override_settings(MEDIA_ROOT=str(tmp_path)),
    ):
        response = client.get("/readyz/")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["database"]
    assert body["checks"]["database"] == {
        "ok": False,
        "ms": body["checks"]["database"]["ms"],
        "reason": "error (OperationalError)",
    }
    assert body["checks"]["storage"]["ok"] is True
    # Neither the address nor the driver's message reaches the client.
    assert "127.0.0.1" not in response.content.decode()
    assert "connection" not in response.content.decode().lower()
    assert_uncached_and_cookieless(response)


@pytest.mark.django_db
def test_cache_down_is_503_although_the_backend_turns_errors_into_misses(client, tmp_path):
    """TolerantRedisCache never raises: the set value not coming back shows the outage."""
    url = f"redis://127.0.0.1:{closed_port()}/0"
    with override_settings(CACHES=redis_caches(url), MEDIA_ROOT=str(tmp_path)):
        response = client.get("/readyz/")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["cache.default", "cache.pages"]
    assert body["checks"]["cache.pages"]["reason"] == "value not read back"
    assert body["checks"]["database"]["ok"] is True
    assert url not in response.content.decode()


@pytest.mark.redis
@pytest.mark.django_db
def test_ready_with_a_real_redis(client, tmp_path):
    """The control of the test above: the same backend with a Redis that answers (its
    own database, 12; the keys are random and removed again)."""
    url = REDIS_URL.rsplit("/", 1)[0] + "/12"
    with override_settings(CACHES=redis_caches(url), MEDIA_ROOT=str(tmp_path)):
        response = client.get("/readyz/")
    assert response.status_code == 200, response.content
    assert response.json()["checks"]["cache.default"]["ok"] is True


@pytest.mark.django_db
def test_media_folder_missing_is_503_naming_the_storage(client, tmp_path):
    with override_settings(MEDIA_ROOT=str(tmp_path / "not-mounted")):
        response = client.get("/readyz/")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["storage"]
    assert body["checks"]["storage"]["reason"] == "media folder missing"
    assert str(tmp_path) not in response.content.decode()


@pytest.mark.django_db
def test_object_storage_unreachable_is_503_naming_the_storage(client):
    """django-storages' S3 backend against an endpoint that refuses connections."""
    endpoint = f"http://127.0.0.1:{closed_port()}"
    storages = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "media",
                "endpoint_url": endpoint,
                "access_key": "test-key",
                "secret_key": "test-secret",
                "region_name": "eu-central-1",
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, READYZ_TIMEOUT=10):
        response = client.get("/readyz/")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["storage"]
    assert body["checks"]["storage"]["reason"].startswith("error (")
    assert endpoint not in response.content.decode()
    assert "test-secret" not in response.content.decode()


@pytest.mark.django_db
def test_a_check_that_does_not_answer_in_time_fails_as_timed_out(client, tmp_path):
    storages = {
        "default": {
            "BACKEND": f"{__name__}.SlowStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, READYZ_TIMEOUT=0.3):
        started = time.monotonic()
        response = client.get("/readyz/")
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["storage"]
    assert body["checks"]["storage"]["reason"] == "timed out"
    assert elapsed < 1.2  # the answer did not wait for the storage


def test_an_unexpected_failure_of_the_machinery_is_503_not_500(client):
    with mock.patch.object(health, "_pool", side_effect=RuntimeError("shutting down")):
        response = client.get("/readyz/")
    assert response.status_code == 503
    assert set(response.json()["failing"]) == set(health.checks())
