"""``{% error_prefix %}``: "Error: " in front of a page's title while it shows a form's errors (WCAG 2.4.2, 3.3.1)."""

from django import template
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.utils.translation import gettext as _

register = template.Library()


def _has_errors(value) -> bool:
    # type(), not isinstance(): isinstance() would evaluate lazy values (the CSRF token, which sets a cookie).
    kind = type(value)
    if issubclass(kind, BaseForm):
        return value.is_bound and bool(value.errors)
    if issubclass(kind, BaseFormSet):
        return value.is_bound and (bool(value.non_form_errors()) or any(value.errors))
    return False


@register.simple_tag(takes_context=True)
def error_prefix(context) -> str:
    """ "Error: " when a bound form in the context has errors (or the view says ``has_errors``, for forms
    kept inside other objects)."""
    flat = context.flatten()
    if flat.get("has_errors") is True or any(_has_errors(value) for value in flat.values()):
        return _("Error: ")
    return ""
