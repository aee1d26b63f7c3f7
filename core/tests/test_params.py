"""Query parameters, form fields and path numbers that cannot reach the database as bad values."""

import pytest
from django import forms
from django.http import QueryDict
from django.test import RequestFactory

from core import forms as core_forms
from core.middleware import PathNumbersInRangeMiddleware
from core.params import MAX_INT, choice_param, int_param, text_param


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2026", 2026),
        ("", None),
        ("9" * 4001, None),  # Python parses it; no column holds it
        ("9" * 5000, None),  # past Python's int-parsing limit: int() raises
        (str(MAX_INT + 1), None),
        ("²", None),  # str.isdigit() says yes, int() says no
        ("2026\x00", None),
        ("1.5", None),
        ("-1", None),
        ("abc", None),
    ],
)
def test_int_param(raw, expected):
    query = QueryDict(mutable=True)
    query["year"] = raw
    assert int_param(query, "year") == expected


def test_int_param_bounds_and_absence():
    query = QueryDict("page=7&year=1999")
    assert int_param(query, "page", min_value=1, max_value=None) == 7
    assert int_param(query, "year", min_value=2000) is None
    assert int_param(query, "missing") is None
    assert int_param(QueryDict("year=1&year=2026"), "year") == 2026  # the last, as QueryDict.get gives


def test_choice_and_text_params():
    query = QueryDict(mutable=True)
    query.update({"sort": "date", "kind": "\x00", "q": " hello ", "long": "x" * 101, "nul": "a\x00b"})
    assert choice_param(query, "sort", ["date", "-date"]) == "date"
    assert choice_param(query, "kind", ["country"], default="any") == "any"
    assert text_param(query, "q", max_length=100) == "hello"
    assert text_param(query, "long", max_length=100) == ""
    assert text_param(query, "nul", max_length=100) == ""


def test_integer_field_is_bounded_by_default():
    field = core_forms.IntegerField(required=False)
    assert field.clean(str(MAX_INT)) == MAX_INT
    with pytest.raises(forms.ValidationError):
        field.clean("99999999999999999999")


@pytest.mark.django_db
def test_model_multiple_choice_refuses_numbers_no_row_can_have():
    from countries.models import MemberState

    state = MemberState.objects.create(name="Denmark")
    field = core_forms.ModelMultipleChoiceField(queryset=MemberState.objects.all())
    assert list(field.clean([str(state.pk)])) == [state]
    for value in ["99999999999999999999", "9" * 5000, "\x00", "²"]:
        with pytest.raises(forms.ValidationError) as refused:
            field.clean([str(state.pk), value])
        assert refused.value.code == "invalid_choice"


@pytest.mark.parametrize("pk, refused", [(1, False), (2**63 - 1, False), (2**63, True), (10**4000, True)])
def test_path_numbers_beyond_any_id_are_not_found(pk, refused):
    from django.http import Http404

    middleware = PathNumbersInRangeMiddleware(lambda request: None)
    request = RequestFactory().get("/")
    if refused:
        with pytest.raises(Http404):
            middleware.process_view(request, None, (), {"pk": pk})
    else:
        assert middleware.process_view(request, None, (), {"pk": pk}) is None
