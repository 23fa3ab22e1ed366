"""The Redaktion's notice of reported events: a panel on the admin's dashboard listing
the drafts that wait for review, with the number of them, for everyone who may publish
pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .rules import open_submissions

PANEL_LIMIT = 10


def may_review(user):
    return PagePermissionPolicy(Page).user_has_permission(user, "publish")


class SubmissionsPanel(Component):
    """Reported events that wait for review (newest first)."""

    name = "event_submissions"
    template_name = "events/admin/submissions_panel.html"
    order = 90  # above Wagtail's own panels
    heading = _("Reported events to review")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        submissions = open_submissions()
        context.update(
            {
                "heading": self.heading,
                "count": submissions.count(),
                "submissions": list(submissions[:PANEL_LIMIT]),
            }
        )
        return context


@hooks.register("construct_homepage_panels")
def add_submissions_panel(request, panels):
    if may_review(request.user) and open_submissions().exists():
        panels.append(SubmissionsPanel())
