from django import template

register = template.Library()


@register.filter
def step_flag(step, today) -> str:
    """'done', 'late', 'risk' or 'open': how a timeline step reads today."""
    return step.flag(today)
