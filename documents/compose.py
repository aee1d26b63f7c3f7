"""A summary as the Council document it is issued as: ``summary_document(summary, today=...)`` builds the
``CouncilDocument`` that the renderer (documents.pdf) prints and that the summary page shows.

Everything the document says comes from here, so that the app and the PDF cannot differ: the signatories and
their representatives on the letter date, the letter's title and body (the secretariat's words, or the formula
that fits the signatories), the signature blocks, and the annex's sections in their order, with the
recommendations in their groups lettered by ``recommendations.lettering.labelled_groups``.

Queries are constant whatever the size: the signatories (with states and chosen representatives), the
representatives in office, the sections, and, only for the kinds of section present, the recommendation
groups and recommendations, the briefers and goals, the questions.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.html import escape, linebreaks
from django.utils.translation import gettext_lazy

from countries.models import MemberState, PermanentRepresentative
from recommendations.lettering import labelled_groups
from recommendations.models import Recommendation

from . import formulas
from .council import ADDRESSEE_TEXT, Addressee, CouncilDocument, ListBlock, ListItem, Organs, Section, Signature
from .formatting import in_document_language, join_names
from .models import AnnexSectionBase, SignatoryBase, Summary
from .prefill import briefing_section, questions_section

# How each source reads in the footnote that says where the recommendations come from.
SOURCE_PHRASES = {
    Recommendation.Source.UN_PARTICIPANTS: gettext_lazy("United Nations participants"),
    Recommendation.Source.BACKGROUND_NOTE: gettext_lazy("the secretariat's background note"),
    Recommendation.Source.CO_CHAIRS: gettext_lazy("the Co-Chairs"),
}


@dataclass(frozen=True)
class ResolvedSignatory:
    """A signatory with the representative who signs: the one chosen, else the one in office on the letter date
    (None when none is on record: the page warns, the block prints without a name)."""

    member_state: MemberState
    role: str
    representative: PermanentRepresentative | None
    title: str

    @property
    def signer(self) -> formulas.Signer:
        return formulas.Signer(
            in_text=self.member_state.in_text, formal=self.member_state.formal, role=self.role, title=self.title
        )

    @property
    def signature(self) -> Signature:
        rep = self.representative
        return Signature(
            given_names=rep.given_names if rep else "",
            surname=rep.surname if rep else "",
            title=self.title,
            state=self.member_state.in_text,
            ambassador=rep.ambassador if rep else False,
        )


def resolve_signatories(rows: list[SignatoryBase], letter_date: datetime.date) -> list[ResolvedSignatory]:
    """The signatories with their representatives, in order: one query for those not chosen by hand."""
    unchosen = {row.member_state_id for row in rows if row.representative_id is None}
    in_office: dict[int, PermanentRepresentative] = {}
    if unchosen:
        for rep in (
            PermanentRepresentative.objects.as_of(letter_date)
            .filter(member_state_id__in=unchosen)
            .order_by("member_state_id", "-start_date")
        ):
            in_office.setdefault(rep.member_state_id, rep)
    resolved = []
    for row in rows:
        rep = row.representative if row.representative_id else in_office.get(row.member_state_id)
        title = row.title or (rep.title if rep else "") or formulas.PERMANENT_REPRESENTATIVE
        resolved.append(ResolvedSignatory(row.member_state, row.role, rep, title))
    return resolved


def honest_roles(rows: list[SignatoryBase], agenda_year) -> list[SignatoryBase]:
    """A signatory never signs in a role its state does not hold that year (the year's co-chairs may have been
    changed since it was added): such a role reads as "other", so no formula calls it a Co-Chair."""
    co_chairs = {state.pk for state in agenda_year.co_chairs.all()}
    Role = SignatoryBase.Role
    for row in rows:
        if (row.role == Role.CO_CHAIR and row.member_state_id not in co_chairs) or (
            row.role == Role.PENHOLDER and row.member_state_id != agenda_year.penholder_id
        ):
            row.role = Role.OTHER
    return rows


def summary_signatories(summary: Summary, letter_date: datetime.date) -> list[ResolvedSignatory]:
    rows = list(summary.signatories.select_related("member_state", "representative").order_by("order", "pk"))
    return resolve_signatories(honest_roles(rows, summary.meeting.agenda_year), letter_date)


def source_disclaimer(sources: set[str]) -> str:
    """The Guidelines' caveat from the recommendations' sources, when the meeting has no source note."""
    phrases = [str(phrase) for source, phrase in SOURCE_PHRASES.items() if source in sources]
    if not phrases:
        return ""
    return (
        f"The recommendations are suggestions from {join_names(phrases)}; they are not recommendations "
        "of the Informal Expert Group as a whole."
    )


def footnote(text: str) -> str:
    return f'<span class="footnote">{escape(text)}</span>'


def _text_html(text: str) -> str:
    """Typed plain text (a lead-in, a recommendation) as HTML: escaped, paragraphs kept."""
    return linebreaks((text or "").strip(), autoescape=True) if text and text.strip() else ""


def _attach_to_end(html: str, note: str) -> str:
    """``note`` (a footnote span) at the end of the last paragraph of ``html`` (or after it)."""
    index = html.rfind("</p>")
    return html[:index] + note + html[index:] if index >= 0 else html + note


def recommendation_blocks(meeting, *, source_note: str | None) -> tuple[list[ListBlock], str]:
    """The recommendations as list blocks (the letters of ``labelled_groups``), and the source footnote's text.

    ``source_note`` None: no footnote attached here; "" : the meeting's note, or the default from the sources.
    The footnote goes on the first group's lead-in (its last sentence), not on a heading; with no lead-in, on the
    first item."""
    groups = labelled_groups(meeting)
    text = ""
    if source_note is not None:
        text = meeting.source_note.strip() or source_disclaimer({rec.source for g in groups for _label, rec in g.items})
    blocks = []
    attached = not text
    for group in groups:
        if not group.items and not group.lead_in and not group.heading:
            continue
        lead_in = _text_html(group.lead_in)
        items = [ListItem(label, escape(rec.text)) for label, rec in group.items]
        if not attached and lead_in:
            lead_in, attached = _attach_to_end(lead_in, footnote(text)), True
        elif not attached and items:
            items[0], attached = ListItem(items[0].label, items[0].html + footnote(text)), True
        blocks.append(ListBlock(heading=group.heading, lead_in_html=lead_in, items=tuple(items)))
    return blocks, text


def sections_of(summary: Summary, rows: list[AnnexSectionBase]) -> tuple[Section, ...]:
    meeting = summary.meeting
    kinds = {row.kind for row in rows}
    Kind = AnnexSectionBase.Kind
    briefers = questions = ""
    if Kind.BRIEFERS in kinds:
        briefers = briefing_section(meeting.briefers.order_by("order", "pk"), meeting.goals.order_by("order", "pk"))
    if Kind.QUESTIONS in kinds:
        questions = questions_section(meeting.questions.select_related("delegation").order_by("order", "pk"))
    recommendations: list[ListBlock] = []
    if Kind.RECOMMENDATIONS in kinds:
        recommendations, _text = recommendation_blocks(meeting, source_note="" if summary.attach_source_note else None)
    sections = []
    for row in rows:
        blocks: list[str | ListBlock] = [row.body] if row.body else []
        if row.kind == Kind.BRIEFERS and briefers:
            blocks.append(briefers)
        elif row.kind == Kind.QUESTIONS and questions:
            blocks.append(questions)
        elif row.kind == Kind.RECOMMENDATIONS:
            blocks.extend(recommendations)
            recommendations = []  # a second recommendations section prints nothing twice
        sections.append(Section(heading=row.heading, blocks=tuple(blocks)))
    return tuple(sections)


def default_letter_body(summary: Summary, signers: list[formulas.Signer]) -> str:
    meeting = summary.meeting
    return formulas.letter_body_html(
        signers,
        group=meeting.agenda_year.group,
        what=formulas.summary_what(meeting.subject, meeting.date),
    )


@in_document_language
def summary_document(summary: Summary, *, today: datetime.date) -> CouncilDocument:
    """The summary as a Security Council document: the co-chairs' (and signatories') letter and its annex.

    Watermarked draft until issued; the symbol, issue date and job number print once issued. The letter is
    dated ``summary.letter_date`` (``today`` until it is set); its signatories' representatives are those in
    office that day unless chosen. ``doc.extra["missing_representatives"]``: states with nobody on record.
    """
    meeting = summary.meeting
    letter_date = summary.letter_date or today
    signatories = summary_signatories(summary, letter_date)
    signers = [s.signer for s in signatories]
    addressee = ADDRESSEE_TEXT[Addressee(summary.addressee)]
    title = formulas.letter_title(signers, letter_date=letter_date, addressee=addressee)
    rows = list(summary.sections.order_by("order", "pk"))
    issued = summary.is_issued
    return CouncilDocument(
        organs=Organs.SECURITY_COUNCIL,
        symbol=meeting.symbol if issued else "",
        issue_date=summary.issue_date if issued else None,
        letter_date=letter_date,
        job_number=summary.job_number if issued else "",
        title=title,
        body_html=summary.letter_body or default_letter_body(summary, signers),
        signatures=tuple(s.signature for s in signatories),
        annex_heading=formulas.annex_heading(title),
        annex_title_lines=(summary.title,),
        sections=sections_of(summary, rows),
        draft=not issued,
        author=join_names([s.member_state.in_text for s in signatories]),
        subject=summary.title,
        extra={
            "missing_representatives": [s.member_state for s in signatories if s.representative is None],
            "addressee": addressee,
        },
    )
