"""Two people edit the same meeting or year: the second save on a stale version is refused, with a clear
message, and the text the second person typed stays on the page."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from core.concurrency import StaleEdit, save_versioned
from meetings.models import AgendaYear, Meeting


def test_save_versioned_bumps_the_version(meeting):
    meeting.room = "CR 1"
    save_versioned(meeting, meeting.version)

    meeting.refresh_from_db()
    assert (meeting.room, meeting.version) == ("CR 1", 2)


def test_save_versioned_refuses_a_stale_version(meeting):
    opened_at = meeting.version
    first = Meeting.objects.get(pk=meeting.pk)
    first.room = "CR 1"
    save_versioned(first, opened_at)

    second = Meeting.objects.get(pk=meeting.pk)
    second.room = "CR 2"
    with pytest.raises(StaleEdit, match="Someone else saved this meeting"):
        save_versioned(second, opened_at)

    meeting.refresh_from_db()
    assert (meeting.room, meeting.version) == ("CR 1", 2)


def _meeting_post(meeting, version, **changes):
    data = {
        "agenda_year": meeting.agenda_year_id,
        "kind": meeting.kind,
        "situation": meeting.situation_id,
        "date": meeting.date.isoformat(),
        "room": meeting.room,
        "interpretation_languages": "",
        "source_note": meeting.source_note,
        "version": version,
    }
    data.update(changes)
    return data


def test_second_meeting_save_on_a_stale_version_is_refused_and_keeps_the_text(
    secretariat_client, colleague_client, meeting
):
    url = reverse("meetings:edit", args=[meeting.pk])
    opened = secretariat_client.get(url).context["form"].initial["version"]
    assert colleague_client.get(url).context["form"].initial["version"] == opened

    first = secretariat_client.post(url, _meeting_post(meeting, opened, room="Conference Room 4"))
    assert first.status_code == 302

    second = colleague_client.post(
        url, _meeting_post(meeting, opened, source_note="Suggestions of UN participants, typed by the colleague")
    )

    assert second.status_code == 200
    page = second.content.decode()
    assert "Someone else saved this meeting while you were editing it" in page
    assert "Suggestions of UN participants, typed by the colleague" in page  # the user's text is kept
    meeting.refresh_from_db()
    assert meeting.room == "Conference Room 4"
    assert meeting.source_note == ""
    assert meeting.version == opened + 1


def test_meeting_date_change_on_a_stale_version_does_not_move_the_timeline(
    secretariat_client, colleague_client, meeting
):
    url = reverse("meetings:edit", args=[meeting.pk])
    opened = meeting.version
    dues = sorted(meeting.steps.values_list("due", flat=True))
    secretariat_client.post(url, _meeting_post(meeting, opened, room="CR 4"))

    colleague_client.post(url, _meeting_post(meeting, opened, date="2026-12-17"))

    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2026, 12, 10)
    assert sorted(meeting.steps.values_list("due", flat=True)) == dues


def _year_post(agenda_year, version, **changes):
    data = {
        "year": agenda_year.year,
        "co_chairs": [s.pk for s in agenda_year.co_chairs.all()],
        "penholder": agenda_year.penholder_id or "",
        "notes": agenda_year.notes,
        "version": version,
    }
    data.update(changes)
    return data


def test_second_year_save_on_a_stale_version_is_refused_and_keeps_the_text(secretariat_client, colleague_client, year):
    url = reverse("meetings:year_edit", args=[2026])
    opened = secretariat_client.get(url).context["form"].initial["version"]

    first = secretariat_client.post(url, _year_post(year, opened, notes="Agreed at the retreat in January."))
    assert first.status_code == 302

    second = colleague_client.post(
        url, _year_post(year, opened, notes="Colleague's draft: add Haiti after the March briefing.")
    )

    assert second.status_code == 200
    page = second.content.decode()
    assert "Someone else saved this IEG year while you were editing it" in page
    assert "Colleague&#x27;s draft: add Haiti after the March briefing." in page
    year = AgendaYear.objects.get(pk=year.pk)
    assert year.notes == "Agreed at the retreat in January."
    assert year.version == opened + 1
