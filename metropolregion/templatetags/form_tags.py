"""`{% page_form_csrf %}`: the CSRF field of a form on a Wagtail page, for logged-in people
only. Anonymous visitors get none, so the page sets no cookie and can come from the page
cache; their POST is checked by origin (metropolregion.cache.PageFormCsrfMiddleware)."""

from django import template
from django.template.defaulttags import CsrfTokenNode

register = template.Library()


class PageFormCsrfNode(template.Node):
    def render(self, context):
        request = context.get("request")
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return ""
        return CsrfTokenNode().render(context)


@register.tag
def page_form_csrf(parser, token):
    return PageFormCsrfNode()
