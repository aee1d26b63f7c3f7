import datetime
import string

import pytest
from django.urls import reverse

from countries.models import CouncilMembership, MemberState, Mission, PermanentRepresentative
from meetings.tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [10, 200])
def test_situation_list_queries_constant(secretariat_client, rows, django_assert_max_num_queries):
    for i in range(rows):
        situation = factories.make_situation(f"Situation {i}")
        Mission.objects.create(acronym=f"M{i}", situation=situation, kind="pko")
    with django_assert_max_num_queries(6):
        response = secretariat_client.get(reverse("countries:situations"))
    assert response.status_code == 200
    assert b"M199" in response.content or rows == 10


def test_situation_detail_lists_missions_and_visible_meetings(expert_client, meeting):
    Mission.objects.create(acronym="UNMISS", situation=meeting.situation, kind="pko", mandate_expiry="2027-04-30")
    response = expert_client.get(reverse("countries:situation", args=[meeting.situation.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "UNMISS" in html and "30 Apr 2027" in html
    assert meeting.get_absolute_url() in html


def test_member_states_show_representative_as_of_today(secretariat_client, time_machine):
    time_machine.move_to(datetime.datetime(2016, 6, 1, 12, 0))
    client_user = secretariat_client
    spain = factories.make_state("Spain")
    PermanentRepresentative.objects.create(
        member_state=spain, given_names="Román", surname="Oyarzun", start_date="2014-01-01"
    )
    PermanentRepresentative.objects.create(
        member_state=spain, given_names="Someone", surname="Later", start_date="2019-01-01"
    )
    from accounts.models import User

    client_user.force_login(User.objects.get(username="sec"))
    response = client_user.get(reverse("countries:member_states"))
    html = response.content.decode()
    assert "Román Oyarzun" in html
    assert "Someone Later" not in html


def test_anonymous_cannot_read_reference_pages(client):
    assert client.get(reverse("countries:situations")).status_code == 302


@pytest.mark.parametrize("rows", [10, 200])
def test_situation_detail_queries_constant(expert_client, year, other_year, rows, django_assert_max_num_queries):
    situation = factories.make_situation("South Sudan")
    Mission.objects.bulk_create(
        Mission(acronym=f"M{i}", situation=situation, kind="pko", mandate_expiry=datetime.date(2027, 1, 1))
        for i in range(rows)
    )
    for i in range(rows):  # half in 2026 (visible to France), half in 2019 (France sat on the Council then too)
        factories.make_meeting(
            year if i % 2 else other_year, situation, date=datetime.date(2026 if i % 2 else 2019, 1, 1 + i % 28)
        )
    # session, user, role checks (secretariat, co-chair years, Council years); the situation; missions;
    # meetings (with their year and next deadline)
    with django_assert_max_num_queries(10):  # +1: the menu asks if the user is a Network focal point
        response = expert_client.get(reverse("countries:situation", args=[situation.pk]))
    assert response.status_code == 200
    assert f"M{rows - 1}" in response.content.decode()
    assert len(response.context["meetings"]) == rows


@pytest.mark.parametrize("rows", [10, 200])
def test_member_state_list_queries_constant(expert_client, rows, django_assert_max_num_queries):
    letters = string.ascii_uppercase
    for i in range(rows):
        state = MemberState.objects.create(name=f"State {i}", iso3="Z" + letters[i // 26] + letters[i % 26])
        PermanentRepresentative.objects.create(
            member_state=state, given_names="Given", surname=f"Surname {i}", start_date=datetime.date(2020, 1, 1)
        )
        CouncilMembership.objects.create(member_state=state, year=2019 + i % 8)
    # session, user, the header's role checks; states; their current representatives; their Council seats
    with django_assert_max_num_queries(8):  # +1: the menu asks if the user is a Network focal point
        response = expert_client.get(reverse("countries:member_states"))
    assert response.status_code == 200
    assert f"Given Surname {rows - 1}" in response.content.decode()
