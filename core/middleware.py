"""Request plumbing shared by every view."""

from __future__ import annotations

from django.http import Http404, JsonResponse

# The largest id a row can have (a 64-bit key, on SQLite and PostgreSQL alike).
MAX_ID = 2**63 - 1
# Addresses that answer JSON, errors included (the JSON API).
JSON_PREFIX = "/api/v1/"


class PathNumbersInRangeMiddleware:
    """An ``<int:…>`` in the path beyond any id (``/meetings/99999999999999999999/``) names no row: 404 before the
    view runs. Django turns such numbers into an empty result for ``pk=`` lookups, but not for others
    (``meeting_id=``), where SQLite raises OverflowError."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        for value in (*view_args, *view_kwargs.values()):
            if isinstance(value, int) and not -MAX_ID <= value <= MAX_ID:
                if request.path.startswith(JSON_PREFIX):
                    return JsonResponse({"detail": "Not found."}, status=404)
                raise Http404("No such number in this address.")
        return None
