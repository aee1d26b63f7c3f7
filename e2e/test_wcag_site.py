"""WCAG 2.2 AA on every page type and every form's error state, for every role (issue 17).

The pages are e2e/site_pages.py's: every URL of the permission matrix each role may open, so a new page is
audited without anyone listing it here. One browser context per role; axe-core runs once per page, with the
WCAG 2.0, 2.1 and 2.2 A and AA rules and axe's best practices; any violation, of any impact, fails.

The error states: each form below submitted with its fields blanked (text as spaces, which passes the
browser's `required` check), each filter given a value it does not understand. There, besides axe: the
title starts with "Error: ", focus is on the error summary, its items link to fields that exist (a click
focuses the field), and each invalid field points (aria-describedby) at its error message.
"""

from __future__ import annotations

import datetime

import pytest

from e2e.conftest import format_violations
from e2e.site_pages import ROLES, SitePage, assert_html, sign_in
from meetings.models import Meeting
from meetings.tests import factories

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice")
ALL_IMPACTS = ("minor", "moderate", "serious", "critical")
SIGNED_IN = ("secretariat", "cochair", "expert", "observer")
REVIEWERS = ("secretariat", "cochair")

# Forms: (roles, URL name or path of the page holding the form, CSS selector of the form). Blanked, then submitted.
FORMS = [
    (("anonymous",), "login", "main form.form"),
    (("anonymous",), "password_reset", "main form.form"),
    (("anonymous",), "password_reset_confirm", "main form.form"),
    (SIGNED_IN, "password_change", "main form.form"),
    (REVIEWERS, "meetings:year", "form[action*='/comments/']"),
    (REVIEWERS, "meetings:detail", "form[action*='/comments/']"),
    *[
        (("secretariat",), name, "main form.form")
        for name in (
            "meetings:year_create",
            "meetings:year_edit",
            "meetings:entry_create",
            "meetings:entry_edit",
            "meetings:create",
            "meetings:edit",
            "recommendations:add",
            "recommendations:edit",
            "recommendations:briefer_add",
            "recommendations:briefer_edit",
            "recommendations:question_add",
            "recommendations:question_edit",
            "recommendations:goal_add",
            "recommendations:goal_edit",
            "documents:note_edit",
            "documents:attachment_upload",
        )
    ],
    (("secretariat",), "recommendations:detail", "form[action$='/status/']"),
    (("secretariat",), "documents:summary", "form[action$='/issue/']"),
    (("secretariat",), "/documents/meetings/{draft}/summary/edit/", "main form.form"),  # a draft: editable
    (("secretariat",), "/recommendations/meeting/{follow_up}/review/", "form.review-item__form"),
]
# Not here: the step form (every field optional: no error state), buttons without fields (confirmations).
# Filters and the planner: (roles, path with a value the form refuses).
BAD_QUERIES = [
    ((*ROLES,), "/work/planner/?meeting_date=31-31-2026"),
    (SIGNED_IN, "/recommendations/?year=1800"),
    (SIGNED_IN, "/recommendations/renewals/?months=many"),
]

BLANK_FORM = """form => {
    for (const field of form.querySelectorAll("input, textarea, select")) {
        if (field.type === "hidden" || field.disabled || !field.checkVisibility()) continue;
        if (field.tagName === "SELECT") {
            if ([...field.options].some(o => o.value === "")) field.value = "";
        } else if (field.type === "checkbox" || field.type === "radio") {
            field.checked = false;
        } else if (["text", "textarea", "email", "search", "url", "tel"].includes(field.type)) {
            field.value = "   ";
        } else if (field.type !== "submit" && field.type !== "button") {
            field.value = "";
        }
    }
}"""

ERROR_STATE = """() => {
    const summary = document.querySelector("[data-error-summary]");
    const active = document.activeElement;
    const targets = summary ? [...summary.querySelectorAll("a[href^='#']")].map(a => a.hash.slice(1)) : [];
    const describedByError = el => (el.getAttribute("aria-describedby") || "").split(/\\s+/)
        .some(id => id && document.getElementById(id)?.classList.contains("errorlist"));
    return {
        title: document.title,
        summary: !!summary,
        items: summary ? summary.querySelectorAll("li").length : 0,
        unlinked: summary ? [...summary.querySelectorAll("li")].filter(li => !li.querySelector("a")).length : 0,
        focused: !!(active && active.hasAttribute("data-error-summary")),
        targets,
        missing: targets.filter(id => !document.getElementById(id)),
        undescribed: [...document.querySelectorAll("[aria-invalid='true']")]
            .filter(el => !el.closest("fieldset") && !describedByError(el)).map(el => el.id || el.name),
    };
}"""


