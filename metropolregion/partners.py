"""The partners' and funders' marks in the footer of every page (SiteSettings.partners).

The footer is on every page, so its logos must cost no query once warm: the list, with the
URLs and sizes of each logo's renditions, is built with two queries (the images with their
renditions prefetched) and kept in the default cache under a key made of the settings' row
and the stream's content, so an edit in the settings is a new key at once."""

import hashlib
import json

from django.core.cache import cache
from wagtail.images import get_image_model

HEIGHT = 96  # twice the 48 CSS px the footer shows, for sharp logos on dense screens
FORMATS = ("avif", "webp", "png")
CACHE_SECONDS = 60 * 60


def _spec(fmt):
    return f"format-{fmt}|height-{HEIGHT}"


def _build(stream):
    entries = [child.value for child in stream if child.block_type == "partner"]
    ids = [entry["logo"].pk for entry in entries if entry.get("logo")]
    images = (
        get_image_model()
        .objects.filter(pk__in=ids)
        .prefetch_renditions(*(_spec(fmt) for fmt in FORMATS))
    )
    by_id = {image.pk: image for image in images}
    partners = []
    for entry in entries:
        image = by_id.get(entry["logo"].pk) if entry.get("logo") else None
        if image is None:
            continue
        renditions = image.get_renditions(*(_spec(fmt) for fmt in FORMATS))
        sources = [
            {"type": f"image/{fmt}", "url": renditions[_spec(fmt)].url} for fmt in FORMATS[:-1]
        ]
        fallback = renditions[_spec(FORMATS[-1])]
        partners.append(
            {
                "name": entry["name"],
                "url": entry.get("url") or "",
                "sources": sources,
                "src": fallback.url,
                "width": fallback.width,
                "height": fallback.height,
            }
        )
    return partners


def footer_partners(site_settings):
    """The partners to show: dicts with name, url, sources, src, width and height."""
    stream = site_settings.partners
    if not stream:
        return []
    raw = json.dumps(list(stream.raw_data), sort_keys=True, default=str)  # no query
    digest = hashlib.sha256(raw.encode()).hexdigest()[:16]
    key = f"footer-partners:{site_settings.pk}:{digest}"
    partners = cache.get(key)
    if partners is None:
        partners = _build(stream)
        cache.set(key, partners, CACHE_SECONDS)
    return partners
