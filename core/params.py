"""Query parameters read without a form (list filters, sorts, pre-filled fields, ``?page=``).

Each reader cleans the value with the Django form field a form would use, so the rules are the same as a
form's: a bad value (not a number, a number out of range, a NUL byte, thousands of digits, a list where one
value is expected) reads as absent and the page shows unfiltered. It never reaches the database, and never
raises. A filter that must tell the user why a value was ignored uses a form (see ``TrackerFilterForm``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

# The widest integer every database column type we filter on holds (PostgreSQL's integer).
MAX_INT = 2**31 - 1


def int_param(query: QueryDict, name: str, *, min_value: int | None = 0, max_value: int | None = MAX_INT) -> int | None:
    """``?name=`` as a whole number within [min_value, max_value] (None: no bound), or None."""
    field = forms.IntegerField(min_value=min_value, max_value=max_value, required=False)
    return _clean(field, query.get(name))


def choice_param(query: QueryDict, name: str, choices: Iterable[str], *, default: str = "") -> str:
    """``?name=`` if it is one of ``choices``, else ``default``."""
    value = query.get(name)
    return value if value in set(choices) else default


def text_param(query: QueryDict, name: str, *, max_length: int) -> str:
    """``?name=`` as text of at most max_length characters without NUL bytes, stripped; "" if it is not."""
    field = forms.CharField(max_length=max_length, required=False)
    return _clean(field, query.get(name)) or ""


def _clean(field: forms.Field, value):
    if value is None:
        return None
    try:
        return field.clean(value)
    except ValidationError:
        return None
