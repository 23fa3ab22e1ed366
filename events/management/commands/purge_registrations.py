"""Delete the personal data of registrations whose event ended more than
REGISTRATION_RETENTION_DAYS ago (the counts stay), or of one person on request: the
registrations' holder of the retention registry alone (`purge_personal_data` and
`erase_person` cover every holder)."""

from metropolregion.management.retention import RetentionCommand


class Command(RetentionCommand):
    help = "Deletes personal data of old registrations (retention rule) or of one person."
    holder = "registrations"
    records = "registrations"
