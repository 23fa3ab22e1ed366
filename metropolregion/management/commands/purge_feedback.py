"""Delete name and address from feedback reports older than FEEDBACK_RETENTION_DAYS (what
was reported stays), or from every report of one person on request."""

from metropolregion import feedback
from metropolregion.management.retention import RetentionCommand


class Command(RetentionCommand):
    help = "Deletes personal data of old feedback reports (retention rule) or of one person."
    records = "feedback reports"

    def purge_due(self):
        return feedback.purge_due()

    def erase_person(self, email):
        return feedback.erase_person(email)

    def daily_task(self):
        from metropolregion.tasks import purge_feedback_daily

        return purge_feedback_daily
