from django import template
from django.urls import reverse
from wagtail.models import Site

from metropolregion.navigation import breadcrumb_ancestors, menu_links, reading_first_language
from metropolregion.partners import footer_partners
from metropolregion.site_settings import NavigationSettings, SiteSettings
from metropolregion.wagtail_compat import settings_request_attr

register = template.Library()


@register.simple_tag(takes_context=True)
def site_settings(context):
    """`{% site_settings as site_settings %}`: the SiteSettings of the request's site.

    Every page shows both settings (name and address; the menus), so both are read in one
    query through the site and kept where `for_request` (and `{{ settings.… }}`) looks."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:  # no request (error pages) or no site: nothing to show
        return None
    models = (SiteSettings, NavigationSettings)
    if not all(hasattr(request, settings_request_attr(model)) for model in models):
        related = [model._meta.model_name for model in models]
        row = Site.objects.select_related(*related).get(pk=site.pk)
        for model, name in zip(models, related, strict=True):
            instance = getattr(row, name, None)
            if instance is not None:  # else for_request creates it, as before
                instance._request = request
                setattr(request, settings_request_attr(model), instance)
    return SiteSettings.for_request(request)


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


@register.inclusion_tag("navigation/footer_partners.html")
def partner_marks(site_settings):
    """The partners' and funders' logos in the footer (metropolregion/partners.py)."""
    heading = ""
    if site_settings:
        # Site settings are not translated: an English heading of its own (else the UI's).
        heading = (
            site_settings.partners_heading
            if reading_first_language()
            else site_settings.partners_heading_en
        )
    return {
        "heading": heading,
        "partners": footer_partners(site_settings) if site_settings else [],
    }


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    return {"ancestors": breadcrumb_ancestors(page), "page": page, "request": context["request"]}


@register.simple_tag
def home_url():
    """The home page in the active language: "/" in German, "/en/" in English.

    Reversing costs no query; without an English tree, /en/ redirects to "/"."""
    return reverse("wagtail_serve", args=("",))
