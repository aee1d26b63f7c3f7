"""Redis as a cache that fails open: when Redis does not answer, each process caches in its own memory instead.

Nothing in this app keeps in the cache what it cannot rebuild (sessions live in the database), and every key names
its content (the PDFs: the document's version and a digest of its HTML), so no entry can be stale, in Redis or in a
process's memory: an outage of Redis costs some speed and never a page. After a failure the cache stays away from
Redis for ``RETRY_SECONDS`` (each request would otherwise wait on a connect timeout), and the outage is logged once
a minute, not once per request. The memory fallback holds ``FALLBACK_ENTRIES`` entries and is emptied when Redis
answers again. A key that does not name its content (one a writer would have to delete) must not use this cache.

    CACHES = {"default": {"BACKEND": "core.cache.FailOpenRedisCache", "LOCATION": REDIS_URL,
                          "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}
"""

from __future__ import annotations

import functools
import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
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


def _fail_open(method):
    """Wrap a cache method: when Redis fails (or failed a moment ago), the process's memory answers instead."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if self.breaker.is_open():
            return getattr(self.fallback, method.__name__)(*args, **kwargs)
        try:
            result = method(self, *args, **kwargs)
        except (RedisError, OSError) as exc:
            self.breaker.trip(self._servers[0], exc)
            return getattr(self.fallback, method.__name__)(*args, **kwargs)
        if self.breaker.logged_at is not None:
            self.breaker.reset()
            self.fallback.clear()
        return result

    return wrapper


FALLBACK_ENTRIES = 64


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.breaker = _Breaker()
        self.fallback = LocMemCache(
            f"fail-open-{id(self)}",
            {"TIMEOUT": params.get("TIMEOUT", 300), "OPTIONS": {"MAX_ENTRIES": FALLBACK_ENTRIES}},
        )

    get = _fail_open(RedisCache.get)
    add = _fail_open(RedisCache.add)
    set = _fail_open(RedisCache.set)
    touch = _fail_open(RedisCache.touch)
    delete = _fail_open(RedisCache.delete)
    get_many = _fail_open(RedisCache.get_many)
    has_key = _fail_open(RedisCache.has_key)
    incr = _fail_open(RedisCache.incr)
    set_many = _fail_open(RedisCache.set_many)
    delete_many = _fail_open(RedisCache.delete_many)
    clear = _fail_open(RedisCache.clear)

    def ping(self) -> bool:
        """For the health endpoint: does Redis answer now (ignoring the breaker)?"""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except (RedisError, OSError):
            return False
