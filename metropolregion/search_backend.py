"""Wagtail's database search backend, with a text search configuration per language on
PostgreSQL: German pages are indexed and searched with the `german` configuration (stems
"Projekten" to "projekt"), English ones with `english` ("projects" → "project").

Wagtail's PostgreSQL backend has one `SEARCH_CONFIG` for everything. Here each object is
indexed with the configuration of its locale (objects without a locale: the default), and
a search uses the configuration of the active language — the search view also keeps results
to the reader's language. Backends are shared by a process's threads, so nothing is switched
on the shared instance: indexing a group uses a copy of the backend with that group's
configuration. SQLite and MySQL get Wagtail's own backend unchanged (SQLite's FTS5 index
does not stem German either way; the tests of stemming run on PostgreSQL)."""

import copy
from collections import defaultdict

from django.db import connection
from django.utils import translation
from wagtail.search.backends import database

# PostgreSQL text search configurations by language code.
CONFIGS = {"de": "german", "en": "english"}


def config_for_language(language, default):
    return CONFIGS.get((language or "").split("-")[0], default)


def _postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class LocaleIndex(PostgresIndex):
        def add_items(self, model, objs):
            from wagtail.models import Locale

            ids = {getattr(obj, "locale_id", None) for obj in objs} - {None}
            languages = dict(Locale.objects.filter(pk__in=ids).values_list("pk", "language_code"))
            groups = defaultdict(list)
            for obj in objs:
                language = languages.get(getattr(obj, "locale_id", None))
                groups[config_for_language(language, self.backend.config)].append(obj)
            for config, group in groups.items():
                if config == self.backend.config:
                    super().add_items(model, group)
                else:
                    backend = copy.copy(self.backend)
                    backend.config = config
                    PostgresIndex(backend).add_items(model, group)

    class LocaleQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return config_for_language(translation.get_language(), backend.config)

    class LocalePostgresSearchBackend(PostgresSearchBackend):
        index_class = LocaleIndex
        query_compiler_class = LocaleQueryCompiler

    return LocalePostgresSearchBackend


def SearchBackend(params):  # the name Wagtail looks for
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    return database.SearchBackend(params)
