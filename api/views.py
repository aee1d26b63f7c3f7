"""Pages of the API: its reference (from the OpenAPI schema) and each user's personal tokens."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import staff_view
from core.confirm import confirmation_page, confirmed

from . import tokens
from .forms import TokenForm
from .main import api
from .models import ApiToken

METHODS = ("get", "post", "put", "patch", "delete")


def _operations(schema: dict) -> list[dict]:
    rows = []
    for path, item in schema["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "id": operation.get("operationId", f"{method}-{path}"),
                    "summary": operation.get("summary", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description") or p.get("schema", {}).get("description", ""),
                            "type": _type_of(p.get("schema", {})),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "body": _body_of(operation, schema),
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return rows


def _type_of(schema: dict) -> str:
    if "anyOf" in schema:
        return " | ".join(_type_of(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    return schema.get("format") or schema.get("type", "")


def _body_of(operation: dict, schema: dict) -> list[dict]:
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return []
    ref = content["schema"].get("$ref", "")
    component = schema["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {})
    required = set(component.get("required", []))
    return [
        {"name": name, "type": _type_of(prop), "required": name in required, "description": prop.get("description", "")}
        for name, prop in component.get("properties", {}).items()
    ]


@require_safe
def reference(request):
    """The API's reference for people: every operation, its parameters and answers, from the served schema."""
    schema = api.get_openapi_schema()
    return render(
        request,
        "api/reference.html",
        {"schema": schema, "operations": _operations(schema), "schema_url": request.build_absolute_uri("openapi.json")},
    )


@staff_view
def token_list(request):
    """The user's own tokens, and a form to make one; a new token's secret is shown on this answer only."""
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        token, secret = tokens.create_token(
            request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
        )
        messages.success(
            request, _("Token “%(name)s” made. Copy it now: it is not shown again.") % {"name": token.name}
        )
        form = TokenForm()
    now = timezone.now()
    rows = [(token, token.state(now)) for token in request.user.api_tokens.all()]
    return render(request, "api/token_list.html", {"form": form, "rows": rows, "secret": secret})


@staff_view
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if not confirmed(request):
        return confirmation_page(
            request,
            title=_("Revoke the token “%(name)s”?") % {"name": token.name},
            consequences=[
                _("Scripts using it (it starts with %(prefix)s) are refused from now on.") % {"prefix": token.prefix},
                _("A revoked token cannot be used again; make a new one if you need it."),
            ],
            action=request.path,
            cancel_url=redirect("api_pages:tokens").url,
            button=_("Revoke the token"),
            danger=True,
        )
    if tokens.revoke_token(token, by=request.user):
        messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    else:
        messages.info(request, _("Token “%(name)s” was already revoked.") % {"name": token.name})
    return redirect("api_pages:tokens")