def _axe(page) -> list[dict]:
    from e2e.conftest import axe_violations

    return axe_violations(page, impacts=ALL_IMPACTS, tags=AXE_TAGS)


def _role_page(new_page, live_server, site, role):
    page = new_page()
    sign_in(page, live_server, site, role)
    return page


def test_every_page_passes_axe_for_every_role(site, new_page, live_server):
    failures, seen = [], 0
    for role in ROLES:
        page = _role_page(new_page, live_server, site, role)
        visited = set()
        for entry in site.pages(role):
            response = page.goto(live_server.url + entry.url)
            assert_html(response, entry)
            if page.url in visited:  # a redirect to a page already audited (the sign-in page, signed in)
                continue
            visited.add(page.url)
            seen += 1
            if violations := _axe(page):
                failures.append(format_violations(f"{entry.label} -> {page.url}", violations))
    assert seen > 100, f"only {seen} pages audited"
    assert not failures, f"axe-core ({', '.join(AXE_TAGS)}) on every page:\n" + "\n".join(failures)


def _check_error_state(page, label: str) -> list[str]:
    problems = []
    state = page.evaluate(ERROR_STATE)
    if not state["title"].startswith("Error: "):
        problems.append(f"{label}: the title {state['title']!r} does not start with 'Error: '")
    if not state["summary"]:
        problems.append(f"{label}: no error summary")
    else:
        if not state["focused"]:
            problems.append(f"{label}: focus is not on the error summary")
        if state["missing"]:
            problems.append(f"{label}: the error summary links to missing fields {state['missing']}")
        if state["unlinked"] and not (state["items"] == state["unlinked"] and not state["targets"]):
            problems.append(f"{label}: {state['unlinked']} of the summary's items link to no field")
        if state["targets"] and not state["missing"]:
            page.locator("[data-error-summary] a[href^='#']").first.click()
            focused = page.evaluate("document.activeElement.id")
            if focused != state["targets"][0]:
                problems.append(f"{label}: the summary's link focuses {focused!r}, not #{state['targets'][0]}")
    if state["undescribed"]:
        problems.append(f"{label}: invalid fields not described by their error: {state['undescribed']}")
    if violations := _axe(page):
        problems.append(format_violations(label, violations))
    return problems


def test_every_form_error_state_is_accessible_for_every_role(site, new_page, live_server):
    from documents.models import Summary

    world = site.world
    # The issuance form shows once the summary is submitted for issuance; the review form on a follow-up.
    Summary.objects.filter(meeting=world.meeting).update(status=Summary.Status.SUBMITTED)
    follow_up = factories.make_meeting(
        world.meeting.agenda_year,
        world.meeting.situation,
        kind=Meeting.Kind.FOLLOW_UP,
        follows_up=world.meeting,
        date=datetime.date(2026, 12, 17),
    )
    paths = {"draft": world.draft_meeting.pk, "follow_up": follow_up.pk}
    problems, seen = [], 0
    for role in ROLES:
        page = _role_page(new_page, live_server, site, role)
        for roles, name, selector in FORMS:
            if role not in roles:
                continue
            if name.startswith("/"):
                entry = SitePage(role=role, name=name, case=0, url=name.format(**paths), status=200)
            else:
                entry = site.pages(role, names=[name])[0]
            label = f"{role} {name} {selector}"
            assert_html(page.goto(live_server.url + entry.url), entry)
            form = page.locator(selector).first
            if not form.count():
                problems.append(f"{label}: no such form at {page.url}")
                continue
            form.evaluate(BLANK_FORM)
            with page.expect_navigation():
                form.locator("button[type=submit], input[type=submit], button:not([type])").last.click()
            seen += 1
            problems += _check_error_state(page, f"{label} -> {page.url}")
            # An error state may answer 400 (the browser logs it); that is the point here, not a problem.
            page.problems[:] = [p for p in page.problems if "status of 400 (Bad Request)" not in p]
        for roles, path in BAD_QUERIES:
            if role in roles:
                page.goto(live_server.url + path)
                seen += 1
                problems += _check_error_state(page, f"{role} {path}")
    assert seen >= 40, f"only {seen} error states checked"
    assert not problems, "Form error states:\n" + "\n".join(problems)


@pytest.fixture(autouse=True)
def _no_lockout(settings):
    """The blank sign-in form counts as a failed attempt; the lockout must not hide the error state."""
    settings.AXES_ENABLED = False
