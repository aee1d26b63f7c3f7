from django.core.paginator import Paginator

from .params import int_param

PAGE_SIZE = 50


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    """A page of ``queryset`` from ``?page=``; bad or out-of-range numbers give the nearest valid page."""
    return Paginator(queryset, per_page).get_page(int_param(request.GET, "page", min_value=1, max_value=None))
