"""UN Headquarters official holidays of any year, computed from the rules. Pure Python: no ORM, no clock.

The rules, as the ST/IC official-holidays circulars apply them (sources in ``un_hq_holidays.csv``):

- Nine official holidays: New Year's Day, Good Friday, Memorial Day, Independence Day, Labour Day,
  Thanksgiving Day, Christmas Day, Eid al-Fitr and Eid al-Adha (the Eids since 2016).
- Good Friday is two days before Western Easter. Memorial Day is the last Monday of May, Labour Day the first
  Monday of September, Thanksgiving the fourth Thursday of November.
- A fixed-date holiday on a Saturday is observed on the Friday before (Independence Day on 3 Jul 2020), on a
  Sunday on the Monday after (New Year's Day on 2 Jan 2017). New Year's Day on a Saturday is therefore observed
  on 31 December of the year before; it still belongs to its own year's list.
- The Eids follow the Umm al-Qura calendar (``hijridate``): Eid al-Fitr is 1 Shawwal, Eid al-Adha 10 Dhu
  al-Hijja. An Eid on a weekend, or on another holiday, is observed on the next working day (26 Jun 2017;
  26 May 2020, after Memorial Day; 17 Jun 2024).

The circular published each year may differ (an Eid announced on another day): the secretariat then records the
year as published, and the stored rows win over these (``meetings.services.materialise_holidays``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from dateutil.easter import EASTER_WESTERN, easter
from dateutil.relativedelta import MO, TH, relativedelta
from hijridate import Gregorian, Hijri

SATURDAY, SUNDAY = 5, 6
# The first year with both Eids (the General Assembly added them from 2016) and the last one hijridate covers.
FIRST_YEAR = 2016
LAST_YEAR = 2076

NEW_YEAR = "new_year"
EID_AL_FITR = "eid_al_fitr"
GOOD_FRIDAY = "good_friday"
MEMORIAL_DAY = "memorial_day"
EID_AL_ADHA = "eid_al_adha"
INDEPENDENCE_DAY = "independence_day"
LABOUR_DAY = "labour_day"
THANKSGIVING = "thanksgiving"
CHRISTMAS = "christmas"

NAMES: dict[str, str] = {
    NEW_YEAR: "New Year's Day",
    GOOD_FRIDAY: "Good Friday",
    MEMORIAL_DAY: "Memorial Day",
    INDEPENDENCE_DAY: "Independence Day",
    LABOUR_DAY: "Labour Day",
    THANKSGIVING: "Thanksgiving Day",
    CHRISTMAS: "Christmas Day",
    EID_AL_FITR: "Eid al-Fitr",
    EID_AL_ADHA: "Eid al-Adha",
}
KEYS: tuple[str, ...] = tuple(NAMES)
OBSERVED = " (observed)"


@dataclass(frozen=True)
class ComputedHoliday:
    """One official holiday of ``year``: the rule it comes from, the day it falls on and the day it is observed."""

    key: str
    year: int
    actual: datetime.date
    date: datetime.date

    @property
    def name(self) -> str:
        return NAMES[self.key] + (OBSERVED if self.date != self.actual else "")


def _fixed_observed(day: datetime.date) -> datetime.date:
    if day.weekday() == SATURDAY:
        return day - datetime.timedelta(days=1)
    if day.weekday() == SUNDAY:
        return day + datetime.timedelta(days=1)
    return day


def _next_working_day(day: datetime.date, taken: set[datetime.date]) -> datetime.date:
    while day.weekday() >= SATURDAY or day in taken:
        day += datetime.timedelta(days=1)
    return day


def _hijri_in(year: int, month: int, day: int) -> list[datetime.date]:
    """The Gregorian dates in ``year`` of ``day``/``month`` of the Hijri calendar (Umm al-Qura).

    A Hijri year is eleven days shorter, so a Gregorian year holds each Hijri date once, and about every 33
    years twice (Eid al-Fitr on 2 Jan and 23 Dec 2033): both are holidays.
    """
    first = Gregorian(year, 1, 1).to_hijri().year
    found = []
    for hijri_year in (first, first + 1):
        gregorian = Hijri(hijri_year, month, day).to_gregorian()
        if gregorian.year == year:
            found.append(datetime.date(gregorian.year, gregorian.month, gregorian.day))
    return found


def un_hq_holidays(year: int) -> list[ComputedHoliday]:
    """The nine official holidays of ``year`` at UN Headquarters (an Eid twice in some years), by observed date."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"UN Headquarters holidays are computed for {FIRST_YEAR}-{LAST_YEAR}, not {year}.")
    actual = {
        NEW_YEAR: datetime.date(year, 1, 1),
        GOOD_FRIDAY: easter(year, EASTER_WESTERN) - datetime.timedelta(days=2),
        MEMORIAL_DAY: datetime.date(year, 5, 31) + relativedelta(weekday=MO(-1)),
        INDEPENDENCE_DAY: datetime.date(year, 7, 4),
        LABOUR_DAY: datetime.date(year, 9, 1) + relativedelta(weekday=MO(+1)),
        THANKSGIVING: datetime.date(year, 11, 1) + relativedelta(weekday=TH(+4)),
        CHRISTMAS: datetime.date(year, 12, 25),
    }
    holidays = [
        ComputedHoliday(key, year, day, day if key == GOOD_FRIDAY else _fixed_observed(day))
        for key, day in actual.items()
    ]
    taken = {h.date for h in holidays}
    for key, (month, day) in ((EID_AL_FITR, (10, 1)), (EID_AL_ADHA, (12, 10))):
        for eid in _hijri_in(year, month, day):
            observed = _next_working_day(eid, taken)
            taken.add(observed)
            holidays.append(ComputedHoliday(key, year, eid, observed))
    return sorted(holidays, key=lambda h: h.date)


def holiday_year(rule: str, day: datetime.date) -> int:
    """The year whose list has the holiday of ``rule`` observed on ``day`` (New Year's Day on 31 Dec: the next)."""
    return day.year + 1 if rule == NEW_YEAR and day.month == 12 else day.year


def holiday_dates(first: int, last: int) -> frozenset[datetime.date]:
    """Every observed holiday of the years ``first`` to ``last``, for the business-day rules."""
    return frozenset(h.date for year in range(first, last + 1) for h in un_hq_holidays(year))
