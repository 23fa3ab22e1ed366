from django import template
from django.urls import reverse

from metropolregion.models import NavigationSettings
from metropolregion.navigation import breadcrumb_ancestors, menu_links

register = template.Library()


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    navigation = NavigationSettings.for_request(request)
    navigation.prefetch()
    return {"links": menu_links(navigation.main_menu, request), "request": request}


@register.inclusion_tag("navigation/footer_menu.html", takes_context=True)
def footer_menu(context):
    request = context["request"]
    navigation = NavigationSettings.for_request(request)
    navigation.prefetch()
    return {"links": menu_links(navigation.footer_menu, request), "request": request}


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    return {"ancestors": breadcrumb_ancestors(page), "page": page, "request": context["request"]}


@register.simple_tag
def home_url():
    """The home page in the active language: "/" in German, "/en/" in English.

    Reversing costs no query; without an English tree, /en/ redirects to "/"."""
    return reverse("wagtail_serve", args=("",))
