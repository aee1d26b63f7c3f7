import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Public PDFs are cached on their content: every test starts (and leaves) with an empty cache."""
    cache.clear()
    yield
    cache.clear()
