"""Template helpers for galleries: the data the lightbox script reads from a thumbnail."""

from django import template
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

register = template.Library()

# The large view: WebP with a JPEG fallback (the link target without JavaScript).
LARGE_SPECS = ["max-1000x1000|format-webp", "max-1600x1600|format-webp"]
LARGE_FALLBACK_SPECS = ["max-1000x1000|format-jpeg", "max-1600x1600|format-jpeg"]


class LargeView:
    """The large renditions of one image: `href` (the biggest JPEG, for plain links),
    `webp` and `jpeg` srcsets and the biggest JPEG's width and height."""

    def __init__(self, image):
        # A missing original (or the media storage down) gives Wagtail's empty renditions.
        renditions = get_renditions_or_not_found(image, [*LARGE_SPECS, *LARGE_FALLBACK_SPECS])
        webp = _distinct_widths(renditions[spec] for spec in LARGE_SPECS)
        jpeg = _distinct_widths(renditions[spec] for spec in LARGE_FALLBACK_SPECS)
        self.webp = Picture.get_width_srcset(webp)
        self.jpeg = Picture.get_width_srcset(jpeg)
        biggest = jpeg[-1]
        self.href, self.width, self.height = biggest.url, biggest.width, biggest.height


def _distinct_widths(renditions):
    """Small originals give equal renditions for both sizes; a srcset lists each once."""
    by_width = {}
    for rendition in renditions:
        by_width.setdefault(rendition.width, rendition)
    return list(by_width.values())


@register.simple_tag
def large_view(image):
    """`{% large_view picture.image as large %}`: the renditions the lightbox shows."""
    return LargeView(image)
