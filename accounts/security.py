"""Request facts the security machinery needs (django-axes asks here for the client address)."""

from __future__ import annotations

from django.conf import settings


def client_ip(request) -> str | None:
    """The address of the client as seen by the nearest trusted hop.

    With ``TRUSTED_PROXY_COUNT = 0`` (no reverse proxy) that is ``REMOTE_ADDR``. Behind N trusted proxies
    it is the N-th entry from the right of ``X-Forwarded-For``: entries further left are written by the
    client and could be forged to dodge the sign-in lockout.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR")
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    return hops[-proxies]
