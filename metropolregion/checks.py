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
            hint="Add metropolregion.cache.PageFormCsrfMiddleware (or Django's).",
            id="metropolregion.E001",
        )
    ]
