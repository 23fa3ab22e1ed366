from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler as WagtailPageLinkHandler
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .editing import refuse_actions_in_autosave
from .navigation import active_locale
from .route_memo import remember as remember_route
from .topics import TopicName
from .translation_report import admin_urls, hide_wagtail_localize_report, reports_menu_item
from .translations import rich_text_link_tags

# An autosave never publishes, submits or approves (metropolregion/editing.py).
hooks.register("before_edit_page", refuse_actions_in_autosave)
hooks.register("before_create_page", refuse_actions_in_autosave)

# The route of a page request, remembered while no page changes (metropolregion/route_memo.py).
hooks.register("before_serve_page", remember_route)

# The editors' overview of the English translations (metropolregion/translation_report.py).
hooks.register("register_admin_urls", admin_urls)
hooks.register("register_reports_menu_item", reports_menu_item)
hooks.register("construct_reports_menu", hide_wagtail_localize_report)


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """Without a translation, Wagtail serves the German page under /en/ too: the text
    would be German inside an English frame. Send the reader to the page's own address."""
    if page.locale_id != active_locale(request).id:
        return redirect(page.get_url(request))
    return None


class PageLinkHandler(WagtailPageLinkHandler):
    """Rich-text page links in the reader's language, or marked with the language they
    lead to (metropolregion/translations.py)."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return rich_text_link_tags([attrs.get("id") for attrs in attrs_list])


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own handler
def link_pages_in_the_readers_language(features):
    """Rich-text page links lead to the reader's language or say which language they lead to
    (metropolregion/translations.py)."""
    features.register_link_type(PageLinkHandler)


class TopicNameViewSet(SnippetViewSet):
    """Topics' English names (metropolregion.topics.TopicName): kept by the Redaktion
    next to the translations, one row per topic and language."""

    model = TopicName
    icon = "tag"
    menu_label = _("Topic names")
    menu_name = "topic-names"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["tag", "language", "name"]
    list_filter = ["language"]
    search_fields = ["name", "tag__name"]
    search_backend_name = None  # a few dozen rows: search the database columns directly


register_snippet(TopicNameViewSet)
