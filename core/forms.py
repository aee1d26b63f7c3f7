from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Every form renders with the design system's field markup (label, input, help, errors)."""

    form_template_name = "core/form.html"
    field_template_name = "core/field.html"
