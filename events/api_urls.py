"""The events' part of the API for partner sites (docs/api.md), outside the language
prefixes (`?lang=en` chooses English): `/api/events/` and the embeddable list
`/einbetten/termine/`. Included by metropolregion/urls.py."""

from django.urls import path

from . import api, embed

urlpatterns = [
    path("api/events/", api.events, name="api_events"),
    path("einbetten/termine/", embed.embed_events, name="embed_events"),
]
