"""Changes to people's accounts made by the secretariat in the workbench (not the admin)."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from core.concurrency import save_versioned
from core.history import credits_by

from . import emails, permissions
from .models import User


@credits_by
@transaction.atomic
def save_user(user: User, *, expected_version: int | None, secretariat: bool, by: User) -> User:
    """Create or edit an account and its Secretariat role. A new account has no password: the person sets one
    from the link of :func:`send_set_password_link`, so nobody else ever knows it."""
    if user.pk is None:
        user.set_unusable_password()
    save_versioned(user, expected_version)
    group, _created = Group.objects.get_or_create(name=permissions.SECRETARIAT_GROUP)
    is_member = user.groups.filter(pk=group.pk).exists()
    if secretariat and not is_member:
        user.groups.add(group)
    elif not secretariat and is_member:
        user.groups.remove(group)
    return user


def can_receive_link(user: User) -> str:
    """Why no set-password link can go to ``user`` (empty when one can)."""
    if not user.is_active:
        return _("The account is deactivated: activate it first.")
    if not user.email:
        return _("The account has no email address: add one first.")
    return ""


def send_set_password_link(user: User, *, by: User) -> None:
    """Email ``user`` a one-time link to choose their password (Django's password-reset token).

    Sent at once, so a failure reaches the person who asked (the caller says so); once sent, it is kept in the
    account's history, credited to ``by``. Raises ``ValueError`` when no link can go to the account.
    """
    problem = can_receive_link(user)
    if problem:
        raise ValueError(problem)
    emails.set_password_link(user).send()
    with transaction.atomic():
        # A fresh row, so the history record copies the stored values, not a possibly older copy in memory.
        fresh = User.objects.select_for_update().get(pk=user.pk)
        fresh._history_user = by
        fresh._change_reason = _("Set-password link sent to %(email)s") % {"email": fresh.email}
        fresh.save(update_fields=["email"])


def set_language(user: User, code: str) -> None:
    """Keep the language a person chose (accounts.views.set_language) for their next pages, sessions and emails.
    Not a versioned edit of the account: the people pages' edit check (``version``) does not move."""
    if user.language != code:
        user.language = code
        user._change_reason = "Language chosen"
        user.save(update_fields=["language"])
