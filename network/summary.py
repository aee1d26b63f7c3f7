"""A Network document as the joint General Assembly / Security Council document it is issued as.

``network_document(document, today=...)`` builds the ``documents.council.CouncilDocument`` that the one renderer
(documents.pdf) prints and that the document's page shows: the letter from the troika's permanent
representatives (“Spain, together with Germany and Namibia, has the honour to transmit ...”), one signature block
per troika state (the representative in office on the letter date), the annex with its title lines, its sections
and, for a chair's summary, the meeting's key action points lettered (a), (b) ... and numbered (i), (ii) ...

The troika is derived from the chairs (network.troika), never typed. Queries are constant: the chairs, the
representatives in office, the sections, the action points.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.utils.html import escape

from core.numbering import letter_label, roman_label
from documents import formulas
from documents.compose import resolve_signatories
from documents.council import (
    ADDRESSEE_TEXT,
    Addressee,
    CouncilDocument,
    ListBlock,
    ListItem,
    Organs,
    Section,
    blocks_from_html,
)
from documents.formatting import council_date, in_document_language, join_names

from .approving import signing_states
from .choices import DocumentKind
from .models import ActionPointGroup, NetworkDocument
from .services import troika_of

KEY_ACTION_POINTS = "Key action points"


def lettered_points(meeting) -> list[tuple[str, ActionPointGroup, list]]:
    """The meeting's action points as the summary prints them: [("(a)", group, [("(i)", point), ...]), ...]."""
    groups = list(meeting.action_groups.prefetch_related("points")) if meeting else []
    return [
        (letter_label(g), group, [(roman_label(p), point) for p, point in enumerate(group.points.all())])
        for g, group in enumerate(groups)
    ]


def ga_session_on(day: datetime.date) -> int:
    """The General Assembly session in progress on ``day`` (a suggestion the secretariat can correct): each
    opens in the third week of September; the seventy-second opened on 12 September 2017."""
    return day.year - 1945 if (day.month, day.day) >= (9, 15) else day.year - 1946


@dataclass(frozen=True)
class _Row:
    """A troika state as documents.compose.resolve_signatories reads a signatory."""

    member_state: object
    role: str
    representative_id: None = None
    representative: None = None
    title: str = ""

    @property
    def member_state_id(self) -> int:
        return self.member_state.pk


def troika_states(document: NetworkDocument) -> tuple[list, list]:
    """(the troika's states in name order, the same with the letter's lead first): the members that are states;
    a regional organization does not sign."""
    troika = troika_of(document.year)
    chair = next((seat.members for seat in troika.seats if seat.role == "incumbent"), ())
    lead_id = document.lead_id or (chair[0].pk if chair else None)
    lead_state = next((m.member_state_id for m in troika.members if m.pk == lead_id), None)
    by_name = signing_states(troika)
    return by_name, sorted(by_name, key=lambda state: state.pk != lead_state)


def transmitted(document: NetworkDocument) -> str:
    """What the letter transmits: “the Chair's summary of the ..., held in New York on 21 September 2017”."""
    what = f"the {document.title}"
    meeting = document.meeting
    if meeting is not None and document.kind == DocumentKind.CHAIRS_SUMMARY:
        place = meeting.city.split(",")[0].strip()
        what += f", held in {place}" if place else ", held"
        what += f" on {council_date(meeting.start_date)}"
    return what


def action_points_section(document: NetworkDocument) -> Section | None:
    groups = lettered_points(document.meeting)
    if document.kind != DocumentKind.CHAIRS_SUMMARY or not groups:
        return None
    items = []
    for letter, group, points in groups:
        inner = "".join(f"<li>{escape(point.text.strip())}</li>" for _number, point in points)
        items.append(ListItem(letter, escape(group.heading) + (f'<ol type="i">{inner}</ol>' if inner else "")))
    lead_in = document.action_points_lead_in.strip()
    block = ListBlock(lead_in_html=f"<p>{escape(lead_in)}</p>" if lead_in else "", items=tuple(items))
    return Section(KEY_ACTION_POINTS, (block,))


@in_document_language
def network_document(document: NetworkDocument, *, today: datetime.date) -> CouncilDocument:
    """The document as issued (or, until then, as a watermarked draft dated ``today``)."""
    letter_date = document.letter_date or today
    by_name, lead_first = troika_states(document)
    signatories = resolve_signatories([_Row(state, formulas.CHAIR) for state in by_name], letter_date)
    addressee = ADDRESSEE_TEXT[Addressee.SECRETARY_GENERAL]
    title = formulas.letter_title([s.signer for s in signatories], letter_date=letter_date, addressee=addressee)
    body = document.letter_body or formulas.letter_body_html(
        [formulas.Signer(s.in_text, s.formal, formulas.CHAIR) for s in lead_first],
        group="",
        what=transmitted(document),
        closing=formulas.closing_request_ga_sc(document.agenda_item),
    )
    sections = [Section(row.heading, blocks_from_html(row.body)) for row in document.sections.all()]
    points = action_points_section(document)
    if points is not None:
        sections.append(points)
    issued = document.is_issued
    return CouncilDocument(
        organs=Organs.GENERAL_ASSEMBLY_AND_SECURITY_COUNCIL,
        symbol=document.symbol if issued else "",
        issue_date=document.issue_date if issued else None,
        letter_date=letter_date,
        job_number=document.job_number if issued else "",
        ga_session=document.ga_session,
        agenda_item=document.agenda_item,
        agenda_item_title=document.agenda_item_title,
        title=title,
        body_html=body,
        signatures=tuple(s.signature for s in signatories),
        annex_heading=formulas.annex_heading(title),
        annex_title_lines=(document.title, *document.subtitle_lines),
        sections=tuple(sections),
        draft=not issued,
        author=join_names([state.in_text for state in by_name]),
        subject=document.title,
        extra={"missing_representatives": [s.member_state for s in signatories if s.representative is None]},
    )


def fingerprint(doc: CouncilDocument) -> str:
    """A digest of what the troika approves: the letter, the signatories, the annex (not the symbols)."""
    content = [
        doc.title,
        doc.body_html,
        [vars(s) for s in doc.signatures],
        list(doc.annex_title_lines),
        [[s.heading, [b if isinstance(b, str) else repr(b) for b in s.blocks]] for s in doc.sections],
        [doc.ga_session, doc.agenda_item, doc.agenda_item_title],
    ]
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()
