"""The event calendar's models: the calendar and event pages, and registrations."""

from .calendar import EventIndexPage, EventPage, EventPageTag
from .notification import Notification, NotificationKind, NotificationStatus
from .registration import Registration

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventPageTag",
    "Notification",
    "NotificationKind",
    "NotificationStatus",
    "Registration",
]
