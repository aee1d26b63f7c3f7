"""Django's Redis cache backend, keeping one redis-py client per connection pool.

Django's ``RedisCacheClient.get_client()`` builds a new ``redis.Redis`` for every cache call, and building one sets
up its table of response callbacks: about 0.15 ms, which a signed-in page pays twice (its session, then the page
cache) before any work of its own (measured with cProfile on ``bench/pages.py``). A ``redis.Redis`` over a
connection pool is safe to share between threads, so one per pool is kept instead. Everything else is Django's.
"""

from __future__ import annotations

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
