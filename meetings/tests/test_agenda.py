"""The Guidelines' advice on the agenda: 4 to 6 countries, diverse in region and conflict phase."""

import pytest

from countries.models import ConflictPhase, Region
from meetings import services
from meetings.tests import factories

pytestmark = pytest.mark.django_db


def add(year, name, region=Region.AFRICA, phase=ConflictPhase.ACTIVE):
    return factories.make_entry(year, factories.make_situation(name, region=region, phase=phase))


def test_too_few_countries(year):
    add(year, "Mali")
    warnings = services.agenda_warnings(year)
    assert any("1 countries" in w and "4 to 6" in w for w in warnings)


def test_diverse_agenda_of_five_has_no_warning(year):
    add(year, "Mali", Region.AFRICA, ConflictPhase.ACTIVE)
    add(year, "Haiti", Region.AMERICAS, ConflictPhase.ACTIVE)
    add(year, "Colombia", Region.AMERICAS, ConflictPhase.TRANSITION)
    add(year, "Lebanon", Region.MIDDLE_EAST, ConflictPhase.AT_RISK)
    add(year, "Afghanistan", Region.ASIA_PACIFIC, ConflictPhase.ACTIVE)
    assert services.agenda_warnings(year) == []


def test_too_many_countries(year):
    for i, region in enumerate([Region.AFRICA, Region.AMERICAS] * 4):
        add(year, f"Situation {i}", region, [ConflictPhase.ACTIVE, ConflictPhase.AT_RISK][i % 2])
    warnings = services.agenda_warnings(year)
    assert warnings == ["The agenda has 8 countries; the Guidelines suggest 4 to 6."]


def test_same_region_and_same_phase_are_both_flagged(year):
    for name in ["Mali", "South Sudan", "Somalia", "Libya"]:
        add(year, name, Region.AFRICA, ConflictPhase.ACTIVE)
    warnings = services.agenda_warnings(year)
    assert len(warnings) == 2
    assert "same region" in warnings[0]
    assert "conflict phase" in warnings[1]


def test_phase_is_the_one_at_selection_not_today(year):
    for name, phase in [("Mali", ConflictPhase.ACTIVE), ("Haiti", ConflictPhase.AT_RISK)]:
        entry = add(year, name, Region.AFRICA if name == "Mali" else Region.AMERICAS, ConflictPhase.ACTIVE)
        entry.conflict_phase = phase
        entry.save()
    warnings = services.agenda_warnings(year)
    assert not any("conflict phase" in w for w in warnings)
