"""Search-result helpers and metadata for search engines and link previews."""

import json

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Page

from metropolregion.pages import PortalPageMixin, first_text
from metropolregion.site_settings import SiteSettings
from metropolregion.site_urls import page_url

register = template.Library()


@register.filter
def verbose_name(model):
    return model._meta.verbose_name if model is not None else ""


@register.filter
def result_summary(page):
    """The text that describes `page` (its `listing_summary()`, metropolregion.pages); for
    a page of no portal type (Wagtail's root) its search description."""
    if isinstance(page, PortalPageMixin):
        return page.listing_summary()
    if isinstance(page, Page):
        return first_text(page.search_description)
    return ""


@register.filter
def result_date(page):
    """The date a reader expects next to a result: the content's own date, if it has one."""
    for field in ("date", "start"):
        value = getattr(page, field, None)
        if value:
            return value
    return None


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's absolute URL on the address of this request (see metropolregion.site_urls)."""
    return page_url(page, context.get("request")) or ""


def page_image(page):
    """The image that represents `page` in link previews (its `social_image()`), or None."""
    return page.social_image() if isinstance(page, PortalPageMixin) else None


@register.simple_tag(takes_context=True)
def open_graph(context, page):
    """Open Graph tags for link previews (no third-party scripts involved)."""
    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    description = result_summary(page)
    tags = [
        ("og:site_name", site_settings.short_name),
        (
            "og:title",
            site_settings.organisation_name if page.depth == 2 else page.seo_title or page.title,
        ),
        ("og:type", page.og_type if isinstance(page, PortalPageMixin) else "website"),
        ("og:url", page_url(page, request)),
        ("og:locale", "de_DE" if getattr(request, "LANGUAGE_CODE", "de") == "de" else "en_GB"),
    ]
    if description:
        tags.append(("og:description", description[:300]))
    image = page_image(page)
    # Without the original (a missing file, the media storage down) no og:image.
    rendition = image and get_rendition_or_not_found(image, "fill-1200x630|format-jpeg")
    if rendition and rendition.width:
        tags += [
            ("og:image", request.build_absolute_uri(rendition.url)),
            ("og:image:width", str(rendition.width)),
            ("og:image:height", str(rendition.height)),
        ]
    return format_html_join("\n    ", '<meta property="{}" content="{}">', tags)


def json_ld(data):
    """A JSON-LD script element; <, > and & are escaped so text cannot end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # json.dumps quotes every string and <, >, & are escaped above: nothing can end the element.
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308  # nosec B308 B703


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    """schema.org Organization for the home page: name, address, contact, profiles."""
    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": site_settings.organisation_name,
        "alternateName": site_settings.short_name,
        "url": request.build_absolute_uri("/"),
    }
    if site_settings.street or site_settings.city:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": site_settings.street,
            "postalCode": site_settings.postcode,
            "addressLocality": site_settings.city,
            "addressCountry": "DE",
        }
    if site_settings.email:
        data["email"] = site_settings.email
    if site_settings.phone:
        data["telephone"] = site_settings.phone
    profiles = [account["url"] for account in site_settings.accounts]
    if profiles:
        data["sameAs"] = profiles
    return json_ld(data)
