"""A past meeting's S/ symbol is correctable on its edit form by the secretariat, with the history kept."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting
from meetings.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(year):
    factories.make_entry(year, "Libya")
    return factories.make_meeting(
        year, "Libya", date=datetime.date(2026, 3, 5), status=Meeting.Status.PUBLISHED, symbol="S/2026/123"
    )


def _post(meeting, **changes):
    data = {
        "agenda_year": meeting.agenda_year_id,
        "kind": meeting.kind,
        "situation": meeting.situation_id,
        "date": meeting.date.isoformat(),
        "room": "",
        "source_note": "",
        "symbol": meeting.symbol,
        "version": meeting.version,
    }
    data.update(changes)
    return data


def test_the_secretariat_corrects_a_symbol_and_the_history_keeps_the_old_one(
    secretariat_client, secretariat_user, issued
):
    form = secretariat_client.get(reverse("meetings:edit", args=[issued.pk])).content.decode()
    assert 'name="symbol"' in form and "S/2026/123" in form

    response = secretariat_client.post(reverse("meetings:edit", args=[issued.pk]), _post(issued, symbol="S/2026/132"))

    assert response.status_code == 302
    issued.refresh_from_db()
    assert issued.symbol == "S/2026/132"
    latest, before = issued.history.all()[:2]
    assert before.symbol == "S/2026/123" and latest.history_user == secretariat_user
    assert latest.history_change_reason == "Symbol corrected: S/2026/123 → S/2026/132"


@pytest.mark.parametrize(
    ("symbol", "message"),
    [
        ("S/2026", "Enter a Security Council symbol like S/2016/673."),
        ("", "An issued summary has a symbol"),
        ("S/2026/7", "Symbol S/2026/7 is already used by another meeting."),
    ],
)
def test_a_wrong_symbol_is_refused_with_the_input_kept(secretariat_client, year, issued, symbol, message):
    factories.make_meeting(year, "Haiti", date=datetime.date(2026, 4, 9), status="published", symbol="S/2026/7")

    response = secretariat_client.post(
        reverse("meetings:edit", args=[issued.pk]), _post(issued, symbol=symbol, room="Kept room")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "Kept room" in page
    issued.refresh_from_db()
    assert issued.symbol == "S/2026/123"


def test_only_the_secretariat_corrects_a_symbol(cochair_client, expert_client, issued):
    for other in (cochair_client, expert_client):
        response = other.post(reverse("meetings:edit", args=[issued.pk]), _post(issued, symbol="S/2026/999"))
        assert response.status_code == 403
    issued.refresh_from_db()
    assert issued.symbol == "S/2026/123"


def test_a_new_meeting_form_has_no_symbol(secretariat_client):
    assert 'name="symbol"' not in secretariat_client.get(reverse("meetings:create")).content.decode()
