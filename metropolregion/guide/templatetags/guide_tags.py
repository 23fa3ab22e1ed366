"""Template filter for admin templates that point to Wagtail's guide on another site."""

import re

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

WAGTAIL_GUIDE_LINK = re.compile(r'href="https://guide\.wagtail\.org/[^"]*"')


@register.filter
def local_guide_links(html, slug=""):
    """Rendered admin HTML with every link to guide.wagtail.org pointing to our guide
    instead (to the topic `slug`, or to its table of contents)."""
    url = reverse("guide:topic", args=[slug]) if slug else reverse("guide:index")
    replaced = WAGTAIL_GUIDE_LINK.sub(f'href="{escape(url)}"', str(html))
    # The input is markup the admin's own templates rendered (escaped there); only an
    # attribute value is swapped for an escaped URL of ours.
    return mark_safe(replaced)  # noqa: S308  # nosec B308 B703
