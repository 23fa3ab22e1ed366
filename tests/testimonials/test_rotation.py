"""The daily rotation rule, without HTTP: stable within a Berlin calendar day, changing
across days, fair over time."""

import datetime
import itertools

from testimonials import rotation

IDS = [3, 7, 11, 19, 23]


def test_same_day_same_selection():
    day = datetime.date(2025, 6, 24)
    assert rotation.pick_for_day(IDS, 3, day) == rotation.pick_for_day(list(reversed(IDS)), 3, day)
    assert len(rotation.pick_for_day(IDS, 3, day)) == 3
    assert set(rotation.pick_for_day(IDS, 3, day)) <= set(IDS)


def test_selection_changes_from_day_to_day_and_reaches_everyone():
    start = datetime.date(2025, 1, 1)
    picks = [rotation.pick_for_day(IDS, 2, start + datetime.timedelta(days=n)) for n in range(60)]
    changes = sum(1 for a, b in itertools.pairwise(picks) if a != b)
    assert changes >= 40  # nearly every midnight brings another pair
    shown = {pk for pick in picks for pk in pick}
    assert shown == set(IDS)
    # The first of the pair is nobody's permanent place.
    assert len({pick[0] for pick in picks}) == len(IDS)


def test_asking_for_more_than_there_are_gives_all():
    assert sorted(rotation.pick_for_day(IDS[:2], 6, datetime.date(2025, 6, 24))) == IDS[:2]
    assert rotation.pick_for_day([], 3, datetime.date(2025, 6, 24)) == []
