"""Security headers, the client's address behind proxies, and the log-in lock-out page.

Content-Security-Policy (django-csp)
    Public pages and the member log-in get the strict policy of ``CONTENT_SECURITY_POLICY``
    (settings/base.py): everything from our own origin, no inline script or style, no
    plugins, no framing. Wagtail's admin needs inline script and style, so paths under
    ``ADMIN_PATH_PREFIXES`` get ``ADMIN_CONTENT_SECURITY_POLICY`` instead; its page preview
    is served below /admin/ too, which is why the admin policy allows framing by our own
    origin (``frame-ancestors 'self'``) and the public one allows none. The embeddable
    list for partner sites (paths under ``EMBED_PATH_PREFIXES``, settings/api.py) may be
    framed by our own origin and the sites of ``EMBED_FRAME_ANCESTORS``, nothing else.

Client address (``client_ip``)
    Behind nginx or a load balancer, ``REMOTE_ADDR`` is the proxy's address. With
    ``TRUSTED_PROXY_COUNT`` = N the client is at most the N-th address from the right of
    ``X-Forwarded-For``: each proxy appends the address it was connected from, so the
    entries left of those are whatever the client sent and cannot be trusted. The header
    is read only when the request comes from one of ``TRUSTED_PROXY_IPS`` (addresses or
    networks; settings/base.py checks them at start-up), and each hop is followed only
    while it is one of them: a client that reaches the app port past the proxy, or the
    inner proxy past the outer one, cannot choose the address the lock-out and the rate
    limits count.

Request size (``RequestSizeLimitMiddleware``)
    Public forms are small; a larger body outside the admin is refused with 413 before
    anything reads it (see ``PUBLIC_MAX_REQUEST_BODY`` in settings/base.py).

Guessing limits (``guess_refused`` and friends)
    Page and document passwords (Wagtail's view restrictions) get the same limit as the
    log-ins: after AXES_FAILURE_LIMIT wrong tries from one address for one restriction,
    that address is refused there for AXES_COOLOFF_TIME (metropolregion/guards.py).
"""

import functools
import hashlib
import ipaddress
import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from .errors import request_too_large

logger = logging.getLogger(__name__)

# Paths whose pages come from Wagtail's admin (the preview included).
ADMIN_PATH_PREFIXES = ("/admin/",)


def is_admin_path(path):
    return path.startswith(ADMIN_PATH_PREFIXES)


class PathCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's relaxed policy for admin paths. A view's own
    ``@csp_override`` (if any) still wins."""

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview serves the page to a dummy request (at the page's public
            # path) through the whole middleware stack, inside the admin's preview request:
            # the admin request sets the policy, which must let the admin frame the preview.
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        if not report_only and parts.replace is None and is_embed_path(request.path_info):
            # Set by path, not by the view: a response from the page cache has no view.
            parts.replace = {"frame-ancestors": embed_frame_ancestors()}
        return parts


def is_embed_path(path):
    """Whether `path` is one of the pages partner sites may frame (EMBED_PATH_PREFIXES)."""
    return path.startswith(tuple(getattr(settings, "EMBED_PATH_PREFIXES", ())))


def embed_frame_ancestors():
    """`frame-ancestors` of the embeddable pages: our own origin and the partner sites of
    EMBED_FRAME_ANCESTORS (settings/api.py checks each is an origin)."""
    return ["'self'", *getattr(settings, "EMBED_FRAME_ANCESTORS", [])]


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


@functools.cache
def _networks(entries):
    """TRUSTED_PROXY_IPS as networks."""
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)


def trusted_proxy(address):
    """Whether `address` is one of TRUSTED_PROXY_IPS."""
    valid = _valid_ip(address or "")
    if valid is None:
        return False
    ip = ipaddress.ip_address(valid)
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXY_IPS)))


def client_ip(request):
    """The address of the client that sent `request` (see the module docstring).

    With ``TRUSTED_PROXY_COUNT`` = 0 (the default), or a request that does not come from
    a trusted proxy, this is ``REMOTE_ADDR``. Otherwise ``X-Forwarded-For`` is walked from
    the right, at most TRUSTED_PROXY_COUNT entries, and stops at the first address that is
    not a trusted proxy: that one was appended by a trusted proxy and is the client's. An
    entry that is not an address ends the walk at the proxy that reported it."""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0 or not trusted_proxy(remote_addr):
        return remote_addr
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    address = remote_addr
    for _hop in range(proxies):
        if not forwarded or not trusted_proxy(address):
            break
        entry = _valid_ip(forwarded.pop())
        if entry is None:
            break
        address = entry
    return address


def rate_limited(request, form, limit=None, window=None):
    """Whether this client has sent the public `form` ("registration", "feedback") more
    than REGISTRATION_RATE_LIMIT times in REGISTRATION_RATE_WINDOW seconds (or `limit`
    times in `window` seconds: the API's requests); each form counts on its own. Keyed on
    a hash of the address (no address is stored). A cache that fails never blocks a
    submission."""
    address = client_ip(request)
    key = f"rate:{form}:" + hashlib.sha256(address.encode()).hexdigest()[:32]
    try:
        cache.add(key, 0, timeout=window or settings.REGISTRATION_RATE_WINDOW)
        attempts = cache.incr(key)
    except Exception:
        logger.warning("Rate limit of the %s form is not available (cache error)", form)
        return False
    return attempts > (limit or settings.REGISTRATION_RATE_LIMIT)


def lockout_response(request, original_response=None, credentials=None):
    """The page after too many failed log-ins (AXES_LOCKOUT_CALLABLE): 429 Too Many
    Requests, in the site's own layout, saying how long to wait. Rendered at once: axes
    replaces the view's response after the view has run."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "membership/lockout.html",
        {"cooloff_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


# -- guessing limits (page and document passwords) --


def _guess_key(request, scope):
    address = client_ip(request)
    return f"guess:{scope}:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def guess_refused(request, scope):
    """Whether this client has guessed wrong AXES_FAILURE_LIMIT times in `scope` (one
    password) within AXES_COOLOFF_TIME. A cache that fails never refuses."""
    try:
        failures = cache.get(_guess_key(request, scope), 0)
    except Exception:
        logger.warning("Guessing limit of %s is not available (cache error)", scope)
        return False
    return failures >= settings.AXES_FAILURE_LIMIT


def record_failed_guess(request, scope):
    """Count one wrong guess; the count expires AXES_COOLOFF_TIME after the first one."""
    key = _guess_key(request, scope)
    try:
        cache.add(key, 0, timeout=int(settings.AXES_COOLOFF_TIME.total_seconds()))
        cache.incr(key)
    except Exception:
        logger.warning("Guessing limit of %s is not available (cache error)", scope)


def forget_guesses(request, scope):
    """A right guess starts counting afresh (like a successful log-in)."""
    try:
        cache.delete(_guess_key(request, scope))
    except Exception:
        logger.warning("Guessing limit of %s is not available (cache error)", scope)


# -- request size --


def body_limit(path):
    """The largest body a public request to `path` may send: PUBLIC_MAX_REQUEST_BODY, or
    PUBLIC_MAX_UPLOAD_BODY for a public form that takes a file (a path ending in one of
    PUBLIC_UPLOAD_PATH_SUFFIXES: the events' "Veranstaltung melden" with its image)."""
    if path.endswith(tuple(getattr(settings, "PUBLIC_UPLOAD_PATH_SUFFIXES", ()))):
        return settings.PUBLIC_MAX_UPLOAD_BODY
    return settings.PUBLIC_MAX_REQUEST_BODY


class RequestSizeLimitMiddleware:
    """Refuses a request body larger than PUBLIC_MAX_REQUEST_BODY outside the admin with
    413, by its Content-Length, before anything reads the body.

    Public forms (registration, feedback, log-in, password reset, page passwords) send a
    few kilobytes; outside /admin/ only the form that reports an event uploads a file (an
    image; `body_limit`). The admin keeps Django's own limit (DATA_UPLOAD_MAX_MEMORY_SIZE),
    because the page editor posts a whole StreamField at once. The refused body is read and thrown away when it is small enough
    (REQUEST_DRAIN_LIMIT), so that a kept-open connection is clean for the next request
    even on a server that would not drain it; a larger one is left to the server, which
    closes the connection (gunicorn >= 23; nginx refuses such bodies before they get here,
    see docs/nginx.conf)."""

    DRAIN_CHUNK = 64 * 1024

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_admin_path(request.path_info):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0  # Django reads no body with an invalid length either
            if length > body_limit(request.path_info):
                self.drain(request, length)
                return request_too_large(request)
        return self.get_response(request)

    def drain(self, request, length):
        if length > settings.REQUEST_DRAIN_LIMIT:
            return
        try:
            while request.read(self.DRAIN_CHUNK):
                pass
        except OSError:  # the client went away
            logger.info("Client closed the connection while a refused body was read")
