"""A plain confirmation step for actions that send mail, make something public or cannot be undone.

The action's POST acts only when it carries ``confirm=1``. Without it, the view answers with a page that
says what will happen and re-posts the same fields with ``confirm=1`` (no JavaScript needed; the button is
an ordinary submit button, the page an ordinary page with one h1).
"""

from __future__ import annotations

from django.shortcuts import render

CONFIRM_FIELD = "confirm"


def confirmed(request) -> bool:
    """True when the POST came from a confirmation page."""
    return request.method == "POST" and request.POST.get(CONFIRM_FIELD) == "1"


def confirmation_page(
    request,
    *,
    title: str,
    consequences: list[str],
    action: str,
    cancel_url: str,
    button: str,
    fields: dict | None = None,
    danger: bool = False,
    extra_fields=None,
    status: int = 200,
):
    """The page asking to confirm: ``consequences`` say what will happen (who gets mail, what becomes public).

    ``fields`` are posted again as hidden inputs (the values the user already chose); ``extra_fields`` is an
    optional unbound form whose fields the user fills on this page (e.g. why a status is stepped back).
    """
    return render(
        request,
        "core/confirm.html",
        {
            "title": title,
            "consequences": consequences,
            "action": action,
            "cancel_url": cancel_url,
            "button": button,
            "fields": sorted((fields or {}).items()),
            "danger": danger,
            "extra_fields": extra_fields,
        },
        status=status,
    )
