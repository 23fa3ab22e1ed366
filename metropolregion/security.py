"""Security headers, the client's address behind proxies, and the log-in lock-out page.

Content-Security-Policy (django-csp)
    Public pages and the member log-in get the strict policy of ``CONTENT_SECURITY_POLICY``
    (settings/base.py): everything from our own origin, no inline script or style, no
    plugins, no framing. Wagtail's admin needs inline script and style, so paths under
    ``ADMIN_PATH_PREFIXES`` get ``ADMIN_CONTENT_SECURITY_POLICY`` instead; its page preview
    is served below /admin/ too, which is why the admin policy allows framing by our own
    origin (``frame-ancestors 'self'``) and the public one allows none.

Client address (``client_ip``)
    Behind nginx or a load balancer, ``REMOTE_ADDR`` is the proxy's address. With
    ``TRUSTED_PROXY_COUNT`` = N the client is the N-th address from the right of
    ``X-Forwarded-For``: each proxy appends the address it was connected from, so the
    entries left of those are whatever the client sent and cannot be trusted.
"""

import hashlib
import ipaddress
import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

logger = logging.getLogger(__name__)

# Paths whose pages come from Wagtail's or Django's admin (the preview included).
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")


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
        return parts


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The address of the client that sent `request` (see the module docstring).

    With ``TRUSTED_PROXY_COUNT`` = 0 (the default) this is ``REMOTE_ADDR``. A request that
    carries fewer forwarded addresses than there are proxies did not pass through all of
    them, so its ``REMOTE_ADDR`` is used; so is it when the entry is not an address."""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < proxies:
        return remote_addr
    return _valid_ip(forwarded[-proxies]) or remote_addr


def rate_limited(request, form):
    """Whether this client has sent the public `form` ("registration", "feedback") more
    than REGISTRATION_RATE_LIMIT times in REGISTRATION_RATE_WINDOW seconds; each form
    counts on its own. Keyed on a hash of the address (no address is stored). A cache that
    fails never blocks a submission."""
    address = client_ip(request)
    key = f"rate:{form}:" + hashlib.sha256(address.encode()).hexdigest()[:32]
    try:
        cache.add(key, 0, timeout=settings.REGISTRATION_RATE_WINDOW)
        attempts = cache.incr(key)
    except Exception:
        logger.warning("Rate limit of the %s form is not available (cache error)", form)
        return False
    return attempts > settings.REGISTRATION_RATE_LIMIT


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
