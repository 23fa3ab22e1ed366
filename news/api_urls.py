"""The news of the API for partner sites (docs/api.md), outside the language prefixes
(`?lang=en` chooses English): `/api/news/`. Included by metropolregion/urls.py."""

from django.urls import path

from . import api

urlpatterns = [
    path("api/news/", api.news, name="api_news"),
]
