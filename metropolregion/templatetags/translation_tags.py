"""The language switcher and the `hreflang` alternates of a page (metropolregion/translations.py).

{% load translation_tags %}
{% language_alternates page %}    in <head>
{% language_switcher %}           above the header (navigation/header.html)
"""

from django import template
from django.utils.html import format_html_join

from metropolregion.site_urls import page_url
from metropolregion.topics import topic_name as _topic_name
from metropolregion.translations import alternates, language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context, page):
    """<link rel="alternate" hreflang="…"> for every language `page` exists in and
    `x-default`, with absolute addresses on the request's host (like the canonical URL)."""
    request = context.get("request")
    links = [(code, page_url(found, request)) for code, found in alternates(page, request)]
    return format_html_join(
        "\n    ", '<link rel="alternate" hreflang="{}" href="{}">', [(c, u) for c, u in links if u]
    )


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """The other languages of this page (or view), and the current one marked."""
    request = context.get("request")
    page = context.get("page")
    if page is not None and not hasattr(page, "translation_key"):
        page = None  # a `page` of a paginator, not a Wagtail page
    return {"links": language_links(request, page) if request is not None else []}


@register.filter
def topic_name(tag):
    """A topic (tag) by its name in the reader's language: `{{ topic|topic_name }}`."""
    return _topic_name(tag)
