"""Template tags of the news pages: feed autodiscovery and schema.org NewsArticle data."""

from django import template
from django.utils.html import format_html_join
from django.utils.timezone import localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.images.shortcuts import get_rendition_or_not_found

from metropolregion.site_settings import SiteSettings
from metropolregion.site_urls import page_url
from metropolregion.templatetags.seo_tags import json_ld

register = template.Library()

ARTICLE_IMAGE_SPEC = "fill-1200x630|format-jpeg"  # the Open Graph rendition, made once


def feed_links(index):
    """(title, type, href) of the feeds of a news index."""
    press = _("Press releases")
    return [
        (f"{index.title} (RSS)", "application/rss+xml", "feed_rss"),
        (f"{index.title} (Atom)", "application/atom+xml", "feed_atom"),
        (f"{press} (RSS)", "application/rss+xml", "press_feed_rss"),
        (f"{press} (Atom)", "application/atom+xml", "press_feed_atom"),
    ]


@register.simple_tag(takes_context=True)
def news_feed_links(context, index):
    """<link rel="alternate"> elements so that feed readers find the index's feeds."""
    base = index.get_url(context.get("request")) if index is not None else None
    if base is None:  # no news index, or one without a URL yet (preview of a new page)
        return ""
    return format_html_join(
        "\n    ",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        (
            (mime, title, base + index.reverse_subpage(route))
            for title, mime, route in feed_links(index)
        ),
    )


@register.simple_tag(takes_context=True)
def news_feeds(context, index):
    """The index's feeds as (title, href) pairs for visible subscribe links."""
    base = index.get_url(context.get("request"))
    if base is None:
        return []
    return [(title, base + index.reverse_subpage(route)) for title, _m, route in feed_links(index)]


def news_article_data(page, request, topics=None):
    """schema.org NewsArticle for a news page (`topics`: its topics, if already loaded)."""
    site_settings = SiteSettings.for_request(request)
    url = page_url(page, request)
    organisation = {
        "@type": "Organization",
        "name": site_settings.organisation_name,
        "url": request.build_absolute_uri("/"),
    }
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.teaser,
        "datePublished": page.published_at.isoformat(),
        "dateModified": localtime(page.last_published_at or page.published_at).isoformat(),
        "mainEntityOfPage": url,
        "url": url,
        "inLanguage": get_language(),
        "author": organisation,
        "publisher": organisation,
    }
    rendition = page.image and get_rendition_or_not_found(page.image, ARTICLE_IMAGE_SPEC)
    if rendition and rendition.width:  # not when the original cannot be read
        data["image"] = [request.build_absolute_uri(rendition.url)]
    names = [tag.name for tag in (page.topics.all() if topics is None else topics)]
    if names:
        data["keywords"] = ", ".join(names)
    return data


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, page):
    return json_ld(news_article_data(page, context["request"], context.get("topics")))
