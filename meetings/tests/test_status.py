"""A meeting's life: allowed moves only, symbol on issue, follow-up proposed when held."""

import datetime

import pytest

from meetings import services
from meetings.models import Meeting
from meetings.tests import factories

D = datetime.date
pytestmark = pytest.mark.django_db


def test_forward_moves_allowed(meeting):
    for status in ["date_proposed", "confirmed", "held", "summary_drafted", "submitted"]:
        services.change_status(meeting, status, today=meeting.date)
    services.change_status(meeting, "issued", symbol="S/2026/901")
    services.change_status(meeting, "published")
    meeting.refresh_from_db()
    assert (meeting.status, meeting.symbol) == ("published", "S/2026/901")
    reasons = [h.history_change_reason for h in meeting.history.order_by("history_date") if h.history_change_reason]
    assert reasons[-1] == "Status: Summary issued → Published"


@pytest.mark.parametrize(
    ("start", "target", "message"),
    [
        ("planned", "published", "cannot become"),
        ("held", "planned", "cannot become"),
        ("planned", "bogus", "Unknown status"),
    ],
)
def test_refused_moves_change_nothing(meeting, start, target, message):
    Meeting.objects.filter(pk=meeting.pk).update(status=start)
    meeting.refresh_from_db()
    with pytest.raises(services.InvalidTransition, match=message):
        services.change_status(meeting, target)
    meeting.refresh_from_db()
    assert meeting.status == start


@pytest.mark.parametrize("symbol", ["", "2026/12", "S/26/1", "A/2026/12"])
def test_issue_needs_a_valid_symbol(meeting, symbol):
    Meeting.objects.filter(pk=meeting.pk).update(status="submitted")
    meeting.refresh_from_db()
    with pytest.raises(services.InvalidTransition):
        services.change_status(meeting, "issued", symbol=symbol)
    meeting.refresh_from_db()
    assert meeting.status == "submitted" and meeting.symbol == ""


def test_symbol_unique(year, meeting):
    other = factories.make_meeting(year, "Haiti", date=D(2026, 12, 14), status="submitted")
    Meeting.objects.filter(pk=meeting.pk).update(status="submitted")
    meeting.refresh_from_db()
    services.change_status(meeting, "issued", symbol="S/2026/5")
    with pytest.raises(services.InvalidTransition, match="already used"):
        services.change_status(other, "issued", symbol="S/2026/5")


def test_confirming_needs_a_date(year):
    meeting = factories.make_meeting(year, date=None)
    with pytest.raises(services.InvalidTransition, match="date"):
        services.change_status(meeting, "confirmed")


def test_holding_a_country_meeting_proposes_its_follow_up(year):
    factories.make_holidays(D(2027, 6, 10))
    meeting = factories.make_meeting(year, date=D(2026, 12, 10), status="confirmed")
    services.change_status(meeting, "held", today=meeting.date)
    follow_up = meeting.follow_ups.get()
    # 10 June 2027 is a (test) holiday: the next business day.
    assert follow_up.date == D(2027, 6, 11)
    assert (follow_up.kind, follow_up.situation, follow_up.status) == ("follow_up", meeting.situation, "date_proposed")
    assert follow_up.steps.count() > 0
    # Proposing again does not duplicate.
    assert services.propose_follow_up(meeting).created is False
    assert meeting.follow_ups.count() == 1


def test_follow_up_joins_the_year_of_its_date_when_it_exists(year):
    next_year = factories.make_year(2027)
    meeting = factories.make_meeting(year, date=D(2026, 11, 12), status="confirmed")
    services.change_status(meeting, "held", today=meeting.date)
    assert meeting.follow_ups.get().agenda_year == next_year


def test_holding_a_thematic_meeting_proposes_nothing(year):
    meeting = factories.make_meeting(year, None, kind="thematic", date=D(2026, 11, 16), status="confirmed")
    services.change_status(meeting, "held", today=meeting.date)
    assert not meeting.follow_ups.exists()
