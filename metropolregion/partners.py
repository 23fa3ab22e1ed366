"""The partners' and funders' marks in the footer of every page (SiteSettings.partners).

The footer is on every page, so its logos must cost no query once warm: the list, with the
URLs and sizes of each logo's renditions, is built with two queries (the images with their
renditions prefetched) and kept in the default cache under a key made of the settings' row
and the stream's content, so an edit in the settings is a new key at once."""

import hashlib
import json

from django.core.cache import cache
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

HEIGHT = 96  # twice the 48 CSS px the footer shows, for sharp logos on dense screens
FORMATS = ("avif", "webp", "png")
CACHE_SECONDS = 60 * 60


def _spec(fmt):
    return f"format-{fmt}|height-{HEIGHT}"


def _build(raw):
    """The partners from the stream's raw data: their logos with the renditions in one
    prefetch (the stream's own conversion would load the images a second time); and
    whether every logo is in it (not when an original could not be read)."""
    entries = [item["value"] for item in raw if item.get("type") == "partner"]
    images = (
        get_image_model()
        .objects.filter(pk__in=[entry.get("logo") for entry in entries if entry.get("logo")])
        .prefetch_renditions(*(_spec(fmt) for fmt in FORMATS))
    )
    by_id = {image.pk: image for image in images}
    partners, incomplete = [], []
    for entry in entries:
        image = by_id.get(entry.get("logo"))
        if image is None:  # no logo, or a deleted one
            continue
        try:
            renditions = image.get_renditions(*(_spec(fmt) for fmt in FORMATS))
        except SourceImageIOError:  # the original is missing or the media storage is down
            incomplete.append(image.pk)
            continue
        fallback = renditions[_spec(FORMATS[-1])]
        partners.append(
            {
                "name": entry.get("name", ""),
                "url": entry.get("url") or "",
                "sources": [
                    {"type": f"image/{fmt}", "url": renditions[_spec(fmt)].url}
                    for fmt in FORMATS[:-1]
                ],
                "src": fallback.url,
                "width": fallback.width,
                "height": fallback.height,
            }
        )
    return partners, not incomplete


def footer_partners(site_settings):
    """The partners to show: dicts with name, url, sources, src, width and height."""
    stream = site_settings.partners
    if not stream:
        return []
    raw = list(stream.raw_data)  # no query
    digest = hashlib.sha256(json.dumps(raw, sort_keys=True, default=str).encode()).hexdigest()
    key = f"footer-partners:{site_settings.pk}:{digest}"
    partners = cache.get(key)
    if partners is None:
        partners, complete = _build(raw)
        if complete:  # a logo left out for now is not left out for an hour
            cache.set(key, partners, CACHE_SECONDS)
    return partners
