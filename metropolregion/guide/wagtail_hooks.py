"""The guide in the admin: its views, the main menu's "Hilfe" and no more links to
Wagtail's English guide on guide.wagtail.org.

Wagtail's own "Help" submenu holds "What's new in Wagtail", "Editor Guide" (both on
guide.wagtail.org) and "Shortcuts". Here the submenu is ours (label through our
catalogue, not dismissible), its links to other sites are dropped and the portal's guide
takes their place; the shortcuts stay (they also answer the "?" key). The dashboard's
account summary links the guide as well (templates/wagtailadmin/home/account_summary.html
in this app), and so does the content checks panel of the page editor
(templates/wagtailadmin/shared/side_panels/checks.html).
"""

from urllib.parse import urlsplit

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem, SubmenuMenuItem, help_menu

from . import urls
from .views import GUIDE_TITLE


class HelpMenuItem(SubmenuMenuItem):
    """The main menu's "Hilfe": the editor guide and Wagtail's keyboard shortcuts."""


@hooks.register("register_admin_urls")
def register_guide_urls():
    return [path("hilfe/", include(urls))]


@hooks.register("register_admin_menu_item")
def register_help_menu():
    return HelpMenuItem(GUIDE_TITLE, help_menu, name="help", icon_name="help", order=11000)


@hooks.register("construct_main_menu")
def replace_wagtails_help_menu(request, menu_items):
    menu_items[:] = [
        item for item in menu_items if item.name != "help" or isinstance(item, HelpMenuItem)
    ]


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    return MenuItem(
        _("Editor guide"), reverse("guide:index"), name="guide", icon_name="help", order=100
    )


def is_external(url):
    return bool(urlsplit(url or "").netloc)


@hooks.register("construct_help_menu")
def drop_links_to_other_sites(request, menu_items):
    """Wagtail's "What's new" and "Editor Guide" lead to guide.wagtail.org: the guide for
    this portal is our own, and the admin links no other site."""
    menu_items[:] = [item for item in menu_items if not is_external(item.url)]


@hooks.register("construct_homepage_panels")
def drop_whats_new_banner(request, panels):
    """Wagtail's "What's new" banner (off in 8.0, back in later releases) links
    guide.wagtail.org as well."""
    panels[:] = [
        panel for panel in panels if getattr(panel, "name", "") != "whats_new_in_wagtail_version"
    ]
