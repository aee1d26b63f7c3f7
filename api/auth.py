"""Who calls the API: the owner of a personal token, or nobody (the public). Never a session cookie."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from . import tokens


class TokenOrPublic(HttpBearer):
    """``Authorization: Bearer iegwps_…`` makes the call the token owner's; no header makes it the public's. A header
    that names no usable token (unknown, expired, revoked) is refused with 401, never served as the public."""

    def __call__(self, request):
        header = request.headers.get("Authorization")
        if header is None:
            # Whatever the session cookie says, the API reads as the public without a token: endpoints read the
            # caller from ``request.auth``, never from the session's ``request.user``.
            return AnonymousUser()
        return super().__call__(request)

    def authenticate(self, request, token: str):
        user = tokens.user_for(token)
        if user is None:
            raise AuthenticationError(401, _("This API token is unknown, expired or revoked."))
        request.user = user  # the history's credit (simple_history reads request.user)
        return user


class Token(TokenOrPublic):
    """The operations the public API does not include: no header is refused with 401 too."""

    def __call__(self, request):
        if request.headers.get("Authorization") is None:
            raise AuthenticationError(401, _("This needs a personal API token: the public API does not include it."))
        return HttpBearer.__call__(self, request)
