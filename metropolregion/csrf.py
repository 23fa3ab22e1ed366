"""CSRF protection for the forms on (cached) pages: `PageFormCsrfMiddleware`, Django's
CSRF check by origin for anonymous POSTs to Wagtail pages (see metropolregion.cache for
why those pages carry no per-visitor token)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _


class PageFormCsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF protection, except for anonymous POSTs to forms on Wagtail pages.

    A cached page cannot carry a per-visitor CSRF token, and rendering the token would set a
    cookie, which makes a page uncacheable. So the forms on pages (event registration,
    feedback) render the token only for logged-in people (`{% page_form_csrf %}`), and an
    anonymous POST to a page is checked by its origin instead: the browser's `Origin`
    header (or `Referer` when a browser sends no Origin) must be this site, and
    `Sec-Fetch-Site` must not say cross-site. A forged anonymous submission could only do
    what the attacker can do anyway by posting the form directly; logged-in people, whose
    session would lend the request their identity, keep the full token check. Admin, login
    and account forms are not Wagtail pages and keep the token check too.
    """

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            request.method == "POST"
            and _is_wagtail_page_view(callback)
            and not request.user.is_authenticated
        ):
            if _same_origin(request):
                return self._accept(request)
            return self._reject(request, _("The form was not sent from this website."))
        return super().process_view(request, callback, callback_args, callback_kwargs)


def _is_wagtail_page_view(callback):
    return getattr(callback, "__module__", "") == "wagtail.views" and (
        getattr(callback, "__name__", "") == "serve"
    )


def _same_origin(request):
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    try:
        own = f"{request.scheme}://{request.get_host()}"
    except Exception:
        return False
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS
    referer = request.headers.get("Referer")
    if referer:
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}" == own
    # Neither header: not a browser form post of today; nothing to forge with.
    return True
