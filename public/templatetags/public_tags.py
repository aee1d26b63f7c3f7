from django import template
from django.urls import reverse

register = template.Library()


@register.filter
def public_url(meeting) -> str:
    """The stable public address of a meeting: by S/ symbol when it has one."""
    if meeting.symbol:
        return reverse("public:meeting", kwargs={"symbol": meeting.symbol})
    return reverse("public:meeting_pk", kwargs={"pk": meeting.pk})
