"""An edit to the agenda and the reset of the approvals it outdates happen in one transaction: if the reset
fails, the edit is not saved either (the year's fields and its co-chairs alike), so no approval stands beside an
agenda it did not see."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from approvals import services
from approvals.models import AgendaApproval
from meetings.models import AgendaEntry
from meetings.tests import factories

NOW = datetime.datetime(2026, 1, 20, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def approved(year, cochair_user):
    factories.make_entry(year, "South Sudan")
    greece = factories.make_user("greece", delegation="Greece")
    for user in (cochair_user, greece):
        services.approve_agenda(year, by=user, now=NOW, seen_fingerprint=services.agenda_status(year).fingerprint)
    return year


@pytest.fixture
def reset_fails(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("the reset failed")

    monkeypatch.setattr(services, "reset_outdated", fail)


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


def test_a_year_edit_whose_reset_fails_saves_nothing(secretariat_client, approved, reset_fails):
    spain = factories.make_state("Spain")
    before = (approved.notes, approved.version, sorted(approved.co_chairs.values_list("name", flat=True)))
    post = _year_post(approved, notes="Changed", co_chairs=[*_year_post(approved)["co_chairs"], spain.pk])

    with pytest.raises(RuntimeError):
        secretariat_client.post(reverse("meetings:year_edit", args=[2026]), post)

    approved.refresh_from_db()
    assert (approved.notes, approved.version, sorted(approved.co_chairs.values_list("name", flat=True))) == before
    assert AgendaApproval.objects.current().count() == 2


def test_adding_a_country_whose_reset_fails_saves_nothing(secretariat_client, approved, reset_fails):
    haiti = factories.make_situation("Haiti", region="americas")

    with pytest.raises(RuntimeError):
        secretariat_client.post(
            reverse("meetings:entry_create", args=[2026]), {"situation": haiti.pk, "conflict_phase": "at_risk"}
        )

    assert not AgendaEntry.objects.filter(situation=haiti).exists()


def test_removing_a_country_whose_reset_fails_keeps_it(secretariat_client, approved, reset_fails):
    entry = approved.entries.get()

    with pytest.raises(RuntimeError):
        secretariat_client.post(reverse("meetings:entry_delete", args=[2026, entry.pk]))

    assert AgendaEntry.objects.filter(pk=entry.pk).exists()


def test_the_services_save_and_reset_together(approved, secretariat_user):
    approved.notes = "Changed"
    services.save_agenda_year(approved, expected_version=approved.version, by=secretariat_user)
    assert not AgendaApproval.objects.current().exists()

    entry = approved.entries.get()
    services.remove_agenda_entry(entry, by=secretariat_user)
    assert not approved.entries.exists()
    assert set(AgendaApproval.objects.values_list("reset_by", flat=True)) == {secretariat_user.pk}
