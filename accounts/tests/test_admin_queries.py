"""The Django admin's list of users runs the same number of queries for 5 users as for 60."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import User
from countries.models import MemberState


def _add_users(n: int, start: int) -> None:
    for i in range(start, start + n):
        state = MemberState.objects.create(name=f"State {i}", iso3=f"X{i:02d}")
        User.objects.create_user(username=f"person{i}", email=f"person{i}@example.org", delegation=state)


@pytest.mark.parametrize("users", [5, 60])
def test_the_user_list_runs_constant_queries(db, users, django_assert_max_num_queries):
    admin = User.objects.create_superuser("root", "root@example.org", "pw")
    _add_users(users, 0)
    client = Client()
    client.force_login(admin)
    with django_assert_max_num_queries(12):
        response = client.get("/admin/accounts/user/")
    assert response.status_code == 200
    assert b"State 3" in response.content
