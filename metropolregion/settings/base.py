"""Settings shared by every environment. Values that differ per deployment come from the
environment through the helpers in `env.py`; the README lists every variable."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first so that their templates and translations win.
    "metropolregion",
    "metropolregion.membership",
    "metropolregion.guide",  # the editor guide in the admin ("Hilfe")
    "metropolregion.images",  # the image model (WAGTAILIMAGES_IMAGE_MODEL), before wagtail
    "projects",
    "news",
    "events",
    "events.partner_feeds",  # partner calendars (ICS feeds) imported into the calendar
    "events.submissions",  # partners report events ("Veranstaltung melden")
    "testimonials",
    "galleries",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "metropolregion.purge.FrontendCacheConfig",  # wagtail.contrib.frontend_cache, on commit
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.forms",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Background tasks (mail): django-tasks with its database backend and worker
    "django_tasks",
    "django_tasks_db",
    # Security: Content-Security-Policy (metropolregion/security.py), log-in lock-out
    "csp",
    "axes",
    # Django (no django.contrib.admin: Wagtail's admin is the only one)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",  # Django's form templates, for metropolregion.forms.SiteFormRenderer
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before whitenoise and any cache, so that every response carries these headers.
    "metropolregion.security.PathCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # 413 for a large body outside the admin, before anything reads it.
    "metropolregion.security.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # gzip for pages, feeds and JSON (not for streamed files). Below whitenoise (static files
    # come pre-compressed), above the page cache (it stores plain bodies; gzip compresses
    # hits and misses alike). BREACH: see metropolregion/compression.py.
    "metropolregion.compression.GZipMiddleware",
    # Whole pages for anonymous visitors; everything below runs only on a miss.
    "metropolregion.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Which Wagtail site answers, remembered per host (metropolregion/site_lookup.py).
    "metropolregion.site_lookup.SiteLookupMiddleware",
    # Which page answers a path, remembered while no page changes (metropolregion/route_memo.py).
    "metropolregion.route_memo.RouteMemoMiddleware",
    # Django's CSRF check, by origin for anonymous forms on (cached) pages.
    "metropolregion.csrf.PageFormCsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # POSTs to one page's editor one at a time (metropolregion/editing.py).
    "metropolregion.editing.SerialPageEditsMiddleware",
    # Last, as django-axes asks: replaces the response of a locked-out log-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "metropolregion.urls"
WSGI_APPLICATION = "metropolregion.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: a SQLite file by default (zero set-up), PostgreSQL through DATABASE_URL,
# e.g. postgres://postgres@127.0.0.1:5432/metropolregion (psycopg 3).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: German first, English available. German lives at /, other
# languages under their prefix (/en/); Wagtail's i18n keeps one page tree per locale.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates per language: "24. Juni 2025" / "24 June 2025", and the named formats of the
# event dates (metropolregion/formats/__init__.py).
FORMAT_MODULE_PATH = ["metropolregion.formats"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# Static files are hand-written (no build step) and served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Serve user uploads from Django itself (development and tests; production uses a web
# server or object storage in front).
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies. Public forms (registration, feedback, log-in, password reset, page
# passwords) send a few kilobytes and upload no files: outside /admin/ a body over
# PUBLIC_MAX_REQUEST_BODY is refused with 413 before anything reads it
# (metropolregion.security.RequestSizeLimitMiddleware); a refused body up to
# REQUEST_DRAIN_LIMIT is read and dropped so that a kept-open connection stays usable.
# The admin's page editor posts a whole StreamField at once (a long page with many blocks
# comes to a few hundred kilobytes), so the admin keeps Django's limit for the non-file
# part of a body, raised to 5 MiB; uploads are limited by WAGTAILIMAGES_MAX_UPLOAD_SIZE and
# WAGTAILDOCS_MAX_UPLOAD_SIZE. docs/nginx.conf sets client_max_body_size to match.
PUBLIC_MAX_REQUEST_BODY = 256 * 1024
REQUEST_DRAIN_LIMIT = 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Mail
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Metropolregion Mitteldeutschland <info@example.org>"
)
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10

# Member accounts (metropolregion.membership): log-in pages under /konto/.
LOGIN_URL = "/konto/anmelden/"
# Pages and documents restricted to logged-in users send visitors to the same log-in page.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "/konto/"
LOGOUT_REDIRECT_URL = "/"

# Sessions, CSRF, security headers (CSP, Permissions-Policy), proxies and the log-in
# lock-out: settings/security.py.
from .security import *  # noqa: E402, F403

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Never log request bodies or personal data; Django's request logger stays at WARNING.
        "django.request": {"level": "WARNING"},
        # Wagtail logs every page action and task run at INFO; the audit log keeps them anyway.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # django-axes: no line per log-in (INFO); failures and lock-outs, masked (WARNING).
        "axes": {"level": "WARNING"},
        # The scheduler's clock: no line per run (failures are logged by our scheduler).
        "apscheduler": {"level": "WARNING"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Metropolregion Mitteldeutschland"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search backend; on PostgreSQL with the German text-search
# configuration, so that "Projekten" finds "Projekt" (SQLite ignores the setting).
WAGTAILSEARCH_BACKENDS = {
    # Wagtail's database backend, German or English stemming by each page's language.
    "default": {"BACKEND": "metropolregion.search_backend", "SEARCH_CONFIG": "german"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Documents are always sent by Wagtail's view (/documents/<id>/<name>), which checks the
# privacy of their collection; downloads, except PDFs, which browsers show inline.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Our image model: Wagtail's plus photographer (required), licence, source and usage right
# (metropolregion/images); its form requires the credit in every upload.
WAGTAILIMAGES_IMAGE_MODEL = "images.Image"
WAGTAILIMAGES_IMAGE_FORM_BASE = "metropolregion.images.forms.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no requests to other origins, not even from the admin
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars from gravatar.com in the admin, either

# Background tasks: mails of the event registration are sent by a task. The database
# backend keeps them until `manage.py db_worker` runs them (production, Docker); with
# TASK_BACKEND=immediate they run right after the request's transaction (development).
# Either way a mail is first stored in the outbox (metropolregion.outbox): if the mail server
# is down, the registration is kept and `send_pending_mail` (or the retry) sends it later.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env_str("TASK_BACKEND", "database")]}}

# Event registration
REGISTRATION_CANCEL_LINK_DAYS = env_int("REGISTRATION_CANCEL_LINK_DAYS", 365)
REGISTRATION_RATE_LIMIT = env_int("REGISTRATION_RATE_LIMIT", 10)  # attempts per IP …
REGISTRATION_RATE_WINDOW = 600  # … in this many seconds
REGISTRATION_RETENTION_DAYS = env_int("REGISTRATION_RETENTION_DAYS", 180)  # after the event
# How far ahead the dates of a series without end are written (events.recurrence);
# the scheduler's daily `extend_series` keeps them that far ahead.
RECURRENCE_HORIZON_DAYS = env_int("RECURRENCE_HORIZON_DAYS", 400)

# The mail outbox (metropolregion.outbox: registration mails, feedback reports): tries per
# mail, with growing pauses, before it is marked failed and staff are asked.
MAIL_ATTEMPTS = 8

# Feedback form (accessibility statement): name and address of a report are deleted this
# many days after it arrived (`manage.py purge_personal_data`); what was reported stays.
FEEDBACK_RETENTION_DAYS = env_int("FEEDBACK_RETENTION_DAYS", 180)

# Events reported by partners (events.submissions): the reporter's name, address and phone
# are deleted this many days after the report; the event (a page) stays. The Redaktion's
# notice goes to EVENT_SUBMISSION_RECIPIENTS, or else to the active members of the group
# Redaktion. The form takes an image of up to EVENT_SUBMISSION_MAX_IMAGE_SIZE, so a POST
# to a path ending in one of PUBLIC_UPLOAD_PATH_SUFFIXES may send PUBLIC_MAX_UPLOAD_BODY
# (docs/nginx.conf matches it).
EVENT_SUBMISSION_RETENTION_DAYS = env_int("EVENT_SUBMISSION_RETENTION_DAYS", 180)
EVENT_SUBMISSION_RECIPIENTS = env_list("EVENT_SUBMISSION_RECIPIENTS", [])
EVENT_SUBMISSION_MAX_IMAGE_SIZE = 5 * 1024 * 1024
PUBLIC_UPLOAD_PATH_SUFFIXES = ["/melden/"]
PUBLIC_MAX_UPLOAD_BODY = 6 * 1024 * 1024

# Django's deploy check W003 looks for CsrfViewMiddleware by name; ours is a subclass
# (metropolregion.csrf.PageFormCsrfMiddleware), and metropolregion.checks makes sure it is
# in MIDDLEWARE instead.
SILENCED_SYSTEM_CHECKS = ["security.W003"]

# Caches: local memory by default; Redis through REDIS_URL (redis://127.0.0.1:6379/0), shared
# by every app server, which the page cache needs when more than one process serves pages.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        alias: {
            # Django's RedisCache, but an unreachable Redis is a miss, not an error.
            "BACKEND": "metropolregion.cache_backends.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"metropolregion-{alias}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        # "renditions": Wagtail looks up image renditions there before asking the database.
        for alias in ("default", "pages", "renditions")
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
        # Wagtail looks up image renditions here before asking the database.
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
    # On one machine without Redis, CACHE_DIR puts the page cache in files that every
    # process shares (web server, worker, scheduler): a page published by the scheduler
    # or a command bumps the generation the web server reads (`make run` sets it).
    CACHE_DIR = env_str("CACHE_DIR", "")
    if CACHE_DIR:
        CACHES["pages"] = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_DIR,
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }

# Full-page cache for anonymous visitors (metropolregion.cache): seconds a page is kept at
# most (0 turns it off). Publishing anything invalidates it at once; the time limit covers
# what time itself changes (an event that has ended leaves the upcoming lists).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Rendered fragments (the blocks of a page's body, the menu, the footer) for everyone who
# gets a rendered page (members, previews, the first visitor after a change): seconds a
# fragment is kept at most; each is out of date at once when what it shows changes
# (metropolregion.fragments). Needs a cache every process shares, like the page cache.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", PAGE_CACHE_SECONDS)
# Which Wagtail site answers a host is remembered per process this long (a change made in
# another process shows within it; metropolregion/site_lookup.py).
SITE_LOOKUP_SECONDS = 60

# Scheduled publishing (metropolregion/scheduler.py, `manage.py run_scheduler`): how often
# pages whose go-live or expiry time has come are published or unpublished.
PUBLISH_SCHEDULED_SECONDS = env_int("PUBLISH_SCHEDULED_SECONDS", 60)
PAGE_CACHE_EXCLUDE = [
    r"^/admin/",
    r"^/documents/",
    r"^/_util/",
    r"^/healthz/",
    r"^/readyz/",
    r"^/(en/)?konto/",
    r"^/(en/)?suche/",
]

# Beyond one machine: media in object storage (settings/storage.py), the HTTP cache in front
# and its purges (settings/frontend_cache.py), the read-only API for partners (settings/api.py).
from .api import *  # noqa: E402, F403
from .frontend_cache import *  # noqa: E402, F403

# Health checks: /readyz/, the scheduler's heartbeat, the task queue (settings/health.py).
from .health import *  # noqa: E402, F403
from .storage import *  # noqa: E402, F403
