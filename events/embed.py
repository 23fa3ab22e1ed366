"""The list of events that partner sites put in an <iframe>: `/einbetten/termine/`
(docs/api.md). The API's events (events/api.py) with its filters (`topic`,
`working_group`, `from`, `to`, `limit`, `lang`), as a small page of its own: no site
chrome, its own stylesheet, links that open the portal in a new tab.

Only the sites of EMBED_FRAME_ANCESTORS may frame it: its Content-Security-Policy says
`frame-ancestors 'self' <those origins>` (metropolregion.security.PathCSPMiddleware, by
path, so that a response from the page cache has it too), and it is exempt from
X-Frame-Options, which cannot name other origins. Every other page keeps DENY."""

from django.template.response import TemplateResponse
from django.views.decorators.clickjacking import xframe_options_exempt

from metropolregion import api
from metropolregion.navigation import active_locale
from metropolregion.site_settings import SiteSettings
from metropolregion.site_urls import page_url

from . import queries
from .api import find, read_filters

DEFAULT_LIMIT = 5


@xframe_options_exempt
@api.endpoint("embed", error=api.plain_error)
def embed_events(request):
    """The next events (`limit`, default 5) as a list to frame."""
    filters = read_filters(request.GET)
    limit = api.read_number(request.GET, "limit", DEFAULT_LIMIT, api.MAX_LIMIT)
    events = list(find(request, filters)[:limit])
    calendar = queries.find_index(locale=active_locale())
    context = {
        "items": [(event, page_url(event, request) + event.occurrence_query) for event in events],
        "site_name": SiteSettings.for_request(request).short_name,
        "calendar_url": page_url(calendar, request) if calendar else None,
    }
    response = TemplateResponse(request, "events/embed_list.html", context)
    response.render()
    return api.conditional(request, response)
