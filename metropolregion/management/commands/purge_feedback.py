"""Delete name and address from feedback reports older than FEEDBACK_RETENTION_DAYS (what
was reported stays), or from every report of one person on request: the feedback
reports' holder of the retention registry alone (`purge_personal_data` and
`erase_person` cover every holder)."""

from metropolregion.management.retention import RetentionCommand


class Command(RetentionCommand):
    help = "Deletes personal data of old feedback reports (retention rule) or of one person."
    holder = "feedback"
    records = "feedback reports"
