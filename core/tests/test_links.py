"""core.links.object_url: the URL reverse() gives, built from the pattern once."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, path, reverse, set_script_prefix
from django.urls.converters import register_converter

from core import links


class PaddedConverter:
    regex = "[0-9]{6}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{int(value) % 1_000_000:06d}"


register_converter(PaddedConverter, "padded")


def _view(request, pk):  # pragma: no cover - only reversed
    raise AssertionError


urlpatterns = [path("things/<padded:pk>/edit/", _view, name="padded_thing")]


@pytest.mark.parametrize("viewname", ["meetings:detail", "recommendations:detail", "meetings:edit"])
@pytest.mark.parametrize("pk", [1, 7, 42, 1234567])
def test_it_gives_what_reverse_gives(viewname, pk):
    assert links.object_url(viewname, pk) == reverse(viewname, args=[pk])


def test_a_script_prefix_gets_its_own_pattern():
    plain = links.object_url("meetings:detail", 5)
    set_script_prefix("/ieg/")
    try:
        assert links.object_url("meetings:detail", 5) == "/ieg" + plain == reverse("meetings:detail", args=[5])
    finally:
        set_script_prefix("/")
    assert links.object_url("meetings:detail", 5) == plain


def test_a_pattern_that_does_not_print_the_id_as_its_digits_is_reversed_each_time(settings):
    settings.ROOT_URLCONF = __name__
    assert links.object_url("padded_thing", 42) == "/things/000042/edit/" == reverse("padded_thing", args=[42])


def test_a_new_url_configuration_is_read_anew(settings):
    links.object_url("meetings:detail", 5)
    settings.ROOT_URLCONF = __name__
    assert links.object_url("padded_thing", 5) == "/things/000005/edit/"
    with pytest.raises(NoReverseMatch):
        links.object_url("meetings:detail", 5)  # not in this configuration: as reverse() says


def test_an_id_that_is_not_a_number_is_refused():
    with pytest.raises((TypeError, ValueError)):
        links.object_url("meetings:detail", "5/../admin")
