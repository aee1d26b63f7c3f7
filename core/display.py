"""``get_FOO_display()`` with one {value: label} dict per field and language (installed by ``core.apps``).

Django's version rebuilds a dict of every choice on each call, hashing each lazy label (a translation per
choice): lists that show a status or a kind per row spent most of their time there (cProfile on bench/pages.py).
"""

from __future__ import annotations

from functools import partialmethod

from django.apps import apps
from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.html import conditional_escape
from django.utils.translation import get_language

_labels: dict[tuple[int, str | None], dict] = {}


def get_field_display(self, field) -> str:
    key = (id(field), get_language())
    labels = _labels.get(key)
    if labels is None:
        labels = _labels[key] = {
            make_hashable(value): force_str(label, strings_only=True) for value, label in field.flatchoices
        }
    value = getattr(self, field.attname)
    try:
        return labels.get(value, value)
    except TypeError:  # an unhashable value (a list in a JSONField with choices)
        return labels.get(make_hashable(value), value)


def install_fast_display() -> None:
    """Point every model's Django-made ``get_FOO_display`` at ``get_field_display`` (a model's own is kept)."""
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if not field.choices:
                continue
            name = f"get_{field.name}_display"
            current = model.__dict__.get(name)
            if isinstance(current, partialmethod) and current.func is models.Model._get_FIELD_display:
                setattr(model, name, partialmethod(get_field_display, field=field))


def escaped(values: dict) -> dict:
    """``values`` escaped once (``SafeString``s), for a row template that repeats them in every row of a table:
    ``format_html`` passes a safe string through instead of escaping the same label on each row."""
    return {key: conditional_escape(value) for key, value in values.items()}


def column_labels(*labels) -> dict:
    """A table's column labels as ``l0``, ``l1``, ... for a row template's ``data-label`` attributes, escaped once."""
    return escaped({f"l{i}": label for i, label in enumerate(labels)})
