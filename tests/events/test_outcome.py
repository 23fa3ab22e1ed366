"""`events.registration.Outcome` is an enum whose members are the words the views, the
landing page and the bench compare with."""

import enum

from events.registration import REFUSALS, Outcome


def test_outcome_is_an_enum_of_plain_words():
    assert issubclass(Outcome, enum.StrEnum)
    assert Outcome("full") is Outcome.FULL
    assert Outcome.CONFIRMED == "confirmed" and f"{Outcome.WAITLISTED}" == "waitlisted"
    assert set(Outcome) - REFUSALS == {Outcome.CONFIRMED, Outcome.WAITLISTED, Outcome.DUPLICATE}
    assert set(Outcome) >= REFUSALS
