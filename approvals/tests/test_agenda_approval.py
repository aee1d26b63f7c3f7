"""Co-chairs approve a year's agenda; any edit to the agenda resets the approvals, with history."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from approvals import services
from approvals.models import AgendaApproval
from meetings.tests import factories

NOW = datetime.datetime(2026, 1, 20, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def agenda(year):
    factories.make_entry(year, "South Sudan")
    factories.make_entry(year, "Afghanistan")
    return year


@pytest.fixture
def greece_user(year):
    return factories.make_user("greece", delegation="Greece")


def approve(client, agenda_year):
    fingerprint = services.agenda_status(agenda_year).fingerprint
    return client.post(reverse("approvals:agenda_approve", args=[agenda_year.year]), {"fingerprint": fingerprint})


def test_cochair_approves_for_their_state(cochair_client, cochair_user, agenda):
    response = approve(cochair_client, agenda)

    assert response.status_code == 302
    approval = AgendaApproval.objects.get()
    assert (approval.member_state.name, approval.approved_by, approval.reset_at) == ("Denmark", cochair_user, None)
    page = cochair_client.get(reverse("meetings:year", args=[2026])).content.decode()
    assert "approved by cochair" in page
    assert "Withdraw the approval of Denmark" in page


def test_agenda_approved_when_every_cochair_approved(cochair_user, greece_user, agenda):
    for user in (cochair_user, greece_user):
        status = services.agenda_status(agenda)
        assert not status.complete
        services.approve_agenda(agenda, by=user, now=NOW, seen_fingerprint=status.fingerprint)

    assert services.agenda_status(agenda).complete


def test_approving_twice_is_refused(cochair_user, agenda):
    fingerprint = services.agenda_status(agenda).fingerprint
    services.approve_agenda(agenda, by=cochair_user, now=NOW, seen_fingerprint=fingerprint)

    with pytest.raises(services.ApprovalError, match="already approved"):
        services.approve_agenda(agenda, by=cochair_user, now=NOW, seen_fingerprint=fingerprint)


def test_approval_of_an_agenda_changed_since_the_page_was_opened_is_refused(cochair_client, agenda):
    seen = services.agenda_status(agenda).fingerprint
    factories.make_entry(agenda, "Haiti")  # someone adds a country meanwhile

    response = cochair_client.post(reverse("approvals:agenda_approve", args=[2026]), {"fingerprint": seen}, follow=True)

    assert not AgendaApproval.objects.exists()
    assert "The agenda changed after you opened the page" in response.content.decode()


@pytest.fixture
def approved(cochair_user, greece_user, agenda):
    for user in (cochair_user, greece_user):
        services.approve_agenda(agenda, by=user, now=NOW, seen_fingerprint=services.agenda_status(agenda).fingerprint)
    return agenda


def _assert_all_reset(by):
    approvals = list(AgendaApproval.objects.all())
    assert len(approvals) == 2
    assert all(a.reset_at is not None and a.reset_by == by for a in approvals)
    assert all(a.reset_reason == "Agenda edited after approval" for a in approvals)


def test_editing_an_agenda_country_resets_the_approvals(secretariat_client, secretariat_user, approved):
    entry = approved.entries.get(situation__name="South Sudan")
    response = secretariat_client.post(
        reverse("meetings:entry_edit", args=[2026, entry.pk]),
        {
            "situation": entry.situation_id,
            "conflict_phase": "transition",
            "rationale_impact": "Mandate renewal",
            "version": entry.version,
        },
    )

    assert response.status_code == 302
    _assert_all_reset(secretariat_user)
    assert not services.agenda_status(approved).complete


def test_adding_an_agenda_country_resets_the_approvals(secretariat_client, secretariat_user, approved):
    haiti = factories.make_situation("Haiti", region="americas")
    response = secretariat_client.post(
        reverse("meetings:entry_create", args=[2026]), {"situation": haiti.pk, "conflict_phase": "at_risk"}
    )

    assert response.status_code == 302
    _assert_all_reset(secretariat_user)


def test_removing_an_agenda_country_resets_the_approvals(secretariat_client, secretariat_user, approved):
    entry = approved.entries.first()
    secretariat_client.post(reverse("meetings:entry_delete", args=[2026, entry.pk]))

    _assert_all_reset(secretariat_user)


def _year_post(agenda_year, **changes):
    data = {
        "year": agenda_year.year,
        "co_chairs": [s.pk for s in agenda_year.co_chairs.all()],
        "penholder": agenda_year.penholder_id,
        "notes": agenda_year.notes,
        "version": agenda_year.version,
    }
    data.update(changes)
    return data


def test_editing_the_year_resets_the_approvals(secretariat_client, secretariat_user, approved):
    response = secretariat_client.post(
        reverse("meetings:year_edit", args=[2026]), _year_post(approved, notes="Penholder changed its mind")
    )

    assert response.status_code == 302
    _assert_all_reset(secretariat_user)


def test_saving_the_year_unchanged_keeps_the_approvals(secretariat_client, approved):
    response = secretariat_client.post(reverse("meetings:year_edit", args=[2026]), _year_post(approved))

    assert response.status_code == 302
    assert AgendaApproval.objects.current().count() == 2
    assert services.agenda_status(approved).complete


def test_reapproval_after_reset_keeps_the_old_rows(cochair_client, secretariat_user, approved):
    factories.make_entry(approved, "Haiti")
    assert services.reset_agenda_approvals(approved, by=secretariat_user) == 2

    approve(cochair_client, approved)

    assert AgendaApproval.objects.filter(member_state__name="Denmark").count() == 2
    assert AgendaApproval.objects.current().get().member_state.name == "Denmark"


def test_cochair_withdraws_their_approval(cochair_client, cochair_user, approved):
    response = cochair_client.post(reverse("approvals:agenda_withdraw", args=[2026]))

    assert response.status_code == 302
    withdrawn = AgendaApproval.objects.get(member_state__name="Denmark")
    assert withdrawn.reset_by == cochair_user
    assert withdrawn.reset_reason == "Withdrawn by Denmark"
    assert AgendaApproval.objects.current().get().member_state.name == "Greece"


@pytest.mark.parametrize(
    ("client_fixture", "status"),
    [("secretariat_client", 403), ("expert_client", 403), ("nonmember_client", 404)],
)
def test_only_cochairs_of_the_year_can_approve(request, agenda, client_fixture, status):
    client = request.getfixturevalue(client_fixture)

    assert approve(client, agenda).status_code == status
    assert client.post(reverse("approvals:agenda_withdraw", args=[2026])).status_code == status
    assert not AgendaApproval.objects.exists()


def test_cochair_of_another_year_cannot_approve(client, other_cochair_user, agenda):
    client.force_login(other_cochair_user)

    assert approve(client, agenda).status_code == 404
    assert not AgendaApproval.objects.exists()


def test_anonymous_is_sent_to_sign_in(client, agenda):
    response = approve(client, agenda)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_history_lists_approvals_and_resets(secretariat_client, secretariat_user, approved):
    entry = approved.entries.get(situation__name="South Sudan")
    entry.rationale_impact = "Elections ahead"
    entry.save()
    services.reset_agenda_approvals(approved, by=secretariat_user, now=timezone.now())

    page = secretariat_client.get(reverse("approvals:agenda_history", args=[2026])).content.decode()

    assert "Approved by Denmark" in page
    assert "Agenda edited after approval" in page
    assert "Elections ahead" in page


def test_history_is_for_the_secretariat_only(cochair_client, agenda):
    assert cochair_client.get(reverse("approvals:agenda_history", args=[2026])).status_code == 403


@pytest.mark.parametrize("rows", [2, 6])
def test_year_page_with_approvals_queries_constant(secretariat_client, year, rows, django_assert_max_num_queries):
    for i in range(rows):
        factories.make_entry(year, f"Situation {i}")
    # the meetings page's own queries, plus one for the current approvals
    with django_assert_max_num_queries(11):
        response = secretariat_client.get(reverse("meetings:year", args=[2026]))
    assert "agenda-approval-heading" in response.content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_history_queries_constant_as_entries_change(
    secretariat_client, secretariat_user, agenda, rows, django_assert_max_num_queries
):
    for i in range(rows):  # a new agenda country, then an edit of it: two history records each
        entry = factories.make_entry(agenda, f"Situation {i}")
        entry._history_user = secretariat_user
        entry.rationale_impact = f"Reason {i}"
        entry.save()
    # what the page takes with the fixture's two countries: session, user, secretariat check; the year; its
    # history, its entries' (with their countries) and its approvals', with who changed them; the co-chair rows
    # of the year's records; the objects' labels; the names in the changes
    with django_assert_max_num_queries(14):
        response = secretariat_client.get(reverse("approvals:agenda_history", args=[2026]))
    assert response.status_code == 200
    assert f"Reason {rows - 1}" in response.content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_history_queries_constant_as_the_year_changes(
    secretariat_client, secretariat_user, agenda, rows, django_assert_max_num_queries
):
    for i in range(rows):
        agenda._history_user = secretariat_user
        agenda.notes = f"Notes {i}"
        agenda.save()
    # as above
    with django_assert_max_num_queries(14):
        response = secretariat_client.get(reverse("approvals:agenda_history", args=[2026]))
    assert response.status_code == 200
    assert f"Notes {rows - 1}" in response.content.decode()
