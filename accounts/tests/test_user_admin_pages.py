"""The secretariat manages people in the app: creates accounts (the person sets their own password from an
emailed link, sent only after a confirmation), edits them, their Secretariat role and delegation, deactivates them."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts import permissions
from accounts.models import User
from meetings.tests import factories

pytestmark = pytest.mark.django_db


def _data(person=None, **overrides):
    data = {
        "username": "amina",
        "first_name": "Amina",
        "last_name": "Diallo",
        "email": "amina@example.org",
        "job_title": "Programme Specialist",
        "delegation": "",
        "is_active": "on",
    }
    if person is not None:
        data |= {
            "username": person.username,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "job_title": person.job_title,
            "delegation": person.delegation_id or "",
            "version": person.version,
        }
        if not person.is_active:
            del data["is_active"]
    return data | overrides


def _link(body: str) -> str:
    return re.search(r"https?://\S+/accounts/password/reset/\S+/\S+/", body).group(0)


def test_creating_an_account_sends_nothing_before_confirmation(secretariat_client, secretariat_user):
    response = secretariat_client.post(reverse("accounts:user_create"), _data(secretariat="on"))

    person = User.objects.get(username="amina")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:user_invite", args=[person.pk])
    assert mail.outbox == []
    assert not person.has_usable_password()  # nobody typed a password for her
    assert permissions.is_secretariat(person)
    assert person.history.earliest().history_user == secretariat_user
    confirm = secretariat_client.get(response["Location"]).content.decode()
    assert "amina@example.org" in confirm
    assert "Send the email" in confirm
    assert mail.outbox == []  # the confirmation page itself sends nothing


def test_confirmed_link_lets_the_person_choose_a_password_and_sign_in(secretariat_client, secretariat_user, settings):
    settings.SITE_URL = "http://testserver"
    secretariat_client.post(reverse("accounts:user_create"), _data(delegation=factories.make_state("Ireland").pk))
    person = User.objects.get(username="amina")

    response = secretariat_client.post(reverse("accounts:user_invite", args=[person.pk]))

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    assert "choose your password" in message.subject.lower()
    link = _link(message.body)
    assert link in message.alternatives[0][0]
    assert "amina" in message.body
    history = secretariat_client.get(reverse("accounts:user_history", args=[person.pk])).content.decode()
    assert "Set-password link sent to amina@example.org" in history

    newcomer = Client()
    form_page = newcomer.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    done = newcomer.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a long and new passphrase 42", "new_password2": "a long and new passphrase 42"},
    )
    assert done.status_code == 302
    signed_in = newcomer.post(reverse("login"), {"username": "amina", "password": "a long and new passphrase 42"})
    assert signed_in.status_code == 302
    assert newcomer.get(reverse("meetings:dashboard")).status_code == 200


def test_no_link_to_an_account_without_email_or_deactivated(secretariat_client):
    without_email = factories.make_user("noemail")
    User.objects.filter(pk=without_email.pk).update(email="")
    inactive = factories.make_user("gone", is_active=False)

    for person in (without_email, inactive):
        page = secretariat_client.get(reverse("accounts:user_invite", args=[person.pk])).content.decode()
        assert "Send the email" not in page
        response = secretariat_client.post(reverse("accounts:user_invite", args=[person.pk]))
        assert response.status_code == 200
    assert mail.outbox == []


def test_edit_changes_role_and_delegation_and_history_credits_the_secretariat(
    secretariat_client, secretariat_user, expert_user
):
    ireland = factories.make_state("Ireland")

    response = secretariat_client.post(
        reverse("accounts:user_edit", args=[expert_user.pk]),
        _data(expert_user, delegation=ireland.pk, secretariat="on", job_title="Political Coordinator"),
    )

    assert response.status_code == 302
    expert_user.refresh_from_db()
    assert expert_user.delegation == ireland
    assert expert_user.job_title == "Political Coordinator"
    assert expert_user.groups.filter(name=permissions.SECRETARIAT_GROUP).exists()
    assert {h.history_user for h in expert_user.history.filter(history_type="~")} == {secretariat_user}
    page = secretariat_client.get(reverse("accounts:user_history", args=[expert_user.pk])).content.decode()
    assert "<ins>Ireland</ins>" in page and "<ins>Secretariat</ins>" in page

    # And back: the role is removed when unticked.
    expert_user.refresh_from_db()
    secretariat_client.post(reverse("accounts:user_edit", args=[expert_user.pk]), _data(expert_user))
    assert not expert_user.groups.filter(name=permissions.SECRETARIAT_GROUP).exists()


def test_deactivated_account_can_no_longer_sign_in(secretariat_client, expert_user, expert_client):
    assert expert_client.get(reverse("meetings:dashboard")).status_code == 200

    data = _data(expert_user)
    del data["is_active"]
    response = secretariat_client.post(reverse("accounts:user_edit", args=[expert_user.pk]), data)

    assert response.status_code == 302
    expert_user.refresh_from_db()
    assert not expert_user.is_active
    assert expert_client.get(reverse("meetings:dashboard")).status_code == 302  # signed out
    listing = secretariat_client.get(reverse("accounts:user_list")).content.decode()
    assert "deactivated" in listing


def test_nobody_deactivates_themselves_or_drops_their_own_role(secretariat_client, secretariat_user):
    data = _data(secretariat_user)
    del data["is_active"]

    response = secretariat_client.post(reverse("accounts:user_edit", args=[secretariat_user.pk]), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "You cannot deactivate your own account." in page
    assert "You cannot remove your own Secretariat role." in page
    secretariat_user.refresh_from_db()
    assert secretariat_user.is_active and permissions.is_secretariat(User.objects.get(pk=secretariat_user.pk))


def test_stale_account_save_is_refused_and_keeps_the_input(secretariat_client, expert_user):
    opened = expert_user.version
    User.objects.filter(pk=expert_user.pk).update(job_title="Set by someone else", version=opened + 1)

    response = secretariat_client.post(
        reverse("accounts:user_edit", args=[expert_user.pk]), _data(expert_user, job_title="My typed title")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this user" in page
    assert "My typed title" in page
    expert_user.refresh_from_db()
    assert expert_user.job_title == "Set by someone else"


@pytest.mark.parametrize(
    "overrides",
    [
        {"username": "has space"},
        {"username": "x" * 10_000},
        {"email": "not-an-email"},
        {"email": ""},
        {"first_name": "Ami\x00na"},
        {"delegation": "999999"},
        {"delegation": "abc"},
        {"version": "-5"},
    ],
)
def test_bad_account_input_is_a_form_error_with_the_input_kept(secretariat_client, overrides):
    response = secretariat_client.post(
        reverse("accounts:user_create"), _data(job_title="Typed title kept", **overrides)
    )

    assert response.status_code == 200
    assert "Typed title kept" in response.content.decode()
    assert not User.objects.filter(job_title="Typed title kept").exists()


def test_duplicate_username_or_email_is_refused(secretariat_client, expert_user):
    for overrides in ({"username": expert_user.username}, {"email": expert_user.email.upper()}):
        response = secretariat_client.post(reverse("accounts:user_create"), _data(**overrides))
        assert response.status_code == 200
    assert not User.objects.filter(first_name="Amina").exists()


def test_administrators_accounts_stay_with_administrators(secretariat_client):
    admin = factories.make_user("root", is_staff=True, is_superuser=True)

    assert secretariat_client.get(reverse("accounts:user_edit", args=[admin.pk])).status_code == 403
    assert secretariat_client.post(reverse("accounts:user_edit", args=[admin.pk]), _data(admin)).status_code == 403
    assert secretariat_client.post(reverse("accounts:user_invite", args=[admin.pk])).status_code == 403
    assert mail.outbox == []


@pytest.mark.parametrize("client_fixture", ["cochair_client", "expert_client", "nonmember_client"])
def test_only_the_secretariat_manages_people(request, client_fixture, plain_user):
    other = request.getfixturevalue(client_fixture)

    assert other.get(reverse("accounts:user_create")).status_code == 403
    assert other.post(reverse("accounts:user_create"), _data()).status_code == 403
    assert other.post(reverse("accounts:user_edit", args=[plain_user.pk]), _data(plain_user)).status_code == 403
    assert other.post(reverse("accounts:user_invite", args=[plain_user.pk])).status_code == 403
    assert not User.objects.filter(username="amina").exists()
    assert mail.outbox == []


@pytest.mark.parametrize("rows", [10, 200])
def test_people_list_with_edit_links_queries_constant(secretariat_client, rows, django_assert_max_num_queries):
    group = Group.objects.create(name="Readers")
    for i in range(rows):
        factories.make_user(f"person{i}", delegation="France" if i % 2 else None).groups.add(group)
    # session, user, secretariat check, count, page of users with delegation, their groups
    with django_assert_max_num_queries(7):
        response = secretariat_client.get(reverse("accounts:user_list"))
    assert response.status_code == 200
    assert reverse("accounts:user_edit", args=[User.objects.get(username="person0").pk]) in response.content.decode()
