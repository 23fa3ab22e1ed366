"""Error pages that must work when the request itself is broken.

Django's default `bad_request` view runs the CSRF check again (`requires_csrf_token`),
which reads the body a second time: a body that could not be read the first time (a
form sent as `charset=latin-1`, a broken multipart body) then raised once more and became
a 500. These views read nothing from the request, use no database and set no cookie: a
plain German page from a template without context processors.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string


def _plain(template_name, status):
    response = HttpResponse(render_to_string(template_name), status=status)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    """handler400 (metropolregion/urls.py): a request Django could not make sense of."""
    return _plain("400.html", 400)


def request_too_large(request):
    """413 for a body larger than public forms need (security.RequestSizeLimitMiddleware)."""
    return _plain("413.html", 413)
