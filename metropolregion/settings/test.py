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
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WAGTAILADMIN_BASE_URL = "http://testserver"
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}  # noqa: F405
# The page cache is off in tests (a test's transaction never commits, so invalidation would
# never run); tests/metropolregion/test_page_cache.py turns it on where it is tested.
PAGE_CACHE_SECONDS = 0
# django-axes refuses Django's test client `login()` (it passes no request); the lock-out is
# turned on where it is tested (tests/membership/test_lockout.py, tests/browser/test_csp.py).
AXES_ENABLED = False
# Wagtail's test utilities log in through the first backend, which must have get_user():
# Django's first here; the lock-out tests restore base.py's order (axes first).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "axes.backends.AxesStandaloneBackend",
]
