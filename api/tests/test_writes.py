"""The API's two writes: a step marked done, a recommendation's status changed; through the pages' services."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from api import tokens
from meetings.models import TimelineStep
from recommendations.models import Recommendation
from recommendations.tests import factories as rec

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    _token, secret = tokens.create_token(user, name="script", days=30)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


def _step(meeting, responsible):
    return meeting.steps.filter(responsible=responsible, state="open").order_by("due").first()


def test_the_secretariat_marks_a_step_done_credited_to_the_token_owner(meeting, secretariat_user):
    step = _step(meeting, TimelineStep.Responsible.SECRETARIAT)
    answer = _post(_client(secretariat_user), f"/api/v1/steps/{step.pk}/done", {"version": step.version, "note": "ok"})
    assert answer.status_code == 200, answer.content
    assert answer.json()["state"] == "done"
    step.refresh_from_db()
    assert step.state == "done" and step.done_by == secretariat_user and step.note == "ok"
    assert step.history.first().history_user == secretariat_user


def test_a_step_changed_since_it_was_read_is_refused(meeting, secretariat_user):
    step = _step(meeting, TimelineStep.Responsible.SECRETARIAT)
    answer = _post(_client(secretariat_user), f"/api/v1/steps/{step.pk}/done", {"version": step.version + 1})
    assert answer.status_code == 409 and answer.json()["detail"]
    step.refresh_from_db()
    assert step.state == "open"


def test_a_step_done_twice_or_in_the_future_is_a_clear_400(meeting, secretariat_user):
    client = _client(secretariat_user)
    step = _step(meeting, TimelineStep.Responsible.SECRETARIAT)
    future = (datetime.date(2026, 12, 1) + datetime.timedelta(days=3)).isoformat()
    answer = _post(client, f"/api/v1/steps/{step.pk}/done", {"version": step.version, "done_on": future})
    assert answer.status_code == 400 and "after today" in answer.json()["detail"]
    assert _post(client, f"/api/v1/steps/{step.pk}/done", {"version": step.version}).status_code == 200
    again = _post(client, f"/api/v1/steps/{step.pk}/done", {"version": step.version + 1})
    assert again.status_code == 400 and "already" in again.json()["detail"]


def test_who_may_mark_a_step_done(meeting, cochair_user, expert_user, other_cochair_user):
    secretariat_step = _step(meeting, TimelineStep.Responsible.SECRETARIAT)
    cochairs_step = _step(meeting, TimelineStep.Responsible.CO_CHAIRS)
    url = "/api/v1/steps/{}/done"
    # The year's co-chairs their own steps, not the secretariat's; a Council expert none; another year's co-chair
    # does not even see the meeting.
    assert _post(_client(cochair_user), url.format(secretariat_step.pk), {"version": 1}).status_code == 403
    assert _post(_client(expert_user), url.format(cochairs_step.pk), {"version": 1}).status_code == 403
    assert _post(_client(other_cochair_user), url.format(cochairs_step.pk), {"version": 1}).status_code == 404
    answer = _post(_client(cochair_user), url.format(cochairs_step.pk), {"version": cochairs_step.version})
    assert answer.status_code == 200, answer.content
    assert Client().post(url.format(cochairs_step.pk), {}, content_type="application/json").status_code == 401


def test_a_malformed_body_is_a_400_listing_the_fields(meeting, secretariat_user):
    step = _step(meeting, TimelineStep.Responsible.SECRETARIAT)
    answer = _post(_client(secretariat_user), f"/api/v1/steps/{step.pk}/done", {"version": "many", "done_on": "soon"})
    assert answer.status_code == 400
    assert {e["field"] for e in answer.json()["errors"]} == {"version", "done_on"}


def test_the_secretariat_changes_a_status_with_its_evidence(meeting, secretariat_user):
    recommendation = rec.make_recommendation(meeting, status="presented")
    Recommendation.objects.filter(pk=recommendation.pk).update(version=3)
    meeting.date = datetime.date(2026, 11, 2)
    meeting.save()
    body = {
        "to_status": "acted_on",
        "changed_on": "2026-11-30",
        "version": 3,
        "resolution_symbol": "S/RES/2800 (2026)",
        "operative_paragraph": "12",
    }
    answer = _post(_client(secretariat_user), f"/api/v1/recommendations/{recommendation.pk}/status", body)
    assert answer.status_code == 200, answer.content
    data = answer.json()
    assert data["status"] == "acted_on"
    assert data["status_changes"][-1]["resolution_symbol"] == "S/RES/2800 (2026)"
    recommendation.refresh_from_db()
    assert recommendation.status == "acted_on"
    assert recommendation.status_changes.get().changed_by == secretariat_user
    assert recommendation.history.first().history_user == secretariat_user


def _presented(meeting):
    """A presented recommendation of ``meeting`` (held on 2 November), its status URL and its version."""
    meeting.date = datetime.date(2026, 11, 2)
    meeting.save()
    recommendation = rec.make_recommendation(meeting, status="presented")
    version = Recommendation.objects.get(pk=recommendation.pk).version
    return recommendation, f"/api/v1/recommendations/{recommendation.pk}/status", version


def test_a_status_change_the_workflow_refuses_says_why(meeting, secretariat_user):
    recommendation, url, version = _presented(meeting)
    client = _client(secretariat_user)
    no_evidence = _post(client, url, {"to_status": "acted_on", "changed_on": "2026-12-01", "version": version})
    assert no_evidence.status_code == 400 and "evidence" in no_evidence.json()["detail"]
    unknown = _post(client, url, {"to_status": "adopted", "changed_on": "2026-12-01", "version": version})
    assert unknown.status_code == 400
    future = _post(client, url, {"to_status": "withdrawn", "changed_on": "2027-01-01", "version": version})
    assert future.status_code == 400
    stale = _post(client, url, {"to_status": "withdrawn", "changed_on": "2026-12-01", "version": version + 1})
    assert stale.status_code == 409
    assert Recommendation.objects.get(pk=recommendation.pk).status == "presented"


def test_evidence_dated_in_the_future_or_after_the_change_is_refused_as_on_the_page(meeting, secretariat_user):
    """The page refused both; the API took them (its date rule was its own): the service holds all three now."""
    recommendation, url, version = _presented(meeting)
    client = _client(secretariat_user)
    base = {"to_status": "acted_on", "changed_on": "2026-11-20", "version": version, "resolution_symbol": "S/RES/1"}
    future = _post(client, url, {**base, "evidence_date": "2026-12-24"})
    assert future.status_code == 400 and "future" in future.json()["detail"]
    after = _post(client, url, {**base, "evidence_date": "2026-11-25"})
    assert after.status_code == 400 and "after the change" in after.json()["detail"]
    assert Recommendation.objects.get(pk=recommendation.pk).status == "presented"
    assert _post(client, url, {**base, "evidence_date": "2026-11-19"}).status_code == 200


def test_only_the_secretariat_changes_a_status(meeting, cochair_user):
    recommendation = rec.make_recommendation(meeting, status="presented")
    body = {"to_status": "withdrawn", "changed_on": "2026-12-01", "version": 1}
    answer = _post(_client(cochair_user), f"/api/v1/recommendations/{recommendation.pk}/status", body)
    assert answer.status_code == 403


def test_a_nul_character_is_bad_input_not_a_server_error(meeting, secretariat_user):
    """Schemathesis found it on PostgreSQL, which stores no NUL: a filter or a body field holding one is a 400."""
    client = _client(secretariat_user)
    answer = client.get("/api/v1/recommendations", {"mission": "UN\x00MISS"})
    assert answer.status_code == 400 and answer.json()["errors"][0]["field"] == "mission"
    step = _step(meeting, TimelineStep.Responsible.SECRETARIAT)
    answer = _post(client, f"/api/v1/steps/{step.pk}/done", {"version": step.version, "note": "a\x00b"})
    assert answer.status_code == 400
    step.refresh_from_db()
    assert step.state == "open"
