"""An admin panel on the event's edit page: how many have registered. Counts only, so
every editor may see it; names and addresses are in the staff views (with permission)."""

from wagtail.admin.panels import Panel

from .permissions import VIEW


class RegistrationCountsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/counts_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and self.instance.has_internal_registration

        def get_context_data(self, parent_context=None):
            from .registration import counts

            context = super().get_context_data(parent_context)
            context["event"] = self.instance
            # A translation shares the places of the event in the first language.
            context["counts"] = counts(self.instance.registration_event)
            context["can_view"] = self.request.user.has_perm(VIEW)
            return context
