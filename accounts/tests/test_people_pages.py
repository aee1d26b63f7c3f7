"""The secretariat's list of people and roles, and each account's history."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import User
from meetings.tests import factories


def test_people_list_shows_roles(secretariat_client, expert_user, cochair_user):
    page = secretariat_client.get(reverse("accounts:user_list")).content.decode()

    assert "France" in page
    assert "Denmark" in page
    assert "Secretariat" in page


def test_people_list_search(secretariat_client, expert_user, cochair_user):
    page = secretariat_client.get(reverse("accounts:user_list"), {"q": "expert"}).content.decode()

    assert "France" in page
    assert "Denmark" not in page


@pytest.mark.parametrize("rows", [10, 200])
def test_people_list_queries_constant(secretariat_client, rows, django_assert_max_num_queries):
    group = Group.objects.create(name="Readers")
    for i in range(rows):
        factories.make_user(f"person{i}", delegation="France" if i % 2 else None).groups.add(group)
    # session, user, secretariat check, count, page of users with delegation, their groups
    with django_assert_max_num_queries(7):
        response = secretariat_client.get(reverse("accounts:user_list"))
    assert response.status_code == 200


def test_user_history_shows_who_changed_what(secretariat_client, secretariat_user, expert_user):
    expert_user._history_user = secretariat_user
    expert_user.delegation = factories.make_state("Ireland")
    expert_user.job_title = "First Secretary"
    expert_user.save()
    expert_user.groups.add(Group.objects.get_or_create(name="Secretariat")[0])

    page = secretariat_client.get(reverse("accounts:user_history", args=[expert_user.pk])).content.decode()

    assert "First Secretary" in page
    assert "Ireland" in page
    assert "<del>France</del>" in page  # the old value, by name
    assert "<ins>Ireland</ins>" in page
    assert "<ins>Secretariat</ins>" in page  # group membership is history too
    assert "sec" in page  # who
    assert "password" not in page.lower().replace("passwords are never recorded", "")


@pytest.mark.parametrize("client_fixture", ["cochair_client", "expert_client", "nonmember_client"])
def test_people_pages_are_for_the_secretariat_only(request, client_fixture, expert_user):
    client = request.getfixturevalue(client_fixture)

    assert client.get(reverse("accounts:user_list")).status_code == 403
    assert client.get(reverse("accounts:user_history", args=[expert_user.pk])).status_code == 403


def test_history_survives_password_changes_without_recording_them(db):
    user = factories.make_user("someone")
    user.set_password("another long passphrase here")
    user.save()

    assert not hasattr(User.history.model, "password")


@pytest.mark.parametrize("rows", [10, 200])
def test_user_history_queries_constant(
    secretariat_client, secretariat_user, expert_user, rows, django_assert_max_num_queries
):
    states = [factories.make_state(name) for name in ("Ireland", "Norway", "Chile")]
    groups = [Group.objects.create(name=f"Readers {i}") for i in range(3)]
    expert_user._history_user = secretariat_user
    for i in range(rows):
        expert_user.delegation = states[i % 3]
        expert_user.job_title = f"Title {i}"
        expert_user.save()
        expert_user.groups.set([groups[i % 3]])  # a membership change: one more history record
    # session, user, secretariat check; the person; history rows with who changed them; the person's
    # unrecorded fields (password, last login) for its label; the historical group rows of every record (one
    # query); the states and groups named in the changes (one query per related model)
    with django_assert_max_num_queries(9):
        response = secretariat_client.get(reverse("accounts:user_history", args=[expert_user.pk]))
    assert response.status_code == 200
    assert f"Title {rows - 1}" in response.content.decode()
