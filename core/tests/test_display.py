"""get_FOO_display() from one dict per field (core.display): the same answers as Django's own."""

from __future__ import annotations

from django.apps import apps
from django.db import models

from core.display import get_field_display


def _django_display(instance, field):
    return models.Model._get_FIELD_display(instance, field)


def test_every_choice_of_every_model_reads_as_django_would():
    checked = 0
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not field.choices:
                continue
            instance = model()
            for value, _label in [*field.flatchoices, ("not-a-choice", None), (None, None)]:
                setattr(instance, field.attname, value)
                assert getattr(instance, f"get_{field.name}_display")() == _django_display(instance, field)
                checked += 1
    assert checked > 50


def test_installed_on_the_models():
    from meetings.models import Meeting

    assert Meeting.__dict__["get_status_display"].func is get_field_display


def test_documents_number_lists_with_letters_then_roman_numerals():
    from core.numbering import letter_label, roman_label

    assert [letter_label(i) for i in (0, 1, 25, 26)] == ["(a)", "(b)", "(z)", "(aa)"]
    assert [roman_label(i) for i in (0, 1, 3, 8, 9, 13, 38)] == [
        "(i)",
        "(ii)",
        "(iv)",
        "(ix)",
        "(x)",
        "(xiv)",
        "(xxxix)",
    ]
