"""WCAG 2.4.2 Page titled: every page type, for every role, has a title of its own that names what the page is
about (the meeting, the year, the country) and what it does there (edit, add, delete, history).

The pages are e2e/site_pages.py's (the permission matrix's, per role), plus the edit and detail page of every
meeting and every year, since two pages of the same type must differ too. The titles are read with Django's test
client (the <title> the browser shows); the error states' "Error: " prefix is checked in the browser, on the real
error states (e2e/test_accessibility.py).
"""

from __future__ import annotations

import html
import re
from collections import defaultdict

from django.test import Client
from django.urls import resolve, reverse
from django.utils.text import slugify

from countries.models import Situation
from e2e.site_pages import ROLES
from meetings.models import AgendaEntry, AgendaYear, Holiday, Meeting

SUFFIX = " · IEG Workbench"
# What a page's title starts with, by the end of its URL name: the action.
ACTIONS = {"edit": "Edit", "create": ("Add", "New"), "add": ("Add", "New"), "delete": "Delete", "history": "History"}
GENERIC = {"Edit meeting", "Agenda country", "Edit year", "Year", "Summary", "Background note"}


def _title(response) -> str:
    found = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)
    assert found, f"{response.request['PATH_INFO']} has no <title>"
    return html.unescape(" ".join(found.group(1).split()))


def _object_names(name: str, kwargs: dict) -> list[str]:
    """The names a page's title must contain: the object it is about."""
    names = []
    if "meeting_pk" in kwargs:
        names.append(str(Meeting.objects.get(pk=kwargs["meeting_pk"])))
    elif name.startswith("meetings:holiday_") and "pk" in kwargs:
        names.append(Holiday.objects.get(pk=kwargs["pk"]).name)
    elif name.startswith("meetings:") and "pk" in kwargs and name != "meetings:entry_edit":
        names.append(str(Meeting.objects.get(pk=kwargs["pk"])))
    if name == "meetings:entry_edit":
        names.append(AgendaEntry.objects.get(pk=kwargs["pk"]).situation.name)
    if "year" in kwargs:
        names.append(str(kwargs["year"]))
    if name == "countries:situation":
        names.append(Situation.objects.get(pk=kwargs["pk"]).name)
    if name == "public:country":
        names += [s.name for s in Situation.objects.all() if slugify(s.name) == kwargs["slug"]]
    return names


def _pages(site, role):
    """(URL name, path) of every page the role opens, plus every meeting's and year's pages for the secretariat."""
    pages = [(entry.name, entry.url) for entry in site.pages(role)]
    if role == "secretariat":
        for meeting in Meeting.objects.all():
            pages += [(f"meetings:{n}", reverse(f"meetings:{n}", args=[meeting.pk])) for n in ("detail", "edit")]
        for agenda_year in AgendaYear.objects.all():
            pages += [
                (f"meetings:{n}", reverse(f"meetings:{n}", args=[agenda_year.year])) for n in ("year", "year_edit")
            ]
    return pages


def test_every_page_has_a_unique_descriptive_title(site, settings):
    problems = []
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(site.user(role))
        by_title = defaultdict(set)
        for name, url in _pages(site, role):
            response = client.get(url, follow=True)
            assert response.status_code == 200, f"{role} {url}: {response.status_code}"
            final = response.request["PATH_INFO"] + (
                "?" + response.request["QUERY_STRING"] if response.request.get("QUERY_STRING") else ""
            )
            title = _title(response)
            if not title.endswith(SUFFIX):
                problems.append(f"{role} {url}: {title!r} does not end with {SUFFIX!r}")
            own = title.removesuffix(SUFFIX)
            by_title[own].add(final)
            if own in GENERIC:
                problems.append(f"{role} {url}: {own!r} says nothing of which one")
            if final == url.split("#")[0]:  # not a redirect to another page type
                for part in _object_names(name, resolve(url.split("?")[0]).kwargs):
                    if part not in own:
                        problems.append(f"{role} {url}: {own!r} does not name {part!r}")
                action = ACTIONS.get(re.split(r"[:_]", name)[-1])
                if action and not own.startswith(action):
                    problems.append(f"{role} {url}: {own!r} does not start with the action {action!r}")
        for title, urls in by_title.items():
            if len(urls) > 1:
                problems.append(f"{role}: {len(urls)} pages titled {title!r}: {sorted(urls)}")
    assert not problems, "Page titles (WCAG 2.4.2):\n" + "\n".join(sorted(set(problems)))
