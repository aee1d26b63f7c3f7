from django.apps import AppConfig


class SearchConfig(AppConfig):
    """One search over the domain apps' own tables (nothing copied, so nothing stale); the public site uses it."""

    name = "search"
    verbose_name = "Search"
