"""Publishing that does what the editor asked, every time.

Wagtail 8.0's page editor saves drafts in the background (autosave, a JSON POST to the edit
view) while the editor works. When an approver clicks "Freigeben und veröffentlichen", the
editor's script adds the hidden inputs `action-workflow-action` and `workflow-action-name`
to the form and submits it; the autosave, triggered by the same change, posts the whole form
again — with those inputs — a moment later. Two requests then perform the same workflow
action on the same page at once: the second one finds the task finished
(`'NoneType' object has no attribute 'on_action'`, a 500) after it has already written its
stale copy of the page (loaded before the approval, still `live=False`) back to the
database, or it saves a new draft over the published revision. Either way the approved page
is left unpublished or with a draft on top. The same race follows a double click on any
action button (wagtail/wagtail issue #13856 and pull request #14460, open upstream).

Two guards, both here:
1. An autosave never carries an action: a JSON POST with a publish, submit, workflow or
   unpublish action is refused (400, Wagtail's JSON error shape, `action_not_autosaved`)
   before the view touches the page. The editor's real form POST performs the action.
2. POSTs to one page's edit view run one after the other (`SerialPageEditsMiddleware`):
   the page row is locked for the request, so a second request loads the page only after
   the first has committed, and sees the workflow already finished.
"""

import re
import threading
from contextlib import contextmanager

from django.db import connection, transaction
from django.http import JsonResponse
from django.utils.translation import gettext as _

ACTION_KEYS = (
    "action-publish",
    "action-submit",
    "action-workflow-action",
    "action-restart-workflow",
    "action-cancel-workflow",
    "action-unpublish",
)
EDIT_PATH = re.compile(r"^/admin/pages/(?P<page_id>\d+)/edit/$")


def is_autosave(request):
    """Wagtail's autosave posts the edit form and asks for JSON instead of HTML."""
    return request.method == "POST" and not request.accepts("text/html")


def carries_action(request):
    return any(request.POST.get(key) for key in ACTION_KEYS)


def refuse_actions_in_autosave(request, *args):
    """`before_edit_page` / `before_create_page` hook: see guard 1 above."""
    if is_autosave(request) and carries_action(request):
        return JsonResponse(
            {
                "success": False,
                "error_code": "action_not_autosaved",
                "error_message": _(
                    "Autosave does not publish, submit or approve; the action is carried out "
                    "by the form."
                ),
            },
            status=400,
        )
    return None


_local_locks = {}
_local_locks_guard = threading.Lock()


@contextmanager
def page_edit_lock(page_id):
    """Hold the page's row lock (PostgreSQL) for the block; on other databases (SQLite in
    development, one process) a lock per page in this process."""
    if connection.vendor == "postgresql":
        from wagtail.models import Page

        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk"))
            yield
        return
    with _local_locks_guard:
        lock = _local_locks.setdefault(page_id, threading.Lock())
    with lock:
        yield


class SerialPageEditsMiddleware:
    """POSTs to the edit view of one page are handled one at a time: see guard 2 above."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = EDIT_PATH.match(request.path_info) if request.method == "POST" else None
        if match is None or not request.user.is_authenticated:
            return self.get_response(request)
        with page_edit_lock(int(match["page_id"])):
            return self.get_response(request)
