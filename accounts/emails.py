"""Building the account emails (one function per message); the service sends them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .middleware import offered_language
from .models import User


def set_password_link(user: User) -> EmailMultiAlternatives:
    """The invitation to a new (or reset) account: a link to choose a password, valid once, for a limited time."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "user": user,
        "link": settings.SITE_URL + path,
        "hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600),
        "login_url": settings.SITE_URL + reverse("login"),
    }
    # In the person's language when they chose one, else English.
    with translation.override(offered_language(user.language) or "en"):
        subject = " ".join(render_to_string("emails/set_password_subject.txt", context).split())
        body = render_to_string("emails/set_password_body.txt", context)
        html = render_to_string("emails/set_password_body.html", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[user.email])
    message.attach_alternative(html, "text/html")
    return message
