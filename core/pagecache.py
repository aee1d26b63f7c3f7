"""Signed-in pages served again from the cache until the data behind them changes.

The secretariat opens the same few pages all day (dashboard, year, meeting, tracker, renewal calendar) while the
data under them changes a few times an hour. A rendered page is kept under the **data generation**, a number that
moves on whenever data may have changed, so that no change is ever hidden by the cache:

* every request that may write (any method but GET, HEAD, OPTIONS, TRACE) moves it on once it has answered
  (``DataChangeMiddleware``). Views write through services whose transactions have committed by then
  (``ATOMIC_REQUESTS`` is off), so a page rendered after the move sees the change;
* work outside requests that writes what pages show (Celery tasks, management commands) calls ``data_changed()``.

A page rendered under generation *g* read the generation before its queries, so it holds every change whose
``data_changed()`` ran before: storing it under *g* can never hide a change. An old generation's pages are simply
never asked for again and expire (``PAGE_CACHE_SECONDS``, which also bounds anything time-based that a day key
would miss).

Only views decorated with ``@cached_page`` are cached, and only when nothing makes the response personal beyond
what the key holds. The key holds the user, the CSRF secret of the browser (pages carry CSRF tokens for their
forms), the language, the day, htmx or not, and the full path with its query string. Not cached: anonymous
requests (the public site has its own cache), requests with messages waiting to be shown, responses that are
not 200, set cookies, changed the session or rotated the CSRF secret.

Only a shared cache (Redis) is safe across processes: ``PAGE_CACHE_SECONDS`` defaults to 0 (off) without
``REDIS_URL``, where each process has its own local-memory cache and a worker's change would not reach the web
process.
"""

from __future__ import annotations

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils import timezone, translation

GENERATION_KEY = "ieg:data-generation"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def data_changed() -> None:
    """Move the data generation on: every page cached so far is stale from now on."""
    if not enabled():
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet, or evicted
        _new_generation()


def _new_generation() -> int:
    """Start a generation no cached page can carry (a clock reading); two processes starting one agree on one.

    Whoever adds it first wins; a page built under it read its data after the add, so after any change whose
    ``data_changed()`` found no generation to move on."""
    value = time.time_ns()
    if not cache.add(GENERATION_KEY, value, timeout=None):
        value = cache.get(GENERATION_KEY, value)
    return value


def generation() -> int:
    """The current data generation."""
    value = cache.get(GENERATION_KEY)
    return _new_generation() if value is None else value


def lookup(key: str):
    """(current generation, value stored under ``key`` for it, or None), in one round trip to the cache.

    Whatever is built after a miss must read its data after this call, and be stored with ``store()`` under the
    generation returned here: then no stored value can hide a change.
    """
    found = cache.get_many([GENERATION_KEY, key])
    gen = found.get(GENERATION_KEY) or _new_generation()
    stored = found.get(key)
    return gen, (stored[1] if stored is not None and stored[0] == gen else None)


def store(key: str, gen: int, value, *, timeout: int) -> None:
    cache.set(key, (gen, value), timeout=timeout)


def _key(request) -> str | None:
    """The page's key: everything a signed-in response depends on besides the data (None: do not cache)."""
    csrf_secret = request.META.get("CSRF_COOKIE")
    if not csrf_secret:
        return None
    parts = (
        timezone.localdate().isoformat(),
        str(request.user.pk),
        csrf_secret,
        translation.get_language() or "",
        "htmx" if request.headers.get("HX-Request") else "page",
        request.get_full_path(),
    )
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"ieg:page:{digest}"


def _cacheable_request(request) -> bool:
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and request.user.is_authenticated
        # Messages are shown once: a page that shows them is never stored, nor served instead of them.
        and len(messages.get_messages(request)) == 0
    )


def _cacheable_response(request, response, csrf_secret: str) -> bool:
    """A plain 200 page that left no trace for this request alone: no cookie, no session write, same CSRF secret."""
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (session is not None and session.modified)
        and request.META.get("CSRF_COOKIE") == csrf_secret
    )


def cached_page(view):
    """Serve a signed-in user's page from the cache while the data generation holds (see the module docstring).

    For read-only views only: a view that writes, even on GET, must not be cached (its write would be skipped).
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        if key is None:
            return view(request, *args, **kwargs)
        gen, response = lookup(key)
        if response is not None:
            get_token(request)  # as rendering the page's forms would: the CSRF cookie is sent again, kept fresh
            return response
        csrf_secret = request.META["CSRF_COOKIE"]
        response = view(request, *args, **kwargs)
        if _cacheable_response(request, response, csrf_secret):
            store(key, gen, response, timeout=settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper


class DataChangeMiddleware:
    """After any request that may have written (not GET, HEAD, OPTIONS, TRACE), move the data generation on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in SAFE_METHODS:
            data_changed()
        return response
