"""The reference data load_demo ships (issue 12, item 9): titles and names as signed, a representative for every
co-chair state and the penholder of every demo year, formal names for all states."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command

from countries.models import MemberState, PermanentRepresentative
from meetings.models import AgendaYear, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", "--no-users")


def _signatory_states(agenda_year: AgendaYear) -> list[MemberState]:
    return [*agenda_year.co_chairs.all(), agenda_year.penholder]


def test_every_cochair_and_the_penholder_has_a_representative_on_every_meeting_date(demo):
    years = AgendaYear.objects.prefetch_related("co_chairs").select_related("penholder")
    assert {y.year for y in years} >= {2016, 2017, 2018, 2019, 2021, 2022, 2023}
    missing = []
    for agenda_year in years:
        assert agenda_year.penholder is not None and agenda_year.penholder.name == "United Kingdom"
        meetings = list(Meeting.objects.filter(agenda_year=agenda_year))
        assert meetings, agenda_year.year
        for meeting in meetings:
            for member_state in _signatory_states(agenda_year):
                reps = PermanentRepresentative.objects.filter(member_state=member_state)
                if meeting.date is not None:
                    # Exactly one: a letter dated that day has one signatory for the state.
                    if reps.as_of(meeting.date).count() != 1:
                        missing.append((agenda_year.year, str(meeting), member_state.name, meeting.date))
                else:  # the record gives only the year: someone in office during it
                    year_start, year_end = (
                        datetime.date(agenda_year.year, 1, 1),
                        datetime.date(agenda_year.year, 12, 31),
                    )
                    during = reps.filter(start_date__lte=year_end).exclude(end_date__lt=year_start)
                    if not during.exists():
                        missing.append((agenda_year.year, str(meeting), member_state.name, None))
    assert missing == []


def test_the_record_is_signed_by_the_right_people(demo):
    def signer(state_name, day):
        return PermanentRepresentative.objects.as_of(day).get(member_state__name=state_name)

    # Seed 000, dated 22 December 2016: (Signed) Román **Oyarzun**, (Signed) Matthew **Rycroft**.
    day = datetime.date(2016, 12, 22)
    assert (signer("Spain", day).given_names, signer("Spain", day).surname) == ("Román", "Oyarzun")
    assert (signer("United Kingdom", day).given_names, signer("United Kingdom", day).surname) == ("Matthew", "Rycroft")
    # Seed 001 (17 October 2017) and 004 (1 March 2018): the Network's troika.
    assert signer("Germany", datetime.date(2017, 10, 17)).name == "Christoph Heusgen"
    namibia = signer("Namibia", datetime.date(2017, 10, 17))
    assert (namibia.given_names, namibia.surname) == ("Neville Melvin", "Gertze")
    assert signer("Spain", datetime.date(2018, 3, 1)).surname == "Moragas"
    # S/2021/1012, 16 November 2021: Ireland, Mexico and the United Kingdom.
    day = datetime.date(2021, 11, 16)
    ireland, mexico, uk = (signer(n, day) for n in ("Ireland", "Mexico", "United Kingdom"))
    assert (ireland.given_names, ireland.surname) == ("Geraldine", "Byrne Nason")
    assert (mexico.given_names, mexico.surname) == ("Juan Ramón", "de la Fuente Ramírez")
    assert (uk.given_names, uk.surname) == ("Barbara", "Woodward")
    assert all(rep.title == "Permanent Representative" and rep.ambassador for rep in (ireland, mexico, uk))


def test_no_title_is_ambassador_and_every_surname_is_set(demo):
    reps = list(PermanentRepresentative.objects.all())
    assert reps
    assert [r.title for r in reps if "ambassador" in r.title.casefold()] == []
    assert [r for r in reps if not r.surname.strip() or r.surname != r.surname.strip()] == []
    assert [r for r in reps if r.given_names != " ".join(r.given_names.split())] == []
    assert PermanentRepresentative.objects.filter(title="Chargé d'affaires a.i.", member_state__name="United Kingdom")


def test_every_member_state_has_a_formal_name_and_a_name_in_a_sentence(demo):
    states = list(MemberState.objects.all())
    assert len(states) > 70
    assert [s.name for s in states if not s.formal_name or not s.short_name] == []
    by_name = {s.name: s for s in states}
    expected = {
        "United Kingdom": ("the United Kingdom", "the United Kingdom of Great Britain and Northern Ireland"),
        "United States": ("the United States", "the United States of America"),
        "Russian Federation": ("the Russian Federation", "the Russian Federation"),
        "Niger": ("the Niger", "the Niger"),
        "Netherlands": ("the Netherlands", "the Kingdom of the Netherlands"),
        "Bolivia": ("the Plurinational State of Bolivia", "the Plurinational State of Bolivia"),
        "Venezuela": ("the Bolivarian Republic of Venezuela", "the Bolivarian Republic of Venezuela"),
        "Democratic Republic of the Congo": (
            "the Democratic Republic of the Congo",
            "the Democratic Republic of the Congo",
        ),
        "Spain": ("Spain", "Spain"),
        "Ireland": ("Ireland", "Ireland"),
        "Mexico": ("Mexico", "Mexico"),
        "Côte d'Ivoire": ("Côte d'Ivoire", "Côte d'Ivoire"),
    }
    assert {name: (by_name[name].in_text, by_name[name].formal) for name in expected} == expected
    # An article is lowercase and only where the UN gives one.
    assert [s.name for s in states if s.short_name.startswith("The ")] == []


def test_reloading_changes_nothing_and_adds_no_history(demo):
    before = (
        PermanentRepresentative.history.count(),
        MemberState.history.count(),
        sorted(PermanentRepresentative.objects.values_list("member_state__name", "given_names", "surname")),
    )

    call_command("load_demo", "--no-users")

    after = (
        PermanentRepresentative.history.count(),
        MemberState.history.count(),
        sorted(PermanentRepresentative.objects.values_list("member_state__name", "given_names", "surname")),
    )
    assert after == before


def test_a_name_corrected_in_the_app_survives_a_reload(demo):
    MemberState.objects.filter(name="Netherlands").update(formal_name="the Netherlands")

    call_command("load_demo", "--no-users")

    assert MemberState.objects.get(name="Netherlands").formal_name == "the Netherlands"


def test_rows_loaded_before_the_split_are_corrected_not_duplicated(db):
    """A database loaded by the old loader: whole names split at the last space by the contract's migration (its
    "Ambassador" titles are corrected by countries' migration 0004)."""
    call_command("load_demo", "--no-users")
    ireland = PermanentRepresentative.objects.get(member_state__name="Ireland")
    spain = PermanentRepresentative.objects.get(member_state__name="Spain", surname="Oyarzun")
    PermanentRepresentative.objects.filter(pk=ireland.pk).update(given_names="Geraldine Byrne", surname="Nason")
    PermanentRepresentative.objects.filter(pk=spain.pk).update(
        given_names="Román Oyarzun", surname="Marchesi", end_date=datetime.date(2018, 12, 31)
    )
    count = PermanentRepresentative.objects.count()

    call_command("load_demo", "--no-users")

    assert PermanentRepresentative.objects.count() == count
    ireland.refresh_from_db()
    spain.refresh_from_db()
    assert (ireland.given_names, ireland.surname, ireland.title) == (
        "Geraldine",
        "Byrne Nason",
        "Permanent Representative",
    )
    assert (spain.given_names, spain.surname, spain.end_date) == ("Román", "Oyarzun", datetime.date(2018, 1, 31))
    assert spain.version > 1  # a form opened before the reload is refused
