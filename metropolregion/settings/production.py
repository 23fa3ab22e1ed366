"""Production settings. Refuses to start without SECRET_KEY and ALLOWED_HOSTS."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", required=True)

# TLS is terminated by the load balancer or nginx in front, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$", r"^readyz/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Without Redis every gunicorn process would keep its own page cache, and an editor's change
# would reach only one of them: the page cache is off unless REDIS_URL is set (or it is
# turned on explicitly for a single process).
if not REDIS_URL:  # noqa: F405
    PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
    FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", PAGE_CACHE_SECONDS)
