"""Making, checking and revoking personal API tokens (the one home of their rules)."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from .models import ApiToken

SCHEME = "iegwps_"
PREFIX_LENGTH = len(SCHEME) + 6
LIFETIMES = (30, 90, 180, 365)  # days a user may choose; a token never lives longer than a year
# ``last_used_at`` is written at most this often, so that a script's burst of calls is not a burst of writes.
TOUCH_EVERY = datetime.timedelta(minutes=5)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def create_token(user, *, name: str, days: int, now: datetime.datetime | None = None) -> tuple[ApiToken, str]:
    """A new token for ``user`` living ``days`` days, and its secret (shown once, never stored)."""
    if days not in LIFETIMES:
        raise ValueError(f"lifetime must be one of {LIFETIMES}")
    now = now or timezone.now()
    secret = SCHEME + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name.strip(),
        prefix=secret[:PREFIX_LENGTH],
        digest=digest(secret),
        created_at=now,
        expires_at=now + datetime.timedelta(days=days),
    )
    token._history_user = user
    token.save()
    return token, secret


def user_for(secret: str, *, now: datetime.datetime | None = None):
    """The active user whose usable token this is, or None (unknown, revoked, expired, or the user deactivated)."""
    if not secret.startswith(SCHEME) or len(secret) > 100:
        return None
    now = now or timezone.now()
    token = (
        ApiToken.objects.usable(now).select_related("user").filter(digest=digest(secret), user__is_active=True).first()
    )
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)  # not a change worth a history row
    return token.user


@transaction.atomic
def revoke_token(token: ApiToken, *, by, now: datetime.datetime | None = None) -> bool:
    """Revoke ``token`` for good; False if it was already revoked."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        return False
    token.revoked_at = now or timezone.now()
    token._history_user = by
    token.save(update_fields=["revoked_at"])
    return True
