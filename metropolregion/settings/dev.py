"""Development settings: `make run`. Never use these in production."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
SERVE_MEDIA = True
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# No worker runs with `make run`: tasks (mails to the console) run after each request.
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env_str("TASK_BACKEND", "immediate")]}}  # noqa: F405
