"""Admin integration of the news app: press releases are published through approval."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from metropolregion.roles import may_publish_press_releases

from .models import NewsPage


@hooks.register("before_publish_page")
def press_releases_go_to_approval(request, page):
    """A publish request for a press release by someone who is no approver (a news item
    turned into a press release in the same edit, or a new press release) is submitted for
    approval instead: saved, in the workflow "Pressefreigabe", and the editor is told so."""
    if not isinstance(page, NewsPage) or not page.is_press_release:
        return None
    if may_publish_press_releases(request.user):
        return None
    workflow = page.get_workflow()
    if workflow is None:  # the workflow was switched off by an administrator
        return None
    if page.live and page.live_revision_id is None:
        # Wagtail's create view adds the new page live before it publishes: take that back.
        type(page).objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
        page.live, page.has_unpublished_changes = False, True
    if not page.workflow_in_progress:
        workflow.start(page, request.user)
    messages.success(
        request,
        _(
            "Press releases are approved before they go live: “%(title)s” has been "
            "submitted for approval."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
