import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _media_and_cache(settings, tmp_path):
    """Uploads and issued PDFs go to a temporary MEDIA_ROOT; every test starts with an empty PDF cache."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()
    yield
    cache.clear()
