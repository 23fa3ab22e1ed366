from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    name = "metropolregion.membership"
    label = "membership"
    verbose_name = _("Members")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from . import accounts
        from .models import MemberProfile

        # However a member account goes (the admin's delete or bulk delete, with its
        # organisation), its login no longer counts as a member's.
        post_delete.connect(
            accounts.member_account_deleted,
            sender=MemberProfile,
            dispatch_uid="membership.close_login",
        )
