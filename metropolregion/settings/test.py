"""Settings for pytest. DATABASE_URL selects PostgreSQL (as in CI); SQLite otherwise."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="metropolregion-test-media-"))  # noqa: F405
SERVE_MEDIA = True
# The demo content and the benchmarks (`load_demo_content`, `bench`): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WAGTAILADMIN_BASE_URL = "http://testserver"
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}  # noqa: F405
# The page cache is off for tests inside a transaction (it never commits, so invalidation
# would never run); tests/metropolregion/test_page_cache.py turns it on where it is tested.
# Every browser test (tests/browser/conftest.py, demo_site: its changes commit) runs with it
# on, as production does, and so do the Varnish and two-server tests (production settings).
PAGE_CACHE_SECONDS = 0
# The same for rendered fragments (metropolregion.fragments) and the route memo built on
# their generations: tests/metropolregion/test_fragments.py and test_route_memo.py turn them
# on and run the commit hooks; the browser tests run with them on.
FRAGMENT_CACHE_SECONDS = 0
# django-axes stays on, in base.py's order (axes first), as in production: every log-in over
# HTTP in every test goes through the lock-out. Only Django's test client `login()`, which
# passes no request (axes refuses that with an error), is let through to Django's backend
# (tests/auth_backends.py); tests log in with `force_login()` where they can.
AUTHENTICATION_BACKENDS = [
    "tests.auth_backends.TestClientAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
