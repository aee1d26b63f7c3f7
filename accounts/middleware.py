"""A signed-in person reads the app in the language saved on their account, in every session and browser."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def offered_language(code: str | None) -> str:
    """``code`` if it is one of settings.LANGUAGES, else "" (the switcher, the account and emails share this)."""
    return code if code and code in dict(settings.LANGUAGES) else ""


class UserLanguageMiddleware:
    """After AuthenticationMiddleware (and LocaleMiddleware, which picked the cookie's or the browser's language):
    a signed-in person's saved language replaces it. LocaleMiddleware's response half then sends the matching
    Content-Language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and (code := offered_language(user.language)):
            translation.activate(code)
            request.LANGUAGE_CODE = code
        return self.get_response(request)
