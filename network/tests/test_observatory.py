"""Members with a plan in force, by year and region: a member once a year, only plans adopted and not expired."""

from __future__ import annotations

import pytest

from network.models import ActionPlan
from network.observatory import COLUMNS, by_year

from . import factories

pytestmark = pytest.mark.django_db


def column(name):
    return [key for key, _label in COLUMNS].index(name)


def plan(member, generation, **fields):
    return ActionPlan.objects.create(member=member, generation=generation, **{"status": "adopted", **fields})


def test_a_member_counts_once_a_year_from_its_first_plan_until_its_last_ends():
    spain = factories.make_member("Spain", region="europe")
    chile = factories.make_member("Chile", region="americas")
    eu = factories.make_member("European Union", regional=True, acronym="EU")
    plan(spain, 1, adopted_year=2007, period_end=2016)
    plan(spain, 2, adopted_year=2017)
    plan(chile, 1, adopted_year=2009, period_end=2010)
    plan(chile, 2, status="in_development")
    plan(eu, 1, adopted_year=2008)
    rows = by_year(ActionPlan.objects.select_related("member"), range(2006, 2019))
    totals = {row.year: row.total for row in rows}
    assert totals[2006] == 0
    assert totals[2007] == 1  # Spain
    assert totals[2009] == totals[2010] == 3  # Spain, the EU, Chile
    assert totals[2011] == 2  # Chile's first plan ended in 2010; its second is still in development
    assert totals[2017] == 2  # Spain counts once although two plans are on record
    row_2017 = next(row for row in rows if row.year == 2017)
    assert row_2017.counts[column("europe")] == 1 and row_2017.counts[column("regional")] == 1


def test_a_plan_of_unknown_year_or_in_development_is_not_counted():
    spain = factories.make_member("Spain", region="europe")
    plan(spain, 1)
    plan(spain, 2, status="in_development", adopted_year=2017)
    assert by_year(ActionPlan.objects.select_related("member"), range(2017, 2018))[0].total == 0
