"""Garbage in, never a server error: a corpus of bad values sent to every URL's query and every form's fields.

The URLs, their sample objects and who may open or post them come from the permission matrix
(``test_permission_matrix``: its ``MATRIX`` cases and its ``world`` fixture), so a new URL is covered as soon
as it has its matrix entry. For each URL:

- GET: every query parameter the view reads (its source's ``request.GET.get("…")``, the fields of the forms
  it binds to ``request.GET``, the inputs of the GET forms on its page) gets each of a sample of the bad
  values, and all common filter names (q, year, page, sort, …) get each bad value at once.
- POST: every form on every page (its inputs, textareas and selects, parsed from the HTML), and every form a
  view binds to ``request.POST``, is sent with its own values and one field replaced by a bad value, as a
  role that may post it.

Each request runs in a savepoint that is rolled back, so every request sees the same world and a failing
one cannot break the next. A request fails if it raises or answers 5xx; all failures are collected and
reported together (URL, field, value). The corpus is sampled with fixed seeds, so a run is repeatable.
"""

from __future__ import annotations

import inspect
import random
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from accounts.tests import test_permission_matrix as matrix

world = matrix.world  # the fixture

pytestmark = pytest.mark.django_db

# The bad values. A list stands for a parameter sent several times (``?year=1&year=2``).
CORPUS: list = [
    "\x00",
    "2026\x00",
    "abc\x00def",
    "9" * 4001,  # 10**4000: Python still parses it; no column holds it
    "9" * 5000,  # past Python's int-parsing limit
    "1" * 19,
    "99999999999999999999",
    "-1",
    "-99999999999",
    "0",
    "1.5",
    "1e308",
    "NaN",
    "-inf",
    "2026-02-30",
    "99999-01-01",
    "0000-00-00",
    "2026-13-45",
    "25:61",
    "x" * 10_000,
    "é" * 5_000,
    "",
    "   ",
    "abc",
    "true",
    "null",
    "[]",
    "{}",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
    "a\r\nSet-Cookie: x=1",
    "²",  # a digit to str.isdigit(), not to int()
    "٢٠٢٦",  # Arabic-Indic digits: int() reads them
    "\u202eevil",  # right-to-left override
    "e\u0301\ufeff\u200b",  # combining accent, BOM, zero-width space
    "👩🏽‍⚖️",
    ["1", "2"],
    ["\x00", "x" * 10_000],
]
# Sent as a file where the form expects text (and as text where it expects a file).
FILE = "FILE"
POST_CORPUS = [*CORPUS, FILE]
# Always sent to every parameter and field; the rest of the corpus is sampled.
ALWAYS = ["abc\x00def", "9" * 4001, "x" * 10_000, ["1", "2"]]

# Query parameters tried on every GET URL, whether or not its view reads them.
COMMON_PARAMS = [
    "q",
    "year",
    "page",
    "sort",
    "status",
    "kind",
    "country",
    "situation",
    "date",
    "meeting_date",
    "months",
    "meeting",
    "state",
    "mission",
    "next",
]

VALUES_PER_PARAM = 8  # of CORPUS, besides ALWAYS, for each parameter a view reads
VALUES_PER_FIELD = 5  # of POST_CORPUS, besides ALWAYS, for each field of each form
VALUES_UNREAD = 2  # all common parameters at once, on a URL that reads none (PDFs, downloads)

# The role whose rights are tried first; anonymous last (public pages and sign-in forms).
ROLE_ORDER = [
    "secretariat",
    "network",
    "cochair",
    "expert",
    "other_cochair",
    "nonmember",
    "focalpoint",
    "visitor",
    "anon",
]
REFUSED = {403, 404, 405, matrix.LOGIN}


# --- What each view reads -------------------------------------------------------------------------------------


def _source(view) -> str:
    view = inspect.unwrap(getattr(view, "view_class", view))
    try:
        return inspect.getsource(view)
    except (OSError, TypeError):
        return ""


def _form_fields(view, data: str) -> set[str]:
    """Fields of the forms the view binds to request.GET or request.POST (``XForm(request.POST, …)``)."""
    source = _source(view)
    module = inspect.getmodule(inspect.unwrap(view))
    names = set()
    for form_name in re.findall(rf"(\w+Form)\(\s*request\.{data}\b", source):
        form_class = getattr(module, form_name, None)
        names |= set(getattr(form_class, "base_fields", {}))
    return names


def _read_params(view, data: str) -> set[str]:
    source = _source(view)
    found = set(re.findall(rf"request\.{data}\.(?:get|getlist|pop)\(\s*[\"'](\w+)[\"']", source))
    found |= set(re.findall(rf"request\.{data}\[\s*[\"'](\w+)[\"']\s*\]", source))
    found |= set(re.findall(rf"[\"'](\w+)[\"']\s+in\s+request\.{data}\b", source))
    return found | _form_fields(view, data)


# --- Forms on a page ------------------------------------------------------------------------------------------


@dataclass
class Form:
    method: str
    action: str
    fields: dict = field(default_factory=dict)  # name -> the value the page would send
    files: set = field(default_factory=set)


class FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = Form(method=(a.get("method") or "get").lower(), action=a.get("action") or "")
            self.forms.append(self._form)
            return
        form = self._form
        name = a.get("name")
        if form is None:
            return
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset"}:
                return
            if kind == "file":
                form.files.add(name)
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in a:
                    form.fields[name] = a.get("value", "on")
                else:
                    form.fields.setdefault(name, None)
                return
            form.fields[name] = a.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            form.fields[name] = ""
        elif tag == "select" and name:
            self._select, self._select_first = name, None
            form.fields.setdefault(name, None)
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in a:
                form.fields[self._select] = value

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select and self._form is not None:
            if self._form.fields.get(self._select) is None and self._select_first:
                self._form.fields[self._select] = self._select_first
            self._select = None
        elif tag == "form":
            self._form = None


def _forms(response) -> list[Form]:
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    parser = FormParser()
    parser.feed(response.content.decode("utf-8", errors="replace"))
    return parser.forms


# --- Sending ----------------------------------------------------------------------------------------------------


@dataclass
class Target:
    """A URL to send bad values to, as ``role``, with the parameters or fields to try."""

    url: str
    name: str
    role: str
    fields: dict = field(default_factory=dict)  # name -> a good value (None: none known)
    files: set = field(default_factory=set)
    read: set = field(default_factory=set)  # names the view reads


def _role_for(name: str, method: str) -> str | None:
    cases = matrix.MATRIX.get(name, [])
    for case in cases:
        if method == "post" or case.method == "get":
            for role in ROLE_ORDER:
                if case.expect[role] not in REFUSED:
                    return role
    return None


def _sample(values: list, key: str, n: int) -> list:
    """ALWAYS and n more of ``values``, the same ones at every run (seeded by ``key``)."""
    rest = [v for v in values if v not in ALWAYS]
    return ALWAYS + random.Random(key).sample(rest, min(n, len(rest)))


def _show(value) -> str:
    if value is FILE:
        return "<a file>"
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:40]}…({len(str(value))} chars)"


class Sender:
    def __init__(self, world):
        self.world = world
        self.clients: dict[str, Client] = {}
        self.failures: list[str] = []
        self.count = 0

    def client(self, role: str) -> Client:
        if role not in self.clients:
            client = Client()
            if role != "anon":
                client.force_login(self.world.users[role])
            self.clients[role] = client
        return self.clients[role]

    def send(self, role: str, method: str, url: str, data, what: str):
        """One request in a rolled-back savepoint; a raise or a 5xx is recorded as a failure."""
        client = self.client(role)
        session = client.cookies.get(settings.SESSION_COOKIE_NAME)
        self.count += 1
        response = None
        try:
            with transaction.atomic():
                response = getattr(client, method)(url, data)
                if response.streaming:
                    b"".join(response.streaming_content)
                transaction.set_rollback(True)
        except Exception as exc:  # the test client re-raises what the view raised
            self.failures.append(f"{method.upper()} {url} as {role}: {what} -> {type(exc).__name__}: {exc!s:.200}")
        else:
            if response.status_code >= 500:
                self.failures.append(f"{method.upper()} {url} as {role}: {what} -> {response.status_code}")
        finally:
            # Back to the session it had: a rotated session key was rolled back with the request.
            client.cookies.clear()
            if session is not None:
                client.cookies[settings.SESSION_COOKIE_NAME] = session.value
        return response


def _post_value(value):
    if value is FILE:
        return SimpleUploadedFile("bad.bin", b"\x00\x01garbage", content_type="application/octet-stream")
    return value


# --- Collecting what to send --------------------------------------------------------------------------------


def _cases(world):
    for name in matrix.PROJECT_NAMES:
        for case in matrix.MATRIX.get(name, []):
            kwargs = case.kwargs(world) if callable(case.kwargs) else case.kwargs
            yield name, case, reverse(name, kwargs=kwargs)


def _resolve(path: str):
    try:
        return resolve(path)
    except Resolver404:
        return None


