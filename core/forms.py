from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from . import concurrency
from .params import MAX_INT


class FormRenderer(TemplatesSetting):
    """Every form renders with the design system's field markup (label, input, help, errors)."""

    form_template_name = "core/form.html"
    field_template_name = "core/field.html"

    def render(self, template_name, context, request=None):
        if template_name == SELECT_TEMPLATE:
            return select_html(context["widget"])
        return super().render(template_name, context, request)


# Django's select (Select, SelectMultiple, NullBooleanSelect), written in Python: its template includes one
# template per option and one more per option's attributes, the largest cost of a filter form (the tracker's
# 76 options took a quarter of the page). The markup is Django's, byte for byte (core/tests/test_forms.py).
SELECT_TEMPLATE = "django/forms/widgets/select.html"


def _attrs(attrs: dict) -> str:
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def select_html(widget: dict) -> SafeString:
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{conditional_escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>\n"  # select_option.html ends with a newline
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return SafeString("".join(parts))


class ChoiceIterator(forms.models.ModelChoiceIterator):
    """Django's, reading the rows with a plain query. Django's reads them with ``QuerySet.iterator()``, which on
    PostgreSQL opens a server-side cursor (DECLARE, FETCH, CLOSE: three round trips) for a list of a few dozen
    states or countries."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class ModelChoiceField(forms.ModelChoiceField):
    iterator = ChoiceIterator


class VersionedModelForm(forms.ModelForm):
    """A model form that posts the version it was opened with, for ``core.concurrency.save_versioned``.

    A form opened on a row not created yet carries ``concurrency.NEW``; a post without a version counts as
    that too, so that it is refused, not saved blindly, if the row exists.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0, max_value=MAX_INT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):  # the model's foreign keys and many-to-many fields
                field.iterator = ChoiceIterator
                field.widget.choices = field.choices  # the widget holds the iterator it was given
        if not self.is_bound:
            self.initial["version"] = self.instance.version if self.instance.pk else concurrency.NEW

    @property
    def expected_version(self) -> int:
        version = self.cleaned_data.get("version")
        return concurrency.NEW if version is None else version


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, except that a value no row can have (beyond the key column's range, e.g. 99999999999999999999)
    is an invalid choice, as a missing row is, instead of an error from the database."""

    iterator = ChoiceIterator

    def _check_values(self, value):
        opts = self.queryset.model._meta
        key = opts.get_field(self.to_field_name) if self.to_field_name else opts.pk
        for item in value if isinstance(value, list | tuple) else []:
            try:
                key.run_validators(key.to_python(item))
            except ValidationError:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
                ) from None
        return super()._check_values(value)


class IntegerField(forms.IntegerField):
    """Django's, bounded by default to what every integer column holds, so a huge number is a form error."""

    def __init__(self, *, min_value=None, max_value=None, **kwargs):
        super().__init__(min_value=min_value, max_value=MAX_INT if max_value is None else max_value, **kwargs)
