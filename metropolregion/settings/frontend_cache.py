"""The HTTP cache in front of the app and its purges (wagtail.contrib.frontend_cache),
imported by base.py. See docs/http-cache.md.

Which cache is purged follows the environment; with none of these set nothing is purged:

    VARNISH_URL                  Varnish to send PURGE requests to, e.g. http://127.0.0.1:6081
                                 (deploy/varnish/default.vcl; its ACL must admit the app)
    CLOUDFLARE_ZONE_ID           Cloudflare: the zone, and an API token that may purge it
    CLOUDFLARE_API_TOKEN         (CLOUDFLARE_BEARER_TOKEN is read as well)
    CLOUDFRONT_DISTRIBUTION_ID   Amazon CloudFront: the distribution (credentials as boto3
                                 finds them: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a role)

Several may be set at once (Varnish behind a CDN): each gets every purge.
"""

from .env import env_str

WAGTAILFRONTENDCACHE = {}

_varnish = env_str("VARNISH_URL")
if _varnish:
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": _varnish,
    }

_cloudflare_zone = env_str("CLOUDFLARE_ZONE_ID")
if _cloudflare_zone:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": _cloudflare_zone,
        "BEARER_TOKEN": env_str("CLOUDFLARE_API_TOKEN") or env_str("CLOUDFLARE_BEARER_TOKEN"),
    }

_cloudfront = env_str("CLOUDFRONT_DISTRIBUTION_ID")
if _cloudfront:
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": _cloudfront,
    }

# The portal names every language's URLs itself (metropolregion/dependencies.py): Wagtail
# must not add /de/… and /en/… variants of each URL.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Paths of every site that list content from all over the site: purged with every change
# of a page ("*" at the end: everything below).
FRONTEND_CACHE_SITE_LISTS = ["/sitemap.xml", "/api/*", "/einbetten/*"]
