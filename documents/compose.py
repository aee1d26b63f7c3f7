"""A Summary as a CouncilDocument: what documents.pdf prints and the public page shows.

MINIMAL STAND-IN, written on the renderer's branch (wip/pdf) so that ``render_summary`` and the public page keep
working from the CURRENT Summary fields: the year's co-chairs as signatories (states by name), the fixed 2016
formula for the letter, the fixed annex sections. The composer's full version (signatories with the penholder,
the editable letter, the annex's own sections) replaces this module at merge; keep ``summary_document(summary, *,
today)`` and the helpers below (``summary_context``, ``lettered_recommendations``, ``signatories``,
``default_source_note``) that views and the renderer import.
"""

from __future__ import annotations

import datetime

from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from countries.models import PermanentRepresentative
from recommendations.lettering import labelled_groups, letter_label
from recommendations.models import Recommendation

from .council import CouncilDocument, ListBlock, ListItem, Section, Signature
from .formatting import council_date, join_names
from .models import Summary

# How each source reads in the footnote that says where the recommendations come from.
SOURCE_PHRASES = {
    Recommendation.Source.UN_PARTICIPANTS: gettext_lazy("United Nations participants"),
    Recommendation.Source.BACKGROUND_NOTE: gettext_lazy("the secretariat's background note"),
    Recommendation.Source.CO_CHAIRS: gettext_lazy("the Co-Chairs"),
}


def lettered_recommendations(meeting) -> list[tuple[str, Recommendation]]:
    recommendations = meeting.recommendations.exclude(status=Recommendation.Status.WITHDRAWN).order_by("order", "pk")
    return [(letter_label(i), rec) for i, rec in enumerate(recommendations)]


def default_source_note(recommendations: list[tuple[str, Recommendation]]) -> str:
    """The Guidelines' caveat, from the recommendations' sources, when the meeting has no source note."""
    present = {rec.source for _label, rec in recommendations}
    phrases = [str(phrase) for source, phrase in SOURCE_PHRASES.items() if source in present]
    if not phrases:
        return ""
    return _(
        "The recommendations are suggestions from %(sources)s; they are not recommendations of the "
        "Informal Expert Group as a whole."
    ) % {"sources": join_names(phrases)}


def signatories(agenda_year, letter_date: datetime.date) -> list[dict]:
    """One signature block per co-chair state: its permanent representative in office on the letter date."""
    states = sorted(agenda_year.co_chairs.all(), key=lambda state: state.name)
    in_office = {}
    for rep in (
        PermanentRepresentative.objects.as_of(letter_date)
        .filter(member_state__in=states)
        .order_by("member_state_id", "-start_date")
    ):
        in_office.setdefault(rep.member_state_id, rep)
    return [{"state": state, "representative": in_office.get(state.pk)} for state in states]


def summary_context(summary: Summary, *, today: datetime.date) -> dict:
    """What the summary's page shows beside the document (who signs, which representatives are missing)."""
    meeting = summary.meeting
    letter_date = summary.letter_date or today
    signers = signatories(meeting.agenda_year, letter_date)
    recommendations = lettered_recommendations(meeting)
    return {
        "summary": summary,
        "meeting": meeting,
        "draft": not summary.is_issued,
        "symbol": meeting.symbol if summary.is_issued else "",
        "letter_date": letter_date,
        "issue_date": summary.issue_date,
        "signatories": signers,
        "states_phrase": join_names([signer["state"].name for signer in signers]),
        "missing_representatives": [s["state"] for s in signers if s["representative"] is None],
        "recommendations": recommendations,
        "source_note": meeting.source_note or default_source_note(recommendations),
    }


def _signature(signer: dict) -> Signature:
    rep = signer["representative"]
    state = signer["state"].in_text
    if rep is None:  # printed with a blank to fill
        return Signature(given_names="", surname="", title="Permanent Representative", state=state, ambassador=False)
    return Signature(
        given_names=rep.given_names, surname=rep.surname, title=rep.title, state=state, ambassador=rep.ambassador
    )


def summary_document(summary: Summary, *, today: datetime.date) -> CouncilDocument:
    context = summary_context(summary, today=today)
    meeting = summary.meeting
    states = join_names([signer["state"].formal for signer in context["signatories"]])
    letter = (
        f"letter dated {council_date(context['letter_date'])} from the Permanent Representatives of {states} "
        "to the United Nations addressed to the Secretary-General"
    )
    held = f", held on {council_date(meeting.date)}" if meeting.date else ""
    body = (
        f"<p>{escape(join_names([s['state'].in_text for s in context['signatories']]))}, as Co-Chairs of the "
        f"{escape(meeting.agenda_year.group)}, have the honour to transmit herewith the summary of the meeting "
        f"of the Group on {escape(meeting.subject)}{held} (see annex).</p>"
        "<p>We would be grateful if the present letter and its annex could be circulated as a document of the "
        "Security Council.</p>"
    )
    sections = []
    if summary.introduction:
        sections.append(Section("", (summary.introduction,)))
    if summary.main_points:
        sections.append(Section(_("Main points raised"), (summary.main_points,)))
    if summary.council_questions:
        sections.append(Section(_("Questions from Council members"), (summary.council_questions,)))
    groups = [group for group in labelled_groups(meeting) if group.items]
    if groups:
        source_note = context["source_note"]
        blocks = []
        for number, group in enumerate(groups):
            items = [ListItem(label, escape(rec.text)) for label, rec in group.items]
            if number == 0 and source_note:  # the source disclaimer, a footnote on the first recommendation
                footnote = f'<span class="footnote">{escape(source_note)}</span>'
                items[0] = ListItem(items[0].label, items[0].html + footnote)
            items = [ListItem(item.label, f"<p>{item.html}</p>") for item in items]
            lead_in = f"<p>{escape(group.lead_in)}</p>" if group.lead_in else ""
            blocks.append(ListBlock(group.heading, lead_in, tuple(items)))
        sections.append(Section(_("Recommendations"), tuple(blocks)))
    if summary.closing:
        sections.append(Section("", (summary.closing,)))
    subtitle = (f"{meeting.get_kind_display()}, {council_date(meeting.date)}",) if meeting.date else ()
    return CouncilDocument(
        symbol=context["symbol"],
        issue_date=summary.issue_date,
        letter_date=context["letter_date"],
        title=letter[:1].upper() + letter[1:],
        body_html=body,
        signatures=tuple(_signature(signer) for signer in context["signatories"]),
        annex_heading=f"Annex to the {letter}",
        annex_title_lines=(summary.title, *subtitle),
        sections=tuple(sections),
        draft=context["draft"],
        author=states,
        subject=summary.title,
    )
