"""Factories for documents tests (and the PDF bench)."""

from __future__ import annotations

import datetime

from countries.models import PermanentRepresentative
from meetings.tests.factories import make_state
from recommendations.models import Recommendation

from ..models import BackgroundNote, Summary, SummarySection, SummarySignatory

LOREM = (
    "Women's organizations in the country reported that their participation in the ceasefire monitoring bodies "
    "remains below the thirty per cent commitment, and that threats against women human rights defenders rose "
    "during the reporting period, in particular ahead of the elections."
)


def make_representative(
    state: str, name: str, *, start: datetime.date, end: datetime.date | None = None, title: str = ""
) -> PermanentRepresentative:
    return PermanentRepresentative.objects.create(
        member_state=make_state(state),
        name=name,
        start_date=start,
        end_date=end,
        **({"title": title} if title else {}),
    )


def make_recommendations(meeting, texts, **fields) -> list[Recommendation]:
    return [
        Recommendation.objects.create(meeting=meeting, order=order, text=text, **fields)
        for order, text in enumerate(texts, start=1)
    ]


def make_note(meeting, **fields) -> BackgroundNote:
    fields.setdefault("participation", f"<p>{LOREM}</p>")
    return BackgroundNote.objects.create(meeting=meeting, **fields)


# The old fixed sections, now rows: make_summary(meeting, main_points="...") fills the section of that name.
SECTION_SHORTHAND = {
    "introduction": ("", "text"),
    "main_points": ("Main points raised", "text"),
    "council_questions": ("Questions from Council members", "text"),
    "recommendations": ("Recommendations", "recommendations"),
    "closing": ("", "text"),
}


def make_summary(meeting, *, sections=None, signatories=None, **fields) -> Summary:
    """A summary with its sections (the old layout: introduction, main points, questions, recommendations,
    closing; those given as keyword arguments get text) and the year's co-chairs as signatories (or
    ``signatories``: (state name, role) pairs)."""
    fields.setdefault("title", f"Summary of the meeting on {meeting.subject}")
    # The co-chairs' letter a week after the meeting.
    fields.setdefault("letter_date", (meeting.date or datetime.date(2026, 12, 10)) + datetime.timedelta(days=8))
    texts = {name: fields.pop(name) for name in list(fields) if name in SECTION_SHORTHAND}
    texts.setdefault("main_points", f"<p>{LOREM}</p>")
    summary = Summary.objects.create(meeting=meeting, **fields)
    if sections is None:
        sections = [
            (heading, kind, texts.get(name, ""))
            for name, (heading, kind) in SECTION_SHORTHAND.items()
            if texts.get(name) or kind == "recommendations"
        ]
    for order, (heading, kind, body) in enumerate(sections, start=1):
        SummarySection.objects.create(summary=summary, order=order, heading=heading, kind=kind, body=body)
    if signatories is None:
        co_chairs = sorted(meeting.agenda_year.co_chairs.all(), key=lambda state: state.name)
        signatories = [(state.name, "co_chair") for state in co_chairs]
    for order, (state, role) in enumerate(signatories, start=1):
        SummarySignatory.objects.create(summary=summary, order=order, member_state=make_state(state), role=role)
    return summary


def section(summary, heading: str) -> SummarySection:
    return summary.sections.get(heading=heading)


def hold(meeting, *, by=None):
    """Move a planned meeting to "held", as after the meeting took place."""
    from meetings.services import change_status

    for status in ("confirmed", "held"):
        change_status(meeting, status, by=by, today=meeting.date)  # on the day: not held before its date
    return meeting


def issue(summary, *, approvers, by, symbol: str = "S/2026/900", publish: bool = False):
    """Take a draft summary of a held meeting through approval, submission, issuance (and publication)."""
    from django.utils import timezone

    from .. import services

    now = timezone.now()
    for user in approvers:
        summary, _approval = services.approve_summary(summary, by=user, now=now)
    summary = services.submit_summary(summary, by=by, now=now)
    summary = services.issue_summary(summary, symbol, by=by, now=now, issue_date=datetime.date(2026, 12, 28))
    if publish:
        summary = services.publish_summary(summary, by=by, now=now)
    return summary


def share(note, *, by):
    from django.utils import timezone

    from .. import services

    services.submit_for_review(note, by=by)
    return services.share_note(note, by=by, now=timezone.now())


def summary_post(version, bodies=(), *, headings=None, **fields) -> dict:
    """The summary form's POST: its fields and one (heading, text) per section, in the summary's order."""
    data = {
        "title": "Summary of the meeting on South Sudan",
        "letter_date": "2026-12-18",
        "addressee": "sg",
        "attach_source_note": "on",
        "letter_body": "",
        "version": version,
        "sections-TOTAL_FORMS": len(bodies),
        "sections-INITIAL_FORMS": len(bodies),
    }
    for i, body in enumerate(bodies):
        data[f"sections-{i}-heading"] = (headings or [""] * len(bodies))[i]
        data[f"sections-{i}-body"] = body
    data.update(fields)
    return data
