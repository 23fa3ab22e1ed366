"""The bench's gunicorn (demo/bench/server.py) against this test database: every worker is
warmed before anything is measured, the static copy is served at its true size only when
written before the server starts (whitenoise indexes at start-up), and the production
settings serve /media/ with SERVE_MEDIA (or the page weight would count 404 pages)."""

import pytest

from demo.bench import load, rush
from demo.bench.checks import BenchError
from demo.bench.server import BYPASS_COOKIE, Server, fetch, free_port, server_env

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
REDIS_URL = "redis://127.0.0.1:6379/13"


def test_workers_warmed_static_copy_checked_and_media_served(home_page, static_root, tmp_path):
    media = tmp_path / "media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "dot.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    body = b"<!doctype html><title>copy</title>" + b"x" * 5000
    load.write_static_copy(static_root, body)
    env = server_env(
        free_port(),
        static_root,
        WEB_CONCURRENCY="2",
        DATABASE_URL=rush.database_url(),
        REDIS_URL=REDIS_URL,
        MEDIA_ROOT=str(media),
    )
    with Server(env) as server:
        counts = server.warm("/", {"Cookie": BYPASS_COOKIE}, per_worker=3)
        assert set(counts) == set(server.workers()) and len(counts) == 2
        assert all(n >= 3 for n in counts.values())

        load.check_static_copy(server.base, len(body))
        load.write_static_copy(static_root, body * 2)  # after start-up: not seen
        with pytest.raises(BenchError, match=f"Content-Length {len(body)}, expected 200 and"):
            load.check_static_copy(server.base, len(body) * 2)

        status, image, headers = fetch(server.base + "/media/images/dot.png")
        assert status == 200 and image.startswith(b"\x89PNG")
        assert headers["Content-Type"] == "image/png"
        assert fetch(server.base + "/media/images/missing.png")[0] == 404


def test_warming_fails_loudly_when_the_page_does_not_answer_200(home_page, static_root):
    env = server_env(
        free_port(),
        static_root,
        WEB_CONCURRENCY="1",
        DATABASE_URL=rush.database_url(),
        REDIS_URL=REDIS_URL,
    )
    with Server(env) as server, pytest.raises(BenchError, match="answered 404, not 200"):
        server.warm("/gibt-es-nicht/", timeout=30)
