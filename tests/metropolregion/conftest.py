"""The calendar fixtures of the events tests, for the cross-app tests here (permissions,
escaping, private content, fuzzing)."""

from tests.events.conftest import calendar_page, frozen  # noqa: F401 - fixtures
