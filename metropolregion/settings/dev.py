"""Development settings: `make run`. Never use these in production."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
SERVE_MEDIA = True
# The demo content and the benchmarks (`load_demo_content`, `bench`): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# `make run` starts the task worker (`db_worker`) next to the web server: mails (to the
# console) go through the same database queue as in production. TASK_BACKEND=immediate runs
# them right after each request instead, for a runserver without a worker.
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env_str("TASK_BACKEND", "database")]}}  # noqa: F405
# Without Redis the page cache lives in files under .cache/, shared by the web server, the
# worker and the scheduler: a page the scheduler publishes is fresh for visitors at once.
if not REDIS_URL:  # noqa: F405
    CACHES["pages"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env_str("CACHE_DIR", str(BASE_DIR / ".cache" / "pages")),  # noqa: F405
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
