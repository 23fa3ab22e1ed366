"""Signal handlers of the events app."""

from .choices import RegistrationMode


def fill_free_places(sender, instance, **kwargs):
    """Published with more places or a waiting list (from the admin, code or a schedule):
    the waiting list moves up into the free places."""
    from .models import EventPage
    from .registration import fill_after_change

    if isinstance(instance, EventPage) and instance.registration_mode == RegistrationMode.INTERNAL:
        fill_after_change(instance.pk)
