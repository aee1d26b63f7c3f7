import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Public pages are cached: every test starts (and leaves) with an empty cache."""
    cache.clear()
    yield
    cache.clear()
