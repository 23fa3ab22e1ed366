"""Absolute addresses of the site's pages, built in one way everywhere.

Wagtail builds a page's absolute URL from its Site record (hostname and port), which only
routes requests; the site is reached at another address as soon as it runs on another port
or behind a proxy. So:

- in a request (pages, feeds, iCal, sitemap), absolute links follow the address the
  request came in on: scheme, host and port (the host is checked against ALLOWED_HOSTS);
- outside a request (mails sent by the task worker, commands), they start with the
  configured base URL, `WAGTAILADMIN_BASE_URL` (environment variable of the same name).

Pages of another Wagtail site than the current one keep that site's own address.
"""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Site


def base_url():
    """The configured address of the site, without a trailing slash."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _site(request):
    if request is not None:
        return Site.find_for_request(request)
    return Site.objects.filter(is_default_site=True).first()


def rebase(url, request=None):
    """`url`, an absolute URL on a Wagtail site's recorded address, moved to the address
    the site is reached at (the request's, else the base URL). Other URLs unchanged."""
    if not url:
        return url
    site = _site(request)
    if site is None:
        return url
    root = site.root_url
    if url != root and not url.startswith(root + "/"):
        return url
    path = url[len(root) :] or "/"
    return request.build_absolute_uri(path) if request is not None else base_url() + path


def page_url(page, request=None):
    """The absolute URL of `page` (None while it has none, as Wagtail's `get_full_url`)."""
    return rebase(page.get_full_url(request), request)


class Sitemap(WagtailSitemap):
    """Wagtail's sitemap with the locations on the request's address."""

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            url_info["location"] = rebase(url_info["location"], self.request)
        return urls
