"""Factories for documents tests (and the PDF bench)."""

from __future__ import annotations

import datetime

from countries.models import PermanentRepresentative
from meetings.tests.factories import make_state
from recommendations.models import Recommendation

from ..models import BackgroundNote, NoteSection, Summary, SummarySection, SummarySignatory
from ..note_texts import FOCUS_AREA_KEYS, FOCUS_AREAS, RECOMMENDATIONS, SectionText

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


def focus_sections(**areas: str) -> list[SectionText]:
    """Sections for focus areas given by key (``participation="<p>…</p>"``), in the Guidelines' order, then the
    recommendations block: a country note as the default form writes it."""
    unknown = set(areas) - set(FOCUS_AREA_KEYS)
    assert not unknown, f"not focus areas: {unknown}"
    return [SectionText(str(heading), areas[key], focus_area=key) for key, heading in FOCUS_AREAS if areas.get(key)] + [
        SectionText("Key recommendations", kind=RECOMMENDATIONS)
    ]


def set_sections(note: BackgroundNote, sections: list[SectionText]) -> None:
    NoteSection.objects.filter(note=note).delete()
    for order, section in enumerate(sections, start=1):
        NoteSection.objects.create(note=note, order=order, **section.as_json())
    getattr(note, "_prefetched_objects_cache", {}).pop("section_rows", None)


def make_note(meeting, *, sections: list[SectionText] | None = None, **fields) -> BackgroundNote:
    """A note; focus areas by key (``participation=...``; by default one paragraph there) or ``sections``."""
    areas = {key: fields.pop(key) for key in FOCUS_AREA_KEYS if key in fields}
    areas.setdefault("participation", f"<p>{LOREM}</p>")
    if sections is None:
        sections = focus_sections(**areas)
    note = BackgroundNote.objects.create(meeting=meeting, **fields)
    set_sections(note, sections)
    return note


def edit_areas(note: BackgroundNote, **areas: str) -> list[tuple[int | None, SectionText]]:
    """The note's sections (as the service takes them: row id, text) with some focus areas rewritten."""
    rows = list(NoteSection.objects.filter(note=note))
    edits = [
        (row.pk, SectionText(row.heading, areas.pop(row.focus_area, row.body), row.part, row.kind, row.focus_area))
        for row in rows
    ]
    edits += [(None, SectionText(str(dict(FOCUS_AREAS)[key]), body, focus_area=key)) for key, body in areas.items()]
    return edits


def note_post(note: BackgroundNote, *, version=None, note_date: str | None = None, **areas: str) -> dict:
    """The edit form's POST for a saved note, with some focus areas rewritten (the others as they are)."""
    rows = edit_areas(note, **areas)
    if note_date is None:
        note_date = note.note_date.isoformat() if note.note_date else ""
    return section_post(rows, version=note.version if version is None else version, note_date=note_date)


def section_post(rows, *, version=None, note_date: str = "", deleted: tuple[int, ...] = ()) -> dict:
    """The edit form's POST for sections given as (row id or None, SectionText)."""
    data = {"sections-TOTAL_FORMS": str(len(rows)), "sections-INITIAL_FORMS": str(len(rows)), "note_date": note_date}
    if version is not None:
        data["version"] = version
    for i, (pk, text) in enumerate(rows):
        data.update({f"sections-{i}-{name}": value for name, value in text.as_json().items()})
        if pk is not None:
            data[f"sections-{i}-id"] = pk
        if i in deleted:
            data[f"sections-{i}-DELETE"] = "on"
    return data


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
