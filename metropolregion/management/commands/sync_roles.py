"""Set the staff groups' permissions and the press workflow to the table in
metropolregion/roles.py (also done after every `migrate`)."""

from django.core.management.base import BaseCommand

from metropolregion import roles


class Command(BaseCommand):
    help = (
        "Creates the staff roles (groups) and sets their permissions as metropolregion.roles says."
    )

    def handle(self, *args, **options):
        groups = roles.sync_roles()
        self.stdout.write(f"{len(groups)} Rollen abgeglichen: {', '.join(groups)}")
