from django.shortcuts import redirect
from wagtail import hooks

from .editing import refuse_actions_in_autosave
from .navigation import active_locale

# An autosave never publishes, submits or approves (metropolregion/editing.py).
hooks.register("before_edit_page", refuse_actions_in_autosave)
hooks.register("before_create_page", refuse_actions_in_autosave)


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """Without a translation, Wagtail serves the German page under /en/ too: the text
    would be German inside an English frame. Send the reader to the page's own address."""
    if page.locale_id != active_locale(request).id:
        return redirect(page.get_url(request))
    return None
