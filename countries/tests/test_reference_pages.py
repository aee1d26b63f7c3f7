"""The reference-data pages: permanent representatives and missions, read by everyone signed in, edited by the
secretariat; expired mandates stay in view, marked expired."""

from __future__ import annotations

import datetime
import string

import pytest
from django.urls import reverse

from countries.models import MemberState, Mission, PermanentRepresentative
from meetings.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 12, 0), tick=False)
    return datetime.date(2026, 12, 1)


def _mission(acronym="UNAMID", expiry=datetime.date(2020, 12, 31), **fields):
    situation = factories.make_situation("Sudan")
    return Mission.objects.create(acronym=acronym, situation=situation, kind="pko", mandate_expiry=expiry, **fields)


# Expired mandates: marked, not dropped.


def test_situation_list_shows_a_closed_mission_with_an_expired_mandate_as_expired(expert_client, today):
    # As load_demo stores it: a mandate that ran out before this year belongs to a mission marked inactive.
    _mission("UNAMID", datetime.date(2020, 12, 31), active=False)
    _mission("UNITAMS", datetime.date(2026, 2, 29 - 1))  # expired this year, still marked active

    page = expert_client.get(reverse("countries:situations")).content.decode()

    assert "UNAMID" in page
    assert "expired on 31 Dec 2020" in page
    assert "expired on 28 Feb 2026" in page


def test_mission_running_today_is_not_marked_expired(expert_client, today):
    _mission("UNMISS", datetime.date(2026, 12, 1))  # the mandate runs to the end of its expiry day

    for url in (reverse("countries:situations"), reverse("countries:missions")):
        page = expert_client.get(url).content.decode()
        assert "UNMISS" in page
        assert "expired on" not in page


def test_situation_detail_marks_expired_mandates(expert_client, today):
    mission = _mission("UNAMID", datetime.date(2020, 12, 31), active=False)

    page = expert_client.get(reverse("countries:situation", args=[mission.situation_id])).content.decode()

    assert "expired on 31 Dec 2020" in page
    assert "closed" in page


def test_mission_list_keeps_expired_and_closed_missions(expert_client, today):
    _mission("UNAMID", datetime.date(2020, 12, 31), active=False)
    _mission("UNMISS", datetime.date(2027, 4, 30))

    page = expert_client.get(reverse("countries:missions")).content.decode()

    assert "UNAMID" in page and "expired on 31 Dec 2020" in page
    assert "UNMISS" in page and "30 Apr 2027" in page
    # Council experts read, they do not edit.
    assert reverse("countries:mission_create") not in page
    assert "/edit/" not in page


# Reading and editing rights.


@pytest.mark.parametrize("name", ["countries:mission_create", "countries:representative_create"])
def test_only_the_secretariat_opens_the_forms(name, expert_client, cochair_client, nonmember_client, client):
    for other in (expert_client, cochair_client, nonmember_client):
        assert other.get(reverse(name)).status_code == 403
        assert other.post(reverse(name), {"name": "x"}).status_code == 403
    assert client.get(reverse(name)).status_code == 302  # the sign-in page


def test_secretariat_sees_edit_and_history_links(secretariat_client, today):
    mission = _mission("UNMISS", datetime.date(2027, 4, 30))

    page = secretariat_client.get(reverse("countries:missions")).content.decode()

    assert reverse("countries:mission_edit", args=[mission.pk]) in page
    assert reverse("countries:mission_history", args=[mission.pk]) in page


# Missions: form, stale save, history.


def _mission_data(mission=None, **overrides):
    situation = mission.situation if mission else factories.make_situation("South Sudan")
    data = {
        "acronym": "UNMISS",
        "name": "United Nations Mission in South Sudan",
        "situation": situation.pk,
        "kind": "pko",
        "mandate_expiry": "2027-04-30",
        "renewal_note": "April",
        "active": "on",
    }
    if mission is not None:
        data["version"] = mission.version
    return data | overrides


def test_secretariat_adds_a_mission(secretariat_client, secretariat_user):
    response = secretariat_client.post(reverse("countries:mission_create"), _mission_data())

    assert response.status_code == 302
    mission = Mission.objects.get(acronym="UNMISS")
    assert mission.mandate_expiry == datetime.date(2027, 4, 30)
    assert mission.version == 1
    assert mission.history.get().history_user == secretariat_user


