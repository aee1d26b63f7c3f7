"""Caching for the public site: shared caches may keep anonymous pages; signed-in pages stay private."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_page


def public_page(view):
    """Anonymous visitors get a page cached here and by shared caches (``PUBLIC_CACHE_SECONDS``).

    Signed-in users see the same content under their own header (name, navigation): never cached.
    Anonymous public pages write no cookie (``base.html`` asks for the CSRF token only when signed in),
    so a shared cache can serve them to everyone.
    """
    seconds = settings.PUBLIC_CACHE_SECONDS
    cached_view = cache_page(seconds, key_prefix="public")(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        response = cached_view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies:
            patch_cache_control(response, public=True, max_age=seconds)
        return response

    wrapper.ieg_access = "public"
    return wrapper
