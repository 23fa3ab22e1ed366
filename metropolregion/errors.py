"""Error pages that must work when the request itself is broken.

Django's default `bad_request` view runs the CSRF check again (`requires_csrf_token`),
which reads the body a second time: a body that could not be read the first time (a
form sent as `charset=latin-1`, a broken multipart body) then raised once more and became
a 500. These views read nothing from the request but its path, use no database and set
no cookie: a plain page from a template without context processors, in the language of
the address (/en/… English), else German. The 413 comes before the language is chosen
(LocaleMiddleware), so the path decides.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation


def _plain(template_name, status, request):
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = render_to_string(template_name)
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    """handler400 (metropolregion/urls.py): a request Django could not make sense of."""
    return _plain("400.html", 400, request)


def request_too_large(request):
    """413 for a body larger than public forms need (security.RequestSizeLimitMiddleware)."""
    return _plain("413.html", 413, request)
