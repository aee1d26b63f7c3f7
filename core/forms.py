from django import forms
from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Every form renders with the design system's field markup (label, input, help, errors)."""

    form_template_name = "core/form.html"
    field_template_name = "core/field.html"


class StaleCheckedModelForm(forms.ModelForm):
    """A model form that posts the version it was opened with (``core.concurrency.save_versioned``).

    Editing an existing row requires the version: a post without one is refused rather than saved unchecked.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31 - 1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].required = True
            if not self.is_bound:
                self.initial["version"] = self.instance.version

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version") if self.instance.pk else None