def test_mission_edit_is_credited_and_shown_in_history(secretariat_client, secretariat_user):
    mission = _mission("UNMISS", datetime.date(2026, 4, 30))

    response = secretariat_client.post(
        reverse("countries:mission_edit", args=[mission.pk]), _mission_data(mission, mandate_expiry="2027-04-30")
    )

    assert response.status_code == 302
    mission.refresh_from_db()
    assert mission.mandate_expiry == datetime.date(2027, 4, 30)
    assert mission.version == 2
    page = secretariat_client.get(reverse("countries:mission_history", args=[mission.pk])).content.decode()
    assert "<strong>mandate expires</strong>" in page.lower()
    assert '<td data-label="Who">sec</td>' in page  # who acted
    assert "2027</ins>" in page


def test_stale_mission_save_is_refused_and_keeps_the_input(secretariat_client):
    mission = _mission("UNMISS", datetime.date(2026, 4, 30))
    opened = mission.version
    Mission.objects.filter(pk=mission.pk).update(renewal_note="Changed by someone else", version=opened + 1)

    response = secretariat_client.post(
        reverse("countries:mission_edit", args=[mission.pk]),
        _mission_data(mission, renewal_note="My typed note", version=opened),
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this mission" in page
    assert "My typed note" in page
    mission.refresh_from_db()
    assert mission.renewal_note == "Changed by someone else"
    # Saving again, having seen the message, deliberately replaces the other change.
    again = secretariat_client.post(
        reverse("countries:mission_edit", args=[mission.pk]),
        _mission_data(mission, renewal_note="My typed note", version=response.context["form"].data["version"]),
    )
    assert again.status_code == 302
    mission.refresh_from_db()
    assert mission.renewal_note == "My typed note"


def test_mission_edit_without_a_version_is_refused(secretariat_client):
    mission = _mission("UNMISS", datetime.date(2026, 4, 30))
    data = _mission_data(mission, renewal_note="Unchecked")
    del data["version"]

    response = secretariat_client.post(reverse("countries:mission_edit", args=[mission.pk]), data)

    assert response.status_code == 200
    mission.refresh_from_db()
    assert mission.renewal_note != "Unchecked"


@pytest.mark.parametrize(
    "overrides",
    [
        {"acronym": "UN\x00MISS"},
        {"mandate_expiry": "2026-02-30"},
        {"mandate_expiry": "99999-01-01"},
        {"mandate_expiry": "1900-01-01"},
        {"situation": "not-a-number"},
        {"kind": "x" * 10_000},
        {"version": "9" * 40},
    ],
)
def test_bad_mission_input_is_a_form_error_with_the_input_kept(secretariat_client, overrides):
    response = secretariat_client.post(
        reverse("countries:mission_create"), _mission_data(renewal_note="Typed text kept", **overrides)
    )

    assert response.status_code == 200
    assert "Typed text kept" in response.content.decode()
    assert not Mission.objects.exists()


def test_duplicate_acronym_is_a_form_error(secretariat_client):
    _mission("UNMISS", datetime.date(2026, 4, 30))

    response = secretariat_client.post(reverse("countries:mission_create"), _mission_data())

    assert response.status_code == 200
    assert Mission.objects.count() == 1


# Permanent representatives.


def _pr_data(pr=None, **overrides):
    state = pr.member_state if pr else factories.make_state("Ireland")
    data = {
        "member_state": state.pk,
        "given_names": "Geraldine",
        "surname": "Byrne Nason",
        "title": "Permanent Representative",
        "ambassador": "on",
        "start_date": "2017-09-01",
        "end_date": "",
    }
    if pr is not None:
        data["version"] = pr.version
    return data | overrides


def test_secretariat_adds_and_ends_a_representative_term(secretariat_client, secretariat_user, today):
    response = secretariat_client.post(reverse("countries:representative_create"), _pr_data())
    assert response.status_code == 302
    pr = PermanentRepresentative.objects.get()
    assert pr.end_date is None
    # Split as signed (“Geraldine Byrne **Nason**” would be wrong: the surname is “Byrne Nason”).
    assert (pr.given_names, pr.surname, pr.title, pr.ambassador) == (
        "Geraldine",
        "Byrne Nason",
        "Permanent Representative",
        True,
    )

    response = secretariat_client.post(
        reverse("countries:representative_edit", args=[pr.pk]), _pr_data(pr, end_date="2022-08-31")
    )

    assert response.status_code == 302
    pr.refresh_from_db()
    assert pr.end_date == datetime.date(2022, 8, 31)
    assert [h.history_user for h in pr.history.all()] == [secretariat_user, secretariat_user]
    page = secretariat_client.get(reverse("countries:representatives")).content.decode()
    assert 'Geraldine <strong class="surname">Byrne Nason</strong>' in page
    assert "until 31 Aug 2022" in page and "former" in page
    history = secretariat_client.get(reverse("countries:representative_history", args=[pr.pk])).content.decode()
    assert "In office until" in history or "in office until" in history


def test_representative_form_explains_the_bold_surname_and_offers_titles(secretariat_client):
    page = secretariat_client.get(reverse("countries:representative_create")).content.decode()

    assert "printed in bold" in page
    assert 'name="given_names"' in page and 'name="surname"' in page and 'name="ambassador"' in page
    assert 'list="signing-titles"' in page
    for title in ("Permanent Representative", "Chargé d&#x27;affaires a.i.", "Deputy Permanent Representative"):
        assert f'<option value="{title}">' in page


def test_a_charge_d_affaires_without_the_ambassador_line(secretariat_client):
    data = _pr_data(given_names="Jonathan", surname="Allen", title="Chargé d'affaires a.i.")
    del data["ambassador"]  # an unticked box is not posted

    response = secretariat_client.post(reverse("countries:representative_create"), data)

    assert response.status_code == 302
    pr = PermanentRepresentative.objects.get()
    assert (pr.title, pr.ambassador) == ("Chargé d'affaires a.i.", False)
    page = secretariat_client.get(reverse("countries:representatives")).content.decode()
    assert "Chargé d&#x27;affaires a.i." in page


def test_names_and_title_are_kept_on_one_line(secretariat_client):
    response = secretariat_client.post(
        reverse("countries:representative_create"),
        _pr_data(given_names="  Juan\n Ramón ", surname="de la  Fuente\tRamírez", title=" Permanent  Representative"),
    )

    assert response.status_code == 302
    pr = PermanentRepresentative.objects.get()
    assert (pr.given_names, pr.surname, pr.title) == ("Juan Ramón", "de la Fuente Ramírez", "Permanent Representative")
    assert pr.name == "Juan Ramón de la Fuente Ramírez"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "Ambassador of Ireland to the United Nations"}, "is a rank, not the office signed under"),
        ({"title": "Ambassador"}, "is a rank, not the office signed under"),
        ({"title": "   "}, "This field is required"),
        ({"surname": "   "}, "This field is required"),
        ({"surname": ""}, "This field is required"),
        ({"surname": "x" * 121}, "at most 120 characters"),
        ({"surname": "Byrne\x00Nason"}, "Null characters are not allowed"),
        ({"start_date": "2017-02-30"}, "Enter a valid date"),
        ({"start_date": "1900-01-01"}, "between 1945 and 2100"),
        ({"member_state": "99999999999999999999"}, "Select a valid choice"),
        ({"version": "9" * 40}, "less than or equal to"),
    ],
)
def test_bad_representative_input_is_a_form_error_with_the_input_kept(secretariat_client, overrides, message):
    response = secretariat_client.post(
        reverse("countries:representative_create"), _pr_data(given_names="Typed given names kept", **overrides)
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Typed given names kept" in page
    assert not PermanentRepresentative.objects.exists()


def test_representative_end_before_start_is_refused(secretariat_client):
    response = secretariat_client.post(
        reverse("countries:representative_create"), _pr_data(start_date="2020-01-01", end_date="2019-01-01")
    )

    assert response.status_code == 200
    assert "cannot be before its start" in response.content.decode()
    assert not PermanentRepresentative.objects.exists()


def test_stale_representative_save_is_refused(secretariat_client):
    pr = PermanentRepresentative.objects.create(
        member_state=factories.make_state("Ireland"),
        given_names="Some",
        surname="One",
        start_date=datetime.date(2017, 9, 1),
    )
    PermanentRepresentative.objects.filter(pk=pr.pk).update(version=pr.version + 1)

    response = secretariat_client.post(
        reverse("countries:representative_edit", args=[pr.pk]), _pr_data(pr, surname="Typed surname")
    )

    assert response.status_code == 200
    assert "Typed surname" in response.content.decode()
    pr.refresh_from_db()
    assert pr.surname == "One"


def test_representative_edit_page_links_its_history(secretariat_client, secretariat_user):
    pr = PermanentRepresentative.objects.create(
        member_state=factories.make_state("Spain"), given_names="Román", surname="Oyarzun", start_date="2014-01-01"
    )

    page = secretariat_client.get(reverse("countries:representative_edit", args=[pr.pk])).content.decode()
    assert reverse("countries:representative_history", args=[pr.pk]) in page
    assert 'value="Oyarzun"' in page
    response = secretariat_client.post(
        reverse("countries:representative_edit", args=[pr.pk]),
        _pr_data(pr, given_names="Román", surname="Oyarzun Marchesi", start_date="2014-01-01"),
    )
    assert response.status_code == 302
    history = secretariat_client.get(reverse("countries:representative_history", args=[pr.pk])).content.decode()
    assert "<strong>surname</strong>" in history
    assert "<del>Oyarzun</del>" in history and "<ins>Oyarzun Marchesi</ins>" in history
    assert '<td data-label="Who">sec</td>' in history


@pytest.mark.parametrize("name", ["countries:representative_edit", "countries:representative_history"])
def test_only_the_secretariat_edits_a_representative_or_reads_its_history(
    name, expert_client, cochair_client, nonmember_client, client
):
    pr = PermanentRepresentative.objects.create(
        member_state=factories.make_state("Spain"), given_names="Román", surname="Oyarzun", start_date="2014-01-01"
    )
    url = reverse(name, args=[pr.pk])
    for other in (expert_client, cochair_client, nonmember_client):
        assert other.get(url).status_code == 403
        assert other.post(url, {"surname": "x"}).status_code in (403, 405)
    assert client.get(url).status_code == 302
    pr.refresh_from_db()
    assert pr.surname == "Oyarzun"


def test_representative_search_with_a_nul_byte_does_not_fail(expert_client):
    response = expert_client.get(reverse("countries:representatives"), {"q": "Ire\x00land"})

    assert response.status_code == 200


# Query counts: the same bound at 10 and 200 rows.


@pytest.mark.parametrize("rows", [10, 200])
def test_mission_list_queries_constant(secretariat_client, rows, django_assert_max_num_queries):
    for i in range(rows):
        situation = factories.make_situation(f"Situation {i}")
        Mission.objects.create(
            acronym=f"M{i:03}", situation=situation, kind="pko", mandate_expiry=datetime.date(2020 + i % 10, 1, 1)
        )
    # session, user, secretariat check, count, the page of missions with their situation
    with django_assert_max_num_queries(6):
        response = secretariat_client.get(reverse("countries:missions"))
    assert response.status_code == 200
    assert "M009" in response.content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_representative_list_queries_constant(secretariat_client, rows, django_assert_max_num_queries):
    letters = string.ascii_uppercase
    for i in range(rows):
        state = MemberState.objects.create(name=f"State {i:03}", iso3="Z" + letters[i // 26] + letters[i % 26])
        PermanentRepresentative.objects.create(
            member_state=state, given_names="Given", surname=f"Surname {i:03}", start_date=datetime.date(2020, 1, 1)
        )
    # session, user, secretariat check, count, the page of representatives with their state
    with django_assert_max_num_queries(6):
        response = secretariat_client.get(reverse("countries:representatives"))
    assert response.status_code == 200
    assert 'Given <strong class="surname">Surname 009</strong>' in response.content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_reference_history_queries_constant(secretariat_client, secretariat_user, rows, django_assert_max_num_queries):
    mission = _mission("UNMISS", datetime.date(2026, 4, 30))
    for i in range(rows):
        mission._history_user = secretariat_user
        mission.renewal_note = f"Note {i}"
        mission.save()
    # session, user, secretariat check, the mission, its history with users, the situations named in it
    with django_assert_max_num_queries(7):
        response = secretariat_client.get(reverse("countries:mission_history", args=[mission.pk]))
    assert response.status_code == 200
    assert f"Note {rows - 1}" in response.content.decode()
