"""What the benches request: the main pages, the objects they show, and signed-in sessions.

Import after ``django.setup()``. Pages are found by URL name, so a page a teammate has not landed yet is
reported as skipped instead of failing the run; where the name is not settled, the first candidate that
resolves is used.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db.models import Count
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from accounts.models import User
from demo.bulk import BENCH_EXPERT, BENCH_SECRETARIAT
from meetings.choices import PAST_STATUSES
from meetings.models import Meeting

SECRETARIAT = BENCH_SECRETARIAT
EXPERT = BENCH_EXPERT
ANONYMOUS = None


@dataclass(frozen=True)
class Page:
    label: str
    url_names: tuple[str, ...]
    args: str  # which object of the Scene the URL takes: "", "year", "meeting", "upcoming"
    user: str | None


# The main pages of the issue, as the secretariat opens them (the public list anonymously).
MAIN_PAGES = (
    Page("dashboard", ("meetings:dashboard",), "", SECRETARIAT),
    Page("year", ("meetings:year",), "year", SECRETARIAT),
    Page("meeting detail", ("meetings:detail",), "meeting", SECRETARIAT),
    Page("tracker", ("recommendations:tracker",), "", SECRETARIAT),
    Page("renewal calendar", ("recommendations:renewals",), "", SECRETARIAT),
    Page(
        "public list",
        ("public:meetings", "public:meeting_list", "public:list", "public:documents", "public:home"),
        "",
        ANONYMOUS,
    ),
)
# The Django admin over the same database, as a superuser: the tracker is compared per row with the changelist of
# recommendations, and the user list's query count must not grow with the data.
ADMIN = "bench-admin"
ADMIN_PAGES = (
    Page("admin: recommendations", ("admin:recommendations_recommendation_changelist",), "", ADMIN),
    Page("admin: users", ("admin:accounts_user_changelist",), "", ADMIN),
)
NOTE_PAGE = ("documents:note",)
NOTE_PDF = ("documents:note_pdf", "documents:note_download")


@dataclass
class Scene:
    """The objects pages are opened on, picked the same way at every scale."""

    today: datetime.date
    year: int
    meeting: int  # the latest held country meeting (recommendations, steps, note and summary)
    upcoming: int | None  # the next meeting (tomorrow in generated data): the one experts read the note of
    recent: list[int]  # recent meetings with a shared or published note, for a rotating mix


def scene() -> Scene:
    today = timezone.localdate()
    held = (
        Meeting.objects.filter(kind="country", status__in=PAST_STATUSES, date__lte=today)
        .annotate(n=Count("recommendations"))
        .filter(n__gt=0)
        .order_by("-date", "-pk")
    )
    meeting = held.values_list("pk", flat=True).first() or Meeting.objects.values_list("pk", flat=True).first()
    upcoming = (
        Meeting.objects.filter(date__gte=today)
        .exclude(status="cancelled")
        .order_by("date", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    recent = list(
        Meeting.objects.filter(status__in=PAST_STATUSES, date__lte=today)
        .order_by("-date", "-pk")
        .values_list("pk", flat=True)[:24]
    )
    return Scene(today=today, year=today.year, meeting=meeting, upcoming=upcoming, recent=recent)


def url(names: tuple[str, ...], *args) -> str | None:
    """The path of the first URL name that resolves with ``args``; None when none does (yet)."""
    for name in names:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


def page_path(page: Page, s: Scene) -> str | None:
    args = () if not page.args else (getattr(s, page.args),)
    if any(a is None for a in args):
        return None
    return url(page.url_names, *args)


def ensure_admin() -> None:
    """The superuser the admin pages are opened as (the bench's own databases only; no password: a session is made)."""
    User.objects.get_or_create(
        username=ADMIN, defaults={"is_staff": True, "is_superuser": True, "password": "!", "email": "admin@example.org"}
    )


def table_rows(body: bytes) -> int:
    """The rows of a page's first table body (the tracker's and the changelist's list): each starts with ``<tr``."""
    start = body.find(b"<tbody")
    return body.count(b"<tr", start, body.find(b"</tbody>", start)) if start >= 0 else 0


def session_cookie(username: str | None) -> str:
    """A Cookie header value for a session signed in as ``username`` ('' for anonymous), as a login would make:
    the session, and the CSRF cookie the sign-in page set (a browser sends both with every request)."""
    if username is None:
        return ""
    user = User.objects.get(username=username)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.set_expiry(settings.SESSION_COOKIE_AGE)
    store.save()
    csrf_secret = get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}; {settings.CSRF_COOKIE_NAME}={csrf_secret}"