def collect(world, sender: Sender) -> tuple[list[Target], list[Target]]:
    """The GET targets (one per matrix case) and the POST targets (every form found, every POST case)."""
    views = {r.name: r.view for r in matrix.PROJECT}
    gets: list[Target] = []
    posts: dict[str, Target] = {}

    def add_post(url: str, name: str, role: str, fields: dict, files=()):
        target = posts.setdefault(url, Target(url, name, role, read=_read_params(views[name], "POST")))
        for key, value in fields.items():
            if target.fields.get(key) is None:
                target.fields[key] = value
        target.files |= set(files)

    for name, case, url in _cases(world):
        view = views[name]
        if case.method == "post":
            role = _role_for(name, "post")
            if role:
                add_post(url, name, role, dict(case.data))
            continue
        role = _role_for(name, "get")
        if role is None:
            continue
        query_names = _read_params(view, "GET")
        # The page as each role that may open it: its GET forms name the filters, its POST forms the fields.
        for page_role in dict.fromkeys([role, "cochair", "anon"]):
            if case.expect[page_role] in REFUSED:
                continue
            response = sender.send(page_role, "get", url, case.query, "the page itself")
            if response is None or response.status_code != 200:
                continue
            page_url = response.request["PATH_INFO"]
            for form in _forms(response):
                action = urlsplit(urljoin(page_url, form.action or page_url)).path
                if form.method == "get":
                    if action == page_url:
                        query_names |= set(form.fields)
                    continue
                match = _resolve(action)
                if match is None or not match.view_name or match.view_name in {"logout"}:
                    continue
                post_role = page_role if _role_for(match.view_name, "post") else None
                if post_role:
                    add_post(action, match.view_name, post_role, form.fields, form.files)
        if "request.POST" in _source(view) and url not in posts:
            add_post(url, name, role, dict(case.data))
        gets.append(Target(url, name, role, fields=dict(case.query), read=query_names))
    # One target per view and set of fields: the same form on another object (each step's "Mark done") adds nothing.
    unique = {}
    for target in posts.values():
        names = frozenset(target.fields) | target.files | target.read
        unique.setdefault((target.name, names or target.url), target)
    return gets, list(unique.values())


# --- The test ---------------------------------------------------------------------------------------------------


def test_no_bad_value_makes_a_server_error(world):
    sender = Sender(world)
    gets, posts = collect(world, sender)
    # Every URL is reached, as a page or as a form's target (a few answer no role here: feeds, tokens, 404s).
    reached = {target.name for target in gets} | {target.name for target in posts}
    assert len(reached) >= len(matrix.PROJECT_NAMES) - 15, "most URLs are reached"
    get_names = {name for name, case, _url in _cases(world) if case.method != "post"}
    assert len({target.name for target in gets}) >= len(get_names) - 15, "most pages answer GET"
    assert len(posts) >= 30, "the forms of the pages were found"

    for target in gets:
        for param in sorted(target.read):
            for value in _sample(CORPUS, f"GET {target.name} {param}", VALUES_PER_PARAM):
                data = dict(target.fields) | {param: value}
                sender.send(target.role, "get", target.url, data, f"?{param}={_show(value)}")
        values = CORPUS if target.read else random.Random(f"GET {target.name}").sample(CORPUS, VALUES_UNREAD)
        for value in values:
            data = dict(target.fields) | {param: value for param in COMMON_PARAMS if param not in target.fields}
            sender.send(target.role, "get", target.url, data, f"every common parameter={_show(value)}")

    for target in posts:
        names = set(target.fields) | target.files | target.read
        good = {k: v for k, v in target.fields.items() if v is not None}
        if not names:  # a button: it reads no field, but garbage beside it must not matter either
            data = dict.fromkeys(COMMON_PARAMS, "abc\x00def")
            sender.send(target.role, "post", target.url, data, "every common name='abc\\x00def'")
        for name in sorted(names):
            for value in _sample(POST_CORPUS, f"POST {target.name} {name}", VALUES_PER_FIELD):
                data = {k: v for k, v in good.items() if k != name} | {name: _post_value(value)}
                sender.send(target.role, "post", target.url, data, f"{name}={_show(value)}")

    assert not sender.failures, f"{len(sender.failures)} of {sender.count} requests failed:\n" + "\n".join(
        sender.failures
    )


# --- Path segments ----------------------------------------------------------------------------------------------

# For <int:…> segments: numbers no row has, some past what a column or Python's int() holds.
BAD_INTS = ["0", "9" * 19, "99999999999999999999", "9" * 4001, "9" * 5000]
# For text segments (<str:…>, <slug:…>, tokens, symbols).
BAD_TEXTS = ["\x00", "abc\x00def", "x" * 10_000, "é" * 300, "²", "\u202e", "..", "%00"]


def _bad_paths(route: str) -> list[str]:
    """The route with one of its segments replaced by each bad value, the others by sample values."""
    segments = re.findall(r"<(?:(\w+):)?(\w+)>|\(\?P<\w+>[^)]*\)", route)
    paths = []
    for index, (converter, _name) in enumerate(segments):
        values = BAD_INTS if converter == "int" else BAD_TEXTS
        for value in values:
            counter = iter(range(len(segments)))

            def fill(match, value=value, index=index, counter=counter):
                here = next(counter)
                if here == index:
                    return quote(value, safe="")
                return "1" if match.group(0).startswith("<int:") else "sample"

            path = re.sub(r"<(?:\w+:)?\w+>|\(\?P<\w+>[^)]*\)", fill, route)
            paths.append("/" + path.replace("^", "").replace("$", ""))
    return paths


def test_no_bad_path_segment_makes_a_server_error(world):
    sender = Sender(world)
    for route in matrix.PROJECT:
        role = _role_for(route.name, "get") or _role_for(route.name, "post")
        for path in _bad_paths(route.route):
            sender.send(role or "anon", "get", path, {}, "in the path")
    assert sender.count > 100, "the routes have segments to fill"
    assert not sender.failures, f"{len(sender.failures)} of {sender.count} requests failed:\n" + "\n".join(
        sender.failures
    )
