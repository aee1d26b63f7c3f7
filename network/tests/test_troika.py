"""The troika is derived from the chairs: previous, incumbent and next; in the first chaired year, the next two."""

from __future__ import annotations

from network.troika import troika

CHAIRS = {2017: ["Spain"], 2018: ["Germany"], 2019: ["Namibia"]}


def names(t):
    return [(seat.role, seat.year, list(seat.members)) for seat in t.seats]


def test_the_first_chaired_year_is_the_chair_and_the_next_two():
    # Seed 001: Spain, together with Germany and Namibia, sent the 2017 chair's summary.
    t = troika(2017, CHAIRS)
    assert names(t) == [("incumbent", 2017, ["Spain"]), ("next", 2018, ["Germany"]), ("after next", 2019, ["Namibia"])]
    assert t.complete and t.members == ["Spain", "Germany", "Namibia"]


def test_a_later_year_is_the_previous_incumbent_and_next_chair():
    # Seed 004: Germany chairs 2018; Spain and Namibia, the outgoing and next chairs, are in the troika.
    t = troika(2018, CHAIRS)
    assert names(t) == [("previous", 2017, ["Spain"]), ("incumbent", 2018, ["Germany"]), ("next", 2019, ["Namibia"])]
    assert t.warnings == ()


def test_a_year_whose_next_chair_is_unknown_warns():
    t = troika(2019, CHAIRS)
    assert t.members == ["Germany", "Namibia"]
    assert not t.complete
    assert t.warnings == ("The chair of 2020 is not known yet: the troika is incomplete until a member is chosen.",)


def test_a_year_with_no_chair_says_so_and_a_shared_chair_counts_both():
    t = troika(2021, {**CHAIRS, 2020: ["Canada", "Uruguay"]})
    assert names(t)[0] == ("previous", 2020, ["Canada", "Uruguay"])
    assert "No chair is recorded for 2021." in t.warnings
    assert len(t.warnings) == 2  # and 2022 not known


def test_no_chairs_at_all():
    t = troika(2026, {})
    assert [seat.role for seat in t.seats] == ["previous", "incumbent", "next"]
    assert len(t.warnings) == 3
