"""Redis as a cache that fails open: when Redis does not answer, every read is a miss and every write is dropped.

Nothing in this app keeps in the cache what it cannot rebuild (sessions live in the database; the cached PDFs are
keyed by their content), so an outage of Redis costs speed and never a page. After a failure the cache stays away
from Redis for ``RETRY_SECONDS`` (each request would otherwise wait on a connect timeout), and the outage is
logged once a minute, not once per request.

    CACHES = {"default": {"BACKEND": "core.cache.FailOpenRedisCache", "LOCATION": REDIS_URL,
                          "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}
"""

from __future__ import annotations

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
LOG_EVERY_SECONDS = 60.0


class _Breaker:
    """When Redis last failed, and when that was last logged; shared by the threads of one process."""

    def __init__(self):
        self._lock = threading.Lock()
        self.down_until = 0.0
        self.logged_at = None

    def is_open(self) -> bool:
        return time.monotonic() < self.down_until

    def trip(self, location: str, exc: Exception) -> None:
        now = time.monotonic()
        with self._lock:
            self.down_until = now + RETRY_SECONDS
            if self.logged_at is not None and now - self.logged_at < LOG_EVERY_SECONDS:
                return
            self.logged_at = now
        log.warning("Cache %s is not answering (%s); serving without it.", location, exc)

    def reset(self) -> None:
        with self._lock:
            if self.logged_at is not None:
                log.warning("Cache is answering again.")
            self.down_until, self.logged_at = 0.0, None


def _fail_open(method, miss):
    """Wrap a cache method: when Redis fails (or failed a moment ago), answer ``miss(*args, **kwargs)`` instead."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if self.breaker.is_open():
            return miss(*args, **kwargs)
        try:
            result = method(self, *args, **kwargs)
        except (RedisError, OSError) as exc:
            self.breaker.trip(self._servers[0], exc)
            return miss(*args, **kwargs)
        if self.breaker.logged_at is not None:
            self.breaker.reset()
        return result

    return wrapper


def _missing(key, *args, **kwargs):
    # Django's contract for incr/decr on a missing key; with Redis down every key is missing.
    raise ValueError(f"Key '{key}' not found (cache unavailable)")


def _answer(value):
    return lambda *args, **kwargs: value() if callable(value) else value


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.breaker = _Breaker()

    get = _fail_open(RedisCache.get, lambda key, default=None, version=None: default)
    add = _fail_open(RedisCache.add, _answer(False))
    set = _fail_open(RedisCache.set, _answer(None))
    touch = _fail_open(RedisCache.touch, _answer(False))
    delete = _fail_open(RedisCache.delete, _answer(False))
    get_many = _fail_open(RedisCache.get_many, _answer(dict))
    has_key = _fail_open(RedisCache.has_key, _answer(False))
    incr = _fail_open(RedisCache.incr, _missing)
    set_many = _fail_open(RedisCache.set_many, _answer(list))
    delete_many = _fail_open(RedisCache.delete_many, _answer(None))
    clear = _fail_open(RedisCache.clear, _answer(False))

    def ping(self) -> bool:
        """For the health endpoint: does Redis answer now (ignoring the breaker)?"""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except (RedisError, OSError):
            return False
