"""Delete the personal data of registrations whose event ended more than
REGISTRATION_RETENTION_DAYS ago (the counts stay), or of one person on request."""

from events import retention
from metropolregion.management.retention import RetentionCommand


class Command(RetentionCommand):
    help = "Deletes personal data of old registrations (retention rule) or of one person."
    records = "registrations"

    def purge_due(self):
        return retention.purge_due()

    def erase_person(self, email):
        return retention.erase_person(email)

    def daily_task(self):
        from events.tasks import purge_registrations_daily

        return purge_registrations_daily
