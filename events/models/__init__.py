"""The event calendar's models: the calendar and event pages, and registrations."""

from .calendar import EventPage, EventPageTag
from .index import EventIndexPage
from .notification import Notification, NotificationKind, NotificationStatus
from .occurrence import EventOccurrence, OccurrenceChange
from .registration import Registration

__all__ = [
    "EventIndexPage",
    "EventOccurrence",
    "EventPage",
    "EventPageTag",
    "Notification",
    "NotificationKind",
    "NotificationStatus",
    "OccurrenceChange",
    "Registration",
]
