"""What the read-only API for partner sites shares (docs/api.md): reading its query
parameters, the current site's pages in the requested language, paging, the JSON and
error responses, the rate limit, and how an image and a working group are described.

The endpoints themselves live with their content (events/api.py, news/api.py); this
module knows pages only as Wagtail pages. Every response is public: it never depends on
who asks (no session, no cookie), so the page cache (metropolregion/cache.py) keeps it
like any page for anonymous visitors.

- Language: `?lang=de` (default) or `?lang=en`, one address per endpoint; the lists hold
  the pages of that language only, as the site's own lists do.
- Bad input is a 400 with `{"error": {"parameter": …, "message": …}}`, never a 500.
- Too many requests from one address (API_RATE_LIMIT in API_RATE_WINDOW seconds, the
  counter of the public forms, metropolregion.security.rate_limited) is a 429 with
  Retry-After. Responses from the page cache never reach the view and are not counted.
"""

import datetime
import functools
import hashlib
import re

from django.conf import settings
from django.db.models import Subquery
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Page, Site

from .clock import BERLIN
from .listing import querystring_without
from .navigation import active_locale
from .privacy import public
from .security import rate_limited
from .site_urls import page_url
from .translations import chosen_in_active_language

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_PAGE = 1000
FIRST_YEAR, LAST_YEAR = 1990, 2100
# The teaser picture as the page itself shows it (its {% picture %} makes this rendition
# when the page is published and rendered, metropolregion/renditions.py).
IMAGE_SPEC = "format-jpeg|fill-960x600"
SLUG = re.compile(r"^[-\w]{1,255}$")
NUMBER = re.compile(r"^[0-9]{1,9}$")  # ASCII digits that fit any id column
# Revalidate every time (ETag, 304): publishing a change shows at once, as on the site.
# The page cache answers the same way (`no-cache`) once it keeps a response.
CACHE_CONTROL = "public, max-age=0, must-revalidate"


