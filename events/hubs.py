"""What the calendar contributes to other apps' pages (metropolregion.hubs): a working
group's page lists the group's next events, a person's account page their registrations."""

from django.utils.translation import gettext_lazy as _

from metropolregion.hubs import Section, contribute

from .account import in_reader_language, my_registrations
from .queries import next_events


@contribute("working_group", order=20)
def upcoming_events(group, request):
    return Section(
        heading=_("Upcoming events"),
        template="events/includes/event_cards.html",
        items=next_events(4, working_group=group),
    )


@contribute("account", order=20)
def registrations(user, request):
    """The person's registrations, each with a cancel button that first asks; shown on
    the account page even when empty (it says so)."""
    return Section(
        heading=_("My registrations"),
        template="events/account/registrations.html",
        items=in_reader_language(list(my_registrations(user))),
    )
