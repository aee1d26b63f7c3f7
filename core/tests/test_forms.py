"""The form renderer's select, written in Python for speed, is Django's select byte for byte."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from core.forms import FormRenderer

CHOICES = [
    ("", "All countries"),
    (1, "Côte d'Ivoire"),
    (2, "<script>alert('x')</script> & \"quoted\""),
    (3, mark_safe("<b>safe</b>")),
    ("Group", [("g1", "In a group"), ("g2", "Also & grouped")]),
    (4, 2026),
]


@pytest.mark.parametrize(
    ("widget", "value"),
    [
        (forms.Select(choices=CHOICES), None),
        (forms.Select(choices=CHOICES), 2),
        (forms.Select(choices=CHOICES, attrs={"required": True, "disabled": False, "aria-describedby": 'x" y'}), "g2"),
        (forms.SelectMultiple(choices=CHOICES), [1, "g1"]),
        (forms.NullBooleanSelect(), True),
        (forms.Select(choices=[]), None),
    ],
)
def test_select_markup_is_djangos(widget, value):
    ours = widget.render("country", value, attrs={"id": "id_country"}, renderer=FormRenderer())
    djangos = widget.render("country", value, attrs={"id": "id_country"}, renderer=DjangoTemplates())
    assert ours == djangos
    assert "<script>" not in ours


def test_a_form_field_renders_its_select_through_the_renderer():
    class Filters(forms.Form):
        country = forms.ChoiceField(choices=CHOICES, required=False)

    html = str(Filters(data={"country": "1"}, renderer=FormRenderer())["country"])
    assert '<option value="1" selected>Côte d&#x27;Ivoire</option>' in html


@pytest.mark.django_db
def test_model_choices_are_read_in_one_plain_query_with_the_empty_choice_first():
    """Django reads a ModelChoiceField's rows with QuerySet.iterator(): a server-side cursor on PostgreSQL
    (DECLARE, FETCH, CLOSE). Ours reads them in one ordinary query, for the model forms' fields too."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.forms import ModelChoiceField, VersionedModelForm
    from countries.models import MemberState
    from meetings.models import AgendaYear
    from meetings.tests import factories

    for name in ("Denmark", "Greece", "Peru"):
        factories.make_state(name)

    class StateForm(forms.Form):
        state = ModelChoiceField(queryset=MemberState.objects.order_by("name"))

    class YearForm(VersionedModelForm):
        class Meta:
            model = AgendaYear
            fields = ["penholder"]

    for form, name in ((StateForm(renderer=FormRenderer()), "state"), (YearForm(renderer=FormRenderer()), "penholder")):
        with CaptureQueriesContext(connection) as queries:
            html = str(form[name])
        assert [q["sql"].split()[0] for q in queries.captured_queries] == ["SELECT"]
        assert html.index('<option value="" selected>') < html.index(">Denmark</option>") < html.index(">Peru</option>")
