"""An account saved by the service outside a request is credited to its ``by``."""

from __future__ import annotations

from accounts import services
from accounts.models import User


def test_save_user_credits_by(secretariat_user):
    person = User(username="newcomer", email="newcomer@example.org")
    services.save_user(person, expected_version=None, secretariat=True, by=secretariat_user)
    assert {h.history_user for h in person.history.all()} == {secretariat_user}