class ApiError(Exception):
    """A query parameter the API cannot use: answered with 400 and this message."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


# -- responses --


def json_response(request, data, status=200):
    """`data` as JSON (UTF-8, not escaped), readable by any origin (no credentials);
    a 200 gets an ETag and answers If-None-Match with 304."""
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    if status != 200:
        response["Cache-Control"] = "no-store"
        return response
    return conditional(request, response)


def conditional(request, response):
    """The ETag (the page cache's: a hash of the body) and revalidation headers of a
    public 200; a 304 when the client has that version already."""
    etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    return get_conditional_response(request, etag=etag, response=response)


def error_response(request, status, parameter, message, headers=None):
    response = json_response(
        request, {"error": {"parameter": parameter, "message": str(message)}}, status=status
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def too_many_requests(request, scope):
    """The seconds a client over the limit should wait (its Retry-After), or None."""
    if not rate_limited(
        request, scope, limit=settings.API_RATE_LIMIT, window=settings.API_RATE_WINDOW
    ):
        return None
    return settings.API_RATE_WINDOW


def read_language(params):
    """The language asked for by `?lang=` (one of settings.LANGUAGES; default German)."""
    value = params.get("lang", "").strip().lower() or settings.LANGUAGE_CODE
    codes = [code for code, _name in settings.LANGUAGES]
    if value not in codes:
        raise ApiError("lang", f"Unknown language; use one of: {', '.join(codes)}.")
    return value


def endpoint(scope, error=None):
    """A read-only endpoint: GET and HEAD only, rate-limited per client address (counted
    under `scope`), in the language of `?lang=`, an ApiError answered with 400. `error`
    (request, status, parameter, message, headers) makes the error responses (JSON by
    default; the embeddable list answers in HTML)."""
    error = error or error_response

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return error(request, 405, "method", "Only GET and HEAD.", {"Allow": "GET, HEAD"})
            wait = too_many_requests(request, scope)
            if wait is not None:
                message = f"Too many requests; try again in {wait} seconds."
                return error(request, 429, "", message, {"Retry-After": str(wait)})
            try:
                language = read_language(request.GET)
                with translation.override(language):
                    response = view(request, *args, **kwargs)
            except ApiError as problem:
                return error(request, 400, problem.parameter, problem.message)
            response["Content-Language"] = language
            return response

        return wrapped

    return decorate


# -- parameters --


def read_date(params, name):
    """The date of `?<name>=YYYY-MM-DD`, or None."""
    value = params.get(name, "").strip()
    if not value:
        return None
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        day = None
    if day is None or len(value) != 10 or not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ApiError(name, f"Give a date as YYYY-MM-DD between {FIRST_YEAR} and {LAST_YEAR}.")
    return day


def read_period(params):
    """(`from`, `to`) dates, either None; `to` not before `from`."""
    first, last = read_date(params, "from"), read_date(params, "to")
    if first and last and last < first:
        raise ApiError("to", "The date `to` lies before `from`.")
    return first, last


def read_number(params, name, default, highest):
    value = params.get(name, "").strip()
    if not value:
        return default
    if not NUMBER.match(value) or not 1 <= int(value) <= highest:
        raise ApiError(name, f"Give a whole number from 1 to {highest}.")
    return int(value)


def read_paging(params):
    """(limit, page number) of `?limit=` (default 20, at most 100) and `?page=`."""
    return (
        read_number(params, "limit", DEFAULT_LIMIT, MAX_LIMIT),
        read_number(params, "page", 1, MAX_PAGE),
    )


def read_slug(params, name):
    """The slug of `?<name>=`, or ""."""
    value = params.get(name, "").strip()
    if value and not SLUG.match(value):
        raise ApiError(name, "Give a slug: letters, digits, hyphens.")
    return value


def read_page_choice(params, name, pages, label):
    """The page of `pages` that `?<name>=` names by id or slug (None without it); one
    that is not there is a 400."""
    value = read_slug(params, name)
    if not value:
        return None
    field = "pk" if NUMBER.match(value) else "slug"
    found = public(pages.live()).filter(**{field: value}).order_by("depth", "path").first()
    if found is None:
        raise ApiError(name, f"There is no {label} “{value}”.")
    return found


# -- what is listed --


def site_pages(request, pages):
    """`pages` of the requested site (its root page's tree in the active language) and
    that language only."""
    site = Site.find_for_request(request)
    locale = active_locale()
    # Without a locale of its own a language falls back to the first one: list nothing.
    if site is None or locale.language_code != translation.get_language():
        return pages.none()
    key = Page.objects.filter(sites_rooted_here=site).values("translation_key")[:1]
    root = (
        Page.objects.filter(translation_key=Subquery(key), locale=locale)
        .values_list("path", flat=True)
        .first()
    )
    if root is None:
        return pages.none()
    return pages.filter(path__startswith=root, locale=locale)


def page_of(items, limit, number):
    """(the items of page `number`, whether there is a next page): one query for the
    page and one item more."""
    offset = (number - 1) * limit
    found = list(items[offset : offset + limit + 1])
    return found[:limit], len(found) > limit


def paged(request, results, number, has_next):
    """The response body of a list: the results and the links to the pages around."""

    def link(to):
        query = querystring_without(request, "page")
        query = f"{query}&page={to}" if query else f"page={to}"
        return request.build_absolute_uri(f"{request.path}?{query}")

    return {
        "results": results,
        "next": link(number + 1) if has_next else None,
        "previous": link(number - 1) if number > 1 else None,
    }


# -- how things are described --


def moment(value):
    """An instant as ISO 8601 with the offset of Europe/Berlin."""
    return value.astimezone(BERLIN).isoformat() if value else None


def absolute(request, url):
    return request.build_absolute_uri(url) if url and url.startswith("/") else url


def image_data(request, image):
    """The teaser picture: a JPEG rendition, its size, alt text and credit; or None (also
    when its rendition cannot be made: the original missing, the media storage down)."""
    if image is None:
        return None
    rendition = get_rendition_or_not_found(image, IMAGE_SPEC)
    if not rendition.width:
        return None
    return {
        "url": absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.description or "",
        "credit": image.credit_line,
    }


def topics_data(tags, name):
    """Topics as slug and name (`name`: the topic's name in the reader's language)."""
    return [{"slug": tag.slug, "name": name(tag)} for tag in tags]


def working_groups(request, pages):
    """{working_group_id: description} for `pages`: each group in the reader's language
    if it is live and public there (one query for all)."""
    ids = {page.working_group_id for page in pages if page.working_group_id}
    found = chosen_in_active_language(public(Page.objects.live()), list(ids))
    return {
        group.chosen_id: {
            "id": group.pk,
            "slug": group.slug,
            "title": group.title,
            "url": page_url(group, request),
        }
        for group in found
    }


def plain_error(request, status, parameter, message, headers=None):
    """An error of an HTML endpoint as plain text (no page chrome to render)."""
    response = HttpResponse(str(message), status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response[name] = value
    return response
