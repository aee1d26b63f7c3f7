"""Every year the app shows has its holidays: stored from the rules, each year overridable by the secretariat when
its ST/IC circular is published (the source noted, history kept); what they saved wins over the rules."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from meetings import services, tasks
from meetings.holidays import un_hq_holidays
from meetings.models import Holiday, HolidayYear
from meetings.tests import factories

D = datetime.date
TODAY = D(2026, 12, 1)
pytestmark = pytest.mark.django_db


def test_the_holidays_of_every_year_shown_are_stored_once():
    first = services.materialise_holidays(years=services.holiday_years_shown(TODAY))

    assert list(services.holiday_years_shown(TODAY)) == list(range(2016, 2030))
    assert first.created == 14 * 9 and first.moved == 0
    assert set(HolidayYear.objects.values_list("year", flat=True)) == set(range(2016, 2030))
    for year in (2016, 2021, 2029):
        stored = {(h.date, h.name) for h in Holiday.objects.all() if h.year == year}
        assert stored == {(h.date, h.name) for h in un_hq_holidays(year)}
    assert Holiday.objects.get(date=D(2021, 11, 25)).name == "Thanksgiving Day"
    assert Holiday.objects.get(date=D(2021, 12, 31)).year == 2022  # New Year's Day 2022, observed

    histories = Holiday.history.count()
    again = services.materialise_holidays(years=services.holiday_years_shown(TODAY))
    assert (again.created, again.moved) == (0, 0) and Holiday.history.count() == histories


def test_a_row_moved_away_from_the_rules_is_put_back_unless_saved_by_hand_or_published():
    services.materialise_holidays(years=[2025, 2026])
    fitr_2026 = Holiday.objects.get(date=D(2026, 3, 20))
    fitr_2025 = Holiday.objects.get(date=D(2025, 3, 31))
    Holiday.objects.filter(pk=fitr_2026.pk).update(date=D(2026, 3, 23))  # a computed row, moved by a bug
    Holiday.objects.filter(pk=fitr_2025.pk).update(date=D(2025, 3, 28))

    services.materialise_holidays(years=[2025, 2026])
    assert Holiday.objects.get(pk=fitr_2026.pk).date == D(2026, 3, 20)  # computed: the rules win

    Holiday.objects.filter(pk=fitr_2026.pk).update(date=D(2026, 3, 23), computed=False)  # saved by hand
    HolidayYear.objects.filter(year=2025).update(source="ST/IC/2024/20")
    Holiday.objects.filter(pk=fitr_2025.pk).update(date=D(2025, 3, 28))
    result = services.materialise_holidays(years=[2025, 2026])

    assert Holiday.objects.get(pk=fitr_2026.pk).date == D(2026, 3, 23)  # the override wins
    assert Holiday.objects.get(pk=fitr_2025.pk).date == D(2025, 3, 28)  # the year is as published
    assert result.kept == 1


def test_an_older_list_loaded_by_hand_is_recognised_not_duplicated():
    Holiday.objects.create(date=D(2026, 11, 26), name="Thanksgiving Day")
    Holiday.objects.create(date=D(2026, 6, 19), name="Staff day off")  # another day off: kept as it is

    services.materialise_holidays(years=[2026])

    thanksgiving = Holiday.objects.get(date=D(2026, 11, 26))
    assert thanksgiving.rule == "thanksgiving" and thanksgiving.computed
    assert Holiday.objects.filter(date__year=2026).count() == 10


def test_the_secretariat_overrides_a_holiday_on_the_page_and_it_wins(secretariat_client, secretariat_user):
    services.materialise_holidays(years=[2026])
    fitr = Holiday.objects.get(date=D(2026, 3, 20))

    response = secretariat_client.post(
        reverse("meetings:holiday_edit", args=[fitr.pk]),
        {"date": "2026-03-19", "name": "Eid al-Fitr", "version": fitr.version},
    )
    assert response.status_code == 302
    services.materialise_holidays(years=[2026])

    fitr.refresh_from_db()
    assert fitr.date == D(2026, 3, 19) and not fitr.computed
    assert not Holiday.objects.filter(date=D(2026, 3, 20)).exists()
    assert fitr.history.first().history_user == secretariat_user


def test_the_secretariat_records_the_circular_of_a_year_with_history(
    secretariat_client, secretariat_user, expert_client
):
    services.materialise_holidays(years=[2021])
    url = reverse("meetings:holiday_year_edit", args=[2021])
    assert expert_client.get(url).status_code == 403
    assert expert_client.post(url, {"source": "x", "version": 1}).status_code == 403

    response = secretariat_client.post(url, {"source": "  ST/IC/2020/20 ", "notes": "", "version": 1})

    assert response.status_code == 302
    holiday_year = HolidayYear.objects.get(year=2021)
    assert holiday_year.source == "ST/IC/2020/20" and holiday_year.history.first().history_user == secretariat_user
    page = secretariat_client.get(reverse("meetings:holidays"), {"year": "2021"}).content.decode()
    assert "Published in ST/IC/2020/20" in page and "25 Nov 2021" in page
    assert "Computed from the rules" not in page  # the year shown is published
    history = secretariat_client.get(reverse("meetings:holiday_year_history", args=[2021])).content.decode()
    assert "ST/IC/2020/20" in history


def test_a_stale_save_of_a_year_is_refused(secretariat_client, colleague_client):
    services.materialise_holidays(years=[2021])
    url = reverse("meetings:holiday_year_edit", args=[2021])
    assert colleague_client.post(url, {"source": "ST/IC/2020/20", "version": 1}).status_code == 302

    response = secretariat_client.post(url, {"source": "ST/IC/2020/99", "version": 1})

    assert response.status_code == 200 and "Someone else saved" in response.content.decode()
    assert HolidayYear.objects.get(year=2021).source == "ST/IC/2020/20"


def test_a_holiday_saved_moves_the_open_steps_still_to_come(secretariat_client, secretariat_user, year, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 10, 0), tick=False)
    meeting = factories.make_meeting(year, "Haiti", date=D(2026, 12, 17))  # a Thursday
    note = meeting.steps.get(key="background_note")
    done = meeting.steps.get(key="consult_entities")
    services.complete_step(done, by=secretariat_user, now=datetime.datetime(2026, 12, 1, 15, tzinfo=datetime.UTC))
    assert note.due == D(2026, 12, 15)
    done_due = meeting.steps.get(key="consult_entities").due

    response = secretariat_client.post(reverse("meetings:holiday_create"), {"date": "2026-12-15", "name": "Closure"})

    assert response.status_code == 302
    note.refresh_from_db()
    assert note.due == D(2026, 12, 14)  # two business days before the meeting, skipping the new holiday
    assert note.history.first().history_change_reason == "UN Headquarters holidays changed"
    assert meeting.steps.get(key="consult_entities").due == done_due  # done: it keeps its date


def test_the_command_and_the_beat_task_store_the_holidays(time_machine, capsys):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 10, 0), tick=False)
    call_command("compute_holidays", "--from-year", "2020", "--to-year", "2021")
    assert "18 created" in capsys.readouterr().out

    result = tasks.materialise_holidays.apply().get()

    assert result["created"] == (14 - 2) * 9 and HolidayYear.objects.count() == 14
    assert tasks.materialise_holidays.apply().get()["created"] == 0


def test_holiday_list_shows_each_years_source_in_constant_queries(expert_client, django_assert_max_num_queries):
    services.materialise_holidays(years=range(2016, 2030))
    HolidayYear.objects.filter(year=2021).update(source="ST/IC/2020/20")
    # session, user, role, the expert's delegation (page header), the years, count, the page of holidays,
    # the years' sources
    with django_assert_max_num_queries(9):  # +1: the menu asks if the user is a Network focal point
        page = expert_client.get(reverse("meetings:holidays")).content.decode()
    assert "Published in ST/IC/2020/20" in page and "Computed from the rules" in page
