"""Issue 12's bug: a past meeting entered with only its S/ symbol (as the demo data and the secretariat record
history) could get a summary drafted but never recorded as issued: submitting wanted a meeting "held", issuing a
summary "submitted", and the meeting was already "published". Now its summary is recorded as issued under the
meeting's symbol, which the secretariat can correct, with history."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from documents import services
from documents.models import Summary
from documents.tests import factories as f
from meetings.models import Meeting
from meetings.tests import factories as mf

pytestmark = pytest.mark.django_db


@pytest.fixture
def past(db):
    year = mf.make_year(2016, co_chairs=["Spain", "United Kingdom"], penholder="United Kingdom")
    meeting = mf.make_meeting(year, "Afghanistan", date=datetime.date(2016, 7, 27))
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED, symbol="S/2016/673")
    meeting.refresh_from_db()
    return meeting


def _post_summary(client, meeting):
    data = f.summary_post("", ["Intro", "Points", "", "", ""], letter_date="2016-08-01")
    del data["version"]
    return client.post(reverse("documents:summary_edit", args=[meeting.pk]), data)


def test_a_past_meeting_with_only_its_symbol_gets_its_summary_recorded_as_issued(past, secretariat_client):
    assert secretariat_client.get(reverse("documents:summary", args=[past.pk])).status_code == 302  # to the form
    assert _post_summary(secretariat_client, past).status_code == 302
    page = secretariat_client.get(reverse("documents:summary", args=[past.pk])).content.decode()
    assert "This meeting was recorded as issued (S/2016/673)" in page
    assert 'value="S/2016/673"' in page  # the issuance form starts from the meeting's symbol

    data = {"symbol": "S/2016/673", "issue_date": "2016-08-04", "job_number": "16-13106 (E)"}
    confirm = secretariat_client.post(reverse("documents:summary_issue", args=[past.pk]), data)
    assert confirm.status_code == 200 and "Approval and submission happened outside the app" in confirm.content.decode()
    response = secretariat_client.post(reverse("documents:summary_issue", args=[past.pk]), {**data, "confirm": "1"})

    assert response.status_code == 302
    summary = Summary.objects.get(meeting=past)
    assert summary.status == Summary.Status.PUBLISHED  # as its meeting is
    assert (summary.issue_date, summary.job_number) == (datetime.date(2016, 8, 4), "16-13106 (E)")
    assert summary.issued_pdf
    past.refresh_from_db()
    assert (past.symbol, past.status) == ("S/2016/673", Meeting.Status.PUBLISHED)


def test_the_symbol_is_corrected_with_history(past, secretariat_client, secretariat_user):
    _post_summary(secretariat_client, past)
    summary = Summary.objects.get(meeting=past)
    services.issue_summary(summary, "S/2016/673", by=secretariat_user, now=None, issue_date=datetime.date(2016, 8, 4))
    url = reverse("documents:summary_symbol", args=[past.pk])

    asked = secretariat_client.post(url, {"symbol": "S/2016/683", "reason": "typed wrong"})
    assert asked.status_code == 200 and "The meeting&#x27;s history keeps the old symbol" in asked.content.decode()
    done = secretariat_client.post(url, {"symbol": "S/2016/683", "reason": "typed wrong", "confirm": "1"})

    assert done.status_code == 302
    past.refresh_from_db()
    assert past.symbol == "S/2016/683"
    last = past.history.first()
    assert last.history_user == secretariat_user
    assert last.history_change_reason == "Symbol S/2016/673 → S/2016/683: typed wrong"


@pytest.mark.parametrize(
    ("symbol", "message"),
    [
        ("S/2017/12", "Symbols issued in 2016 read S/2016/"),
        ("2016/673", "Enter a Security Council symbol like S/2016/673."),
        ("S/2016/673", "already recorded as S/2016/673"),
    ],
)
def test_a_bad_correction_is_refused_and_the_input_kept(past, secretariat_client, secretariat_user, symbol, message):
    _post_summary(secretariat_client, past)
    summary = Summary.objects.get(meeting=past)
    services.issue_summary(summary, "S/2016/673", by=secretariat_user, now=None, issue_date=datetime.date(2016, 8, 4))
    url = reverse("documents:summary_symbol", args=[past.pk])
    response = secretariat_client.post(url, {"symbol": symbol, "confirm": "1"})
    assert response.status_code == 400
    assert message in response.content.decode()
    past.refresh_from_db()
    assert past.symbol == "S/2016/673"


def test_a_symbol_used_by_another_meeting_is_refused(past, secretariat_client, secretariat_user):
    other = mf.make_meeting(past.agenda_year, "Iraq", date=datetime.date(2016, 7, 28))
    Meeting.objects.filter(pk=other.pk).update(symbol="S/2016/683", status=Meeting.Status.PUBLISHED)
    _post_summary(secretariat_client, past)
    summary = Summary.objects.get(meeting=past)
    with pytest.raises(services.InvalidTransition, match="already used by another meeting"):
        services.issue_summary(
            summary, "S/2016/683", by=secretariat_user, now=None, issue_date=datetime.date(2016, 8, 4)
        )


def test_only_the_secretariat_corrects_a_symbol(past, cochair_client, client):
    url = reverse("documents:summary_symbol", args=[past.pk])
    assert client.post(url, {"symbol": "S/2016/683"}).status_code in (302, 403)
    assert cochair_client.post(url, {"symbol": "S/2016/683", "confirm": "1"}).status_code == 403
