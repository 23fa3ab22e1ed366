"""System checks of the project's own (`manage.py check`)."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.module_loading import import_string


@register(Tags.security, deploy=True)
def csrf_middleware_installed(app_configs, **kwargs):
    """Django's W003 is silenced because our CSRF middleware is a subclass of Django's:
    check that some CSRF middleware is there all the same."""
    for path in settings.MIDDLEWARE:
        try:
            middleware = import_string(path)
        except ImportError:
            continue
        if isinstance(middleware, type) and issubclass(middleware, CsrfViewMiddleware):
            return []
    return [
        Error(
            "No CSRF middleware in MIDDLEWARE.",
            hint="Add metropolregion.csrf.PageFormCsrfMiddleware (or Django's).",
            id="metropolregion.E001",
        )
    ]


@register(Tags.security, deploy=True)
def base_url_is_the_public_address(app_configs, **kwargs):
    """Mails (cancel links, event links, calendar files) are built outside any request from
    WAGTAILADMIN_BASE_URL: in production it must be the site's public HTTPS address."""
    from urllib.parse import urlsplit

    from django.core.checks import Warning as CheckWarning

    address = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
    host = address.hostname or ""
    local = host in ("", "localhost", "127.0.0.1", "::1")
    listed = "*" in settings.ALLOWED_HOSTS or any(
        host == allowed or (allowed.startswith(".") and host.endswith(allowed))
        for allowed in settings.ALLOWED_HOSTS
    )
    if address.scheme == "https" and not local and listed:
        return []
    return [
        CheckWarning(
            f"WAGTAILADMIN_BASE_URL ({settings.WAGTAILADMIN_BASE_URL!r}) is not the site's "
            "public HTTPS address: links in mails would lead elsewhere.",
            hint="Set WAGTAILADMIN_BASE_URL=https://<a host of ALLOWED_HOSTS>.",
            id="metropolregion.W002",
        )
    ]
