"""The one named interface between sibling content apps: a page that shows other apps'
content (a hub) asks for contributions instead of importing those apps.

A working group's page lists its upcoming events and latest news; an event page lists
the galleries taken at it; a member's account page lists the person's registrations.
The apps that own that content register a contribution for
the hub in their `AppConfig.ready()`:

    @contribute("working_group", order=20)
    def upcoming_events(group, request):
        return Section(heading=..., template=..., items=next_events(4, working_group=group))

and the hub's page calls `sections("working_group", self, request)`. So projects knows
nothing of events and news, events nothing of galleries, and an app that is not
installed simply contributes nothing. Each contribution must cost a constant number of
queries.
"""

from dataclasses import dataclass
from typing import Any

HUBS = {
    "working_group": "A working group's page (projects.WorkingGroupPage)",
    "event": "An event's page (events.EventPage)",
    "account": "A person's account page, 'Mein Konto' (metropolregion.membership)",
}

_contributions: dict[str, list[tuple[int, str, Any]]] = {hub: [] for hub in HUBS}


@dataclass(frozen=True)
class Section:
    """One list on a hub page: its heading, the template that renders `items`, and the
    items. A section without items is not shown."""

    heading: str
    template: str
    items: list
    name: str = ""


def contribute(hub, order=50):
    """Register the decorated `function(page, request) -> Section | None` for `hub`.
    Sections come out by `order` (lower first). Registering the same function twice (a
    second `ready()` in tests) keeps one."""
    if hub not in HUBS:
        raise ValueError(f"Unknown hub {hub!r}; known: {', '.join(HUBS)}")

    def register(function):
        key = f"{function.__module__}.{function.__qualname__}"
        entries = [entry for entry in _contributions[hub] if entry[1] != key]
        entries.append((order, key, function))
        entries.sort(key=lambda entry: (entry[0], entry[1]))
        _contributions[hub] = entries
        return function

    return register


def sections(hub, page, request=None):
    """The sections the apps contribute to `page` (a page of kind `hub`), in order, each
    named by its contribution's function unless it names itself. Empty sections are in
    the list (the page leaves them out); a contribution may return None to add none."""
    found = []
    for _order, key, function in _contributions[hub]:
        section = function(page, request)
        if section is None:
            continue
        if not section.name:
            section = Section(section.heading, section.template, section.items, key)
        found.append(section)
    return found


def section(hub, name, page, request=None):
    """The items of one contribution (by the function's name, e.g. "event_galleries"),
    or [] when no app contributes it."""
    for _order, key, function in _contributions[hub]:
        if key.rsplit(".", 1)[-1] == name:
            found = function(page, request)
            return list(found.items) if found is not None else []
    return []
