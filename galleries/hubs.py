"""What the galleries contribute to other apps' pages (metropolregion.hubs): an event's
page lists the galleries taken at it."""

from django.utils.translation import gettext_lazy as _

from metropolregion.hubs import Section, contribute

from .queries import galleries_of_event


@contribute("event", order=10)
def event_galleries(event, request):
    return Section(
        heading=_("Pictures"),
        template="events/includes/event_galleries.html",
        items=galleries_of_event(event) if event.pk else [],
    )
