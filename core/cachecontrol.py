"""Browsers and proxies never store what a signed-in person was shown (``Cache-Control: private, no-store``).

Pages, CSV exports, PDFs and downloads answered to a signed-in user carry restricted content or at least the
user's name: whatever a view set (a public PDF's "public, no-cache", for instance), the answer is made
private and not stored. Anonymous answers are left as their views made them, so the public site keeps its
public caching (``public.caching``). The personal iCal feed, read without a session, is ``never_cache``.
"""

from __future__ import annotations

from django.utils.cache import patch_cache_control, patch_vary_headers


class PrivateCacheMiddleware:
    """After AuthenticationMiddleware: every response to a signed-in request is ``private, no-store``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            make_private(response)
        return response


def make_private(response):
    """Replace any caching the view allowed: this answer is for one person and is not kept anywhere."""
    if response.has_header("Cache-Control"):
        del response["Cache-Control"]
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ("Cookie",))
    return response
