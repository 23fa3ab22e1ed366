"""Feedback on accessibility (BITV 2.0 § 7: a way to report barriers), the rules.

- `forms`: the fixed fields of the form (`FeedbackForm`) and a honeypot field.
- `models`: a report (`FeedbackSubmission`, app label "metropolregion"), also the row of
  its mail to staff in the shared outbox (metropolregion.outbox).
- `mail`: `store()` keeps a report and queues its mail; `compose()` writes the mail.
- `retention`: name and address go FEEDBACK_RETENTION_DAYS after a report arrived, or on
  request (a holder in metropolregion.retention).

The page itself is `metropolregion.models.FeedbackFormPage`. Logs name the submission's
id, never an address.
"""

from . import mail, retention
from .forms import FeedbackForm
from .mail import recipients, store

__all__ = ["FeedbackForm", "recipients", "register", "store"]


def register():
    """Put the reports' mails into the outbox and their rule into the retention registry
    (MetropolregionConfig.ready)."""
    mail.register()
    retention.register()
