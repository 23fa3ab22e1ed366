"""Partners report an event ("Veranstaltung melden"), a sub-app of events.

- `forms`: the public form (`EventSubmissionForm`), its field groups and a honeypot.
- `models`: a report (`EventSubmission`: who sent it, their consent, the draft page it
  made) and its three mails in the shared outbox (`SubmissionMail`: the Redaktion's
  notice, the reporter's confirmation, the notice once the event is published).
- `rules`: `store()` makes the draft event page, the report and its mails in one
  transaction.
- `views`: the form as a route of the calendar (`melden/`, events.models.index).
- `mail`: what the three mails say; `retention`: the reporter's details go
  EVENT_SUBMISSION_RETENTION_DAYS after the report, or on request.
- `signals`: publishing the draft queues the reporter's notice, once.
- `wagtail_hooks`: the Redaktion's panel of open reports on the admin's dashboard.

The module never imports events.models (the calendar imports `views`): models are
looked up through the app registry. Logs name a report's id, never an address.
"""
