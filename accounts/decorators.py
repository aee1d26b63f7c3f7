"""View decorators that apply accounts.permissions consistently."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from accounts import permissions


def secretariat_required(view):
    """Signed-in secretariat staff only: others get 403, anonymous users the sign-in page."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.is_secretariat(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.ieg_access = "secretariat"
    return wrapper


def staff_view(view):
    """Signed-in users of the workbench; the view narrows objects with visible_to()."""
    wrapped = login_required(view)
    wrapped.ieg_access = "signed_in"
    return wrapped


def network_view(view):
    """The Network's space: its secretariat, the IEG secretariat and focal points in post; others get 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.can_view_network(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.ieg_access = "network"
    return wrapper


def network_secretariat_required(view):
    """The Network's secretariat only: others get 403, anonymous users the sign-in page."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.can_edit_network(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.ieg_access = "network_secretariat"
    return wrapper
