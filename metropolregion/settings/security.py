"""Security settings, imported by base.py: cookies, security headers (CSP,
Permissions-Policy), the proxies whose X-Forwarded-For is believed, and the lock-out after
failed log-ins. Every setting here applies in production, development and tests alike."""

import ipaddress
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_list

# Sessions and CSRF: anonymous readers get no cookie; cookies that are set are strict.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views answer SAMEORIGIN themselves

# Content-Security-Policy (django-csp; metropolregion/security.py chooses by path). Public
# pages and the member log-in: our own origin only, no inline script or style (JSON-LD is a
# data block, not script), no plugins, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin (/admin/, the page preview included) as little relaxed as it works: its
# widgets write inline <script> (date choosers) and its editor inserts <style> and <script>
# elements (vendor.js), so script and style allow 'unsafe-inline' (no eval); the preview is
# framed by the admin itself. Found with Chromium (tests/browser/test_csp.py).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Permissions-Policy (django-permissions-policy): no page needs any of these features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Client addresses behind proxies: how many proxies (nginx, a load balancer) append to
# X-Forwarded-For in front of the app; 0 uses REMOTE_ADDR (metropolregion.security.client_ip,
# used by the registration rate limit and the log-in lock-out).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# … and the addresses or networks those proxies connect from: X-Forwarded-For is read only
# on requests from one of them, so a client that reaches the app port directly cannot
# choose its address. Keep gunicorn's FORWARDED_ALLOW_IPS the same (gunicorn.conf.py reads
# this variable when that one is not set).
TRUSTED_PROXY_IPS = env_list("TRUSTED_PROXY_IPS", ["127.0.0.1", "::1"])
try:
    for _entry in TRUSTED_PROXY_IPS:
        ipaddress.ip_network(_entry, strict=False)
except ValueError as _error:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_IPS: {_error}") from _error

# Lock-out after failed log-ins (django-axes) on the admin's and the members' log-in: after
# 5 failures for one user name from one address, that pair is refused for 15 minutes (429).
# By the pair, not by user name alone (an attacker could lock a person out everywhere) nor by
# address alone (a town hall or a chamber shares one address). Successful log-ins are not
# recorded; a failure record (user name, address, browser) is deleted once it is older than
# the cool-off, at the next log-in or by the daily `manage.py purge_personal_data`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_ENABLE_ADMIN = False  # no Django admin site; staff use `manage.py axes_reset_username`
AXES_HTTP_RESPONSE_CODE = 429
AXES_CLIENT_IP_CALLABLE = "metropolregion.security.client_ip"
AXES_LOCKOUT_CALLABLE = "metropolregion.security.lockout_response"
AXES_VERBOSE = False  # its log lines name no user agent (user name and address are masked)
# Both log-in forms refuse a user name longer than any account's before anyone looks it up
# (axes stores the name of a failure in 255 characters); both password reset forms send
# their mail through the task queue, so that a known and an unknown address take the same
# time (metropolregion/membership/auth_forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "metropolregion.membership.auth_forms.AdminLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = (
    "metropolregion.membership.auth_forms.AdminPasswordResetForm"  # noqa: S105 - a class path
)
