"""The read-only API for partner sites (`/api/events/`, `/api/news/`) and the embeddable
list of events (`/einbetten/termine/`), imported by base.py. See docs/api.md."""

import re

from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_str

# Requests per client address (metropolregion.security.client_ip) that reach the API and
# embed views in API_RATE_WINDOW seconds, before they answer 429. Responses the page cache
# (or a CDN) serves never reach the views and are not counted.
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 60)
API_RATE_WINDOW = env_int("API_RATE_WINDOW", 60)
if API_RATE_LIMIT < 1 or API_RATE_WINDOW < 1:
    raise ImproperlyConfigured("API_RATE_LIMIT and API_RATE_WINDOW must be at least 1.")

# Paths whose pages other sites may put in an <iframe> (metropolregion.security): the
# embeddable list. Every other path keeps `frame-ancestors 'none'` and X-Frame-Options DENY.
EMBED_PATH_PREFIXES = ("/einbetten/",)

_ORIGIN = re.compile(r"^https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$")


def parse_origins(value, name="EMBED_FRAME_ANCESTORS"):
    """Origins ("https://www.leipzig.de") separated by spaces or commas, checked: only a
    scheme, a host and an optional port (no path, wildcard or quote could widen or break
    the Content-Security-Policy they go into)."""
    origins = []
    for entry in re.split(r"[\s,]+", value or ""):
        if not entry:
            continue
        origin = entry.lower().rstrip("/")
        if not _ORIGIN.match(origin):
            raise ImproperlyConfigured(
                f"{name}: {entry!r} is not an origin such as https://www.leipzig.de "
                "(scheme http or https, host, optional port; no path, no wildcard)."
            )
        if origin not in origins:
            origins.append(origin)
    return origins


# The partner sites that may frame the embeddable list, besides the portal itself:
# EMBED_FRAME_ANCESTORS="https://www.leipzig.de https://www.halle.de".
EMBED_FRAME_ANCESTORS = parse_origins(env_str("EMBED_FRAME_ANCESTORS", ""))
