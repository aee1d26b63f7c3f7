"""Renewal calendar: mandates expiring in the next N months, the open recommendations targeting each mission."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting
from meetings.tests import factories as mf
from recommendations.models import Recommendation
from recommendations.services import reads
from recommendations.tests import factories as f

D = datetime.date
TODAY = D(2026, 6, 1)
URL = reverse("recommendations:renewals")
S = Recommendation.Status


@pytest.fixture
def missions(db):
    return {
        "today": f.make_mission("UNMISS", "South Sudan", expiry=TODAY),
        "last_day": f.make_mission("MONUSCO", "Democratic Republic of the Congo", expiry=D(2026, 12, 1)),
        "too_late": f.make_mission("UNFICYP", "Cyprus", expiry=D(2026, 12, 2)),
        "expired": f.make_mission("UNAMI", "Iraq", expiry=D(2026, 5, 31)),
        "inactive": f.make_mission("UNIFIL", "Lebanon", expiry=D(2026, 7, 1), active=False),
        "open_ended": f.make_mission("UNMIK", "Kosovo"),
    }


@pytest.fixture
def clock_june(time_machine):
    time_machine.move_to(datetime.datetime(2026, 6, 1, 15, 0, tzinfo=datetime.UTC), tick=False)


def test_window_includes_today_and_the_last_day_only(missions, secretariat_user):
    result = reads.renewals(today=TODAY, months=6, user=secretariat_user)
    assert [r.mission.acronym for r in result] == ["UNMISS", "MONUSCO"]
    assert [r.days_left for r in result] == [0, 183]


def test_months_narrow_the_window(missions, secretariat_user):
    assert [r.mission.acronym for r in reads.renewals(today=TODAY, months=1, user=secretariat_user)] == ["UNMISS"]
    assert len(reads.renewals(today=TODAY, months=7, user=secretariat_user)) == 3


def test_open_recommendations_targeting_each_mission(year, other_year, missions, cochair_user):
    unmiss = missions["today"]
    meeting = mf.make_meeting(year, "South Sudan", date=D(2026, 3, 10))
    open_one = f.make_recommendation(meeting, "Open", target_mission=unmiss, status=S.UNDER_CONSIDERATION)
    f.make_recommendation(meeting, "Acted on", target_mission=unmiss, status=S.ACTED_ON)
    f.make_recommendation(meeting, "Other mission", target_mission=missions["too_late"], status=S.PRESENTED)
    f.make_recommendation(meeting, "No mission", status=S.PRESENTED)
    old = mf.make_meeting(other_year, "South Sudan", date=D(2019, 3, 10))
    f.make_recommendation(old, "A 2019 one the 2026 co-chair cannot see", target_mission=unmiss)
    result = {r.mission.acronym: r for r in reads.renewals(today=TODAY, months=6, user=cochair_user)}
    assert result["UNMISS"].recommendations == [open_one]
    assert result["UNMISS"].open_count == 1
    assert result["MONUSCO"].recommendations == []


def test_latest_open_recommendations_listed_the_rest_counted_and_linked(
    clock_june, year, missions, secretariat_client, monkeypatch
):
    monkeypatch.setattr(reads, "RENEWAL_RECOMMENDATIONS_SHOWN", 2)
    unmiss = missions["today"]
    early = mf.make_meeting(year, "South Sudan", date=D(2026, 1, 10))
    late = mf.make_meeting(year, "South Sudan", date=D(2026, 3, 10))
    oldest = f.make_recommendation(early, "Oldest", target_mission=unmiss, status=S.PRESENTED)
    first = f.make_recommendation(late, "First of March", target_mission=unmiss, status=S.PRESENTED)
    second = f.make_recommendation(late, "Second of March", target_mission=unmiss, status=S.PRESENTED)
    response = secretariat_client.get(URL)
    renewal = {r.mission.acronym: r for r in response.context["renewals"]}["UNMISS"]
    assert renewal.recommendations == [first, second]
    assert renewal.open_count == 3 and renewal.more == 1
    assert oldest not in renewal.recommendations
    body = response.content.decode()
    assert "1 older open recommendation is in the tracker" in body
    assert f'href="{reverse("recommendations:tracker")}?mission={unmiss.pk}"' in body


def test_meetings_on_the_country_before_the_renewal(year, missions, secretariat_user):
    congo = "Democratic Republic of the Congo"
    past = mf.make_meeting(year, congo, date=D(2026, 2, 10))
    coming = mf.make_meeting(year, congo, date=D(2026, 9, 15))
    mf.make_meeting(year, congo, date=D(2026, 12, 15))  # after the expiry
    mf.make_meeting(year, congo, date=D(2025, 5, 1))  # more than a year ago
    cancelled = mf.make_meeting(year, congo, date=D(2026, 10, 1))
    Meeting.objects.filter(pk=cancelled.pk).update(status=Meeting.Status.CANCELLED)
    mf.make_meeting(year, "Haiti", date=D(2026, 9, 1))  # another country
    mf.make_entry(year, congo)
    result = {r.mission.acronym: r for r in reads.renewals(today=TODAY, months=6, user=secretariat_user)}
    assert result["MONUSCO"].meetings == [past, coming]
    assert result["MONUSCO"].on_agenda is True
    assert result["UNMISS"].on_agenda is False


def test_page_default_six_months(clock_june, secretariat_client, missions):
    response = secretariat_client.get(URL)
    assert response.status_code == 200
    assert [r.mission.acronym for r in response.context["renewals"]] == ["UNMISS", "MONUSCO"]
    body = response.content.decode()
    assert "next 6 months" in body
    assert "No open recommendation targets this mission." in body


def test_page_months_parameter(clock_june, secretariat_client, missions):
    response = secretariat_client.get(URL, {"months": "1"})
    assert [r.mission.acronym for r in response.context["renewals"]] == ["UNMISS"]


@pytest.mark.parametrize("bad", ["abc", "0", "25", "-3"])
def test_bad_months_is_reported_and_the_default_used(clock_june, secretariat_client, missions, bad):
    response = secretariat_client.get(URL, {"months": bad})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="errorlist"' in body
    assert "Showing the default period of 6 months instead." in body
    assert f'value="{bad}"' in body  # kept
    assert response.context["months"] == 6


def test_empty_page_suggests_a_longer_period(clock_june, secretariat_client, db):
    body = secretariat_client.get(URL).content.decode()
    assert "No active mission's mandate expires in the next 6 months." in body


def test_expert_sees_page_anonymous_does_not(clock_june, expert_client, client, missions):
    assert expert_client.get(URL).status_code == 200
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("rows", [10, 200])
def test_query_count_is_constant(clock_june, secretariat_client, year, rows, django_assert_max_num_queries):
    countries = ["South Sudan", "Haiti", "Mali", "Libya", "Colombia"]
    missions = [f.make_mission(f"M{i}", name, expiry=D(2026, 7 + i, 1)) for i, name in enumerate(countries)]
    meetings = [mf.make_meeting(year, name, date=D(2026, 3, 1)) for name in countries]
    for mission, meeting in zip(missions, meetings, strict=True):
        f.bulk_recommendations([meeting], rows // 5, target_mission=mission, status=S.PRESENTED)
    # session, user, groups; missions; the shown recommendations ranked, then read (meeting, country, mission,
    # owner joined); meetings; agenda entries
    with django_assert_max_num_queries(8):
        response = secretariat_client.get(URL)
    # Each mission lists its latest open recommendations and counts them all (the page stays the same size).
    shown = min(rows // 5, reads.RENEWAL_RECOMMENDATIONS_SHOWN)
    assert [len(r.recommendations) for r in response.context["renewals"]] == [shown] * 5
    assert [r.open_count for r in response.context["renewals"]] == [rows // 5] * 5
