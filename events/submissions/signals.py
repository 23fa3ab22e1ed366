"""Signal handlers of the reported events."""

from .rules import queue_published_notice


def notify_published(sender, instance, **kwargs):
    """A page was published (from the admin, code or a schedule): if it is a reported
    event, its reporter gets the notice, once."""
    if instance._meta.label == "events.EventPage":
        queue_published_notice(instance.pk)
