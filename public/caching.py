"""Caching for the public site: anonymous pages may be kept by browsers and shared caches, never served stale.

There is no server-side page cache: public pages render fast on their own. An anonymous answer carries an ETag
of its own bytes and ``Cache-Control: public, no-cache``, so a cache may keep it but must ask again before each
use, and gets "304 Not Modified" while the page is byte for byte the same. Whatever changes what a page shows
(a request, a task, a command, the admin, the shell) changes its bytes, hence its ETag: correct by construction.
"""

from __future__ import annotations

from functools import wraps

from django.utils.cache import patch_cache_control
from django.views.decorators.http import conditional_page


def public_page(view):
    """Anonymous visitors: a revalidated public answer (see the module docstring). Signed-in users see the same
    content under their own header (name, navigation): private, and ``core.cachecontrol`` makes it no-store.
    Anonymous public pages write no cookie (``base.html`` asks for the CSRF token only when signed in), so a
    shared cache can serve them to everyone."""
    conditional_view = conditional_page(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        response = conditional_view(request, *args, **kwargs)
        if response.status_code in (200, 304) and not response.cookies:
            patch_cache_control(response, public=True, no_cache=True)
        return response

    wrapper.ieg_access = "public"
    return wrapper
