"""UN Headquarters holidays computed from the rules (meetings.holidays): no database.

They must equal the published rows we have (meetings/un_hq_holidays.csv, copied from the domain folder) and
follow the rules for every year the app shows.
"""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import pytest
from dateutil.easter import easter

from meetings import deadlines, holidays
from meetings.holidays import un_hq_holidays

D = datetime.date
CSV = Path(__file__).resolve().parents[1] / "un_hq_holidays.csv"
YEARS = range(2016, 2031)


def published() -> dict[int, list[tuple[datetime.date, str]]]:
    by_year: dict[int, list[tuple[datetime.date, str]]] = {}
    with CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            day = D.fromisoformat(row["date"])
            by_year.setdefault(day.year, []).append((day, row["name"]))
    return by_year


def base(name: str) -> str:
    # The CSV marks some moved days "(observed)" and not others (Eid al-Fitr on 31 Mar 2025): compare the holiday.
    return name.removesuffix(holidays.OBSERVED)


@pytest.mark.parametrize("year", sorted(published()))
def test_computed_holidays_equal_the_published_rows(year):
    rows = published()[year]
    computed = [(h.date, base(h.name)) for h in un_hq_holidays(year)]

    assert computed == [(day, base(name)) for day, name in sorted(rows)]


def test_the_published_observed_names_are_computed_where_the_csv_gives_them():
    names = {h.date: h.name for year in published() for h in un_hq_holidays(year)}
    for rows in published().values():
        for day, name in rows:
            if name.endswith(holidays.OBSERVED):
                assert names[day] == name


@pytest.mark.parametrize("year", YEARS)
def test_every_year_has_the_nine_holidays_on_weekdays(year):
    computed = un_hq_holidays(year)

    assert sorted(h.key for h in computed) == sorted(holidays.KEYS)
    assert len({h.date for h in computed}) == 9  # no two on one day
    assert all(h.date.weekday() < 5 for h in computed)
    assert all(h.year == year for h in computed)


@pytest.mark.parametrize("year", YEARS)
def test_each_holiday_follows_its_rule(year):
    by_key = {h.key: h for h in un_hq_holidays(year)}

    assert by_key["good_friday"].date == easter(year) - datetime.timedelta(days=2)
    assert by_key["good_friday"].date.weekday() == 4
    memorial = by_key["memorial_day"].date
    assert memorial.month == 5 and memorial.weekday() == 0 and memorial.day > 24
    labour = by_key["labour_day"].date
    assert labour.month == 9 and labour.weekday() == 0 and labour.day <= 7
    thanksgiving = by_key["thanksgiving"].date
    assert thanksgiving.month == 11 and thanksgiving.weekday() == 3 and 22 <= thanksgiving.day <= 28
    for key, month, day in (("new_year", 1, 1), ("independence_day", 7, 4), ("christmas", 12, 25)):
        h = by_key[key]
        assert h.actual == D(year, month, day)
        # The weekend rule: Saturday -> the Friday before, Sunday -> the Monday after, else the day itself.
        expected = {5: h.actual - datetime.timedelta(days=1), 6: h.actual + datetime.timedelta(days=1)}
        assert h.date == expected.get(h.actual.weekday(), h.actual)
    for key in ("eid_al_fitr", "eid_al_adha"):
        h = by_key[key]
        # An Eid is observed on its day, or, on a weekend or another holiday, the next working day.
        assert h.actual <= h.date <= h.actual + datetime.timedelta(days=3)
        others = {o.date for o in by_key.values() if o is not h}
        assert h.date == h.actual or h.actual.weekday() >= 5 or h.actual in others


@pytest.mark.parametrize(
    ("year", "key", "day"),
    [
        (2017, "new_year", D(2017, 1, 2)),  # a Sunday: the Monday after (ST/IC 2017 list)
        (2017, "eid_al_fitr", D(2017, 6, 26)),  # Sunday 25 Jun: the next working day
        (2020, "eid_al_fitr", D(2020, 5, 26)),  # Sunday 24 May, Monday is Memorial Day: Tuesday
        (2020, "independence_day", D(2020, 7, 3)),  # a Saturday: the Friday before (ST/IC/2019/23)
        (2021, "thanksgiving", D(2021, 11, 25)),
        (2021, "eid_al_fitr", D(2021, 5, 13)),
        (2021, "christmas", D(2021, 12, 24)),
        (2022, "new_year", D(2021, 12, 31)),  # Saturday 1 Jan 2022: the Friday before, in 2022's list
        (2024, "eid_al_adha", D(2024, 6, 17)),  # Sunday 16 Jun: Monday
    ],
)
def test_known_observed_days(year, key, day):
    assert {h.key: h.date for h in un_hq_holidays(year)}[key] == day


def test_a_year_with_two_eids_al_fitr_has_both():
    fitr = [h.date for h in un_hq_holidays(2033) if h.key == "eid_al_fitr"]

    assert fitr == [D(2033, 1, 3), D(2033, 12, 23)]  # 2 Jan 2033 is a Sunday


def test_years_outside_the_calendar_are_refused():
    with pytest.raises(ValueError, match="2016"):
        un_hq_holidays(2015)


def test_2021_deadlines_skip_thanksgiving_with_the_computed_holidays():
    dates = holidays.holiday_dates(2021, 2022)
    # A meeting on Monday 29 Nov 2021: two business days before skips Thanksgiving (Thursday 25 Nov).
    assert deadlines.business_days_before(D(2021, 11, 29), 2, dates) == D(2021, 11, 24)
    assert deadlines.business_days_before(D(2021, 11, 29), 2, frozenset()) == D(2021, 11, 25)
