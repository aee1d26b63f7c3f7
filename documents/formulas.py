"""The words of the Council's letters, as the originals write them: pure functions, no ORM.

A formula takes who signs (``Signer``: a state's names and the role it signs in) and returns text. A formula
never states a role a signatory does not hold: the co-chairs' formula only when every signatory co-chairs, the
"in close cooperation with" formula only for co-chairs with the penholder, otherwise "A, together with B and C,
has the honour ...", which names no role at all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.html import escape

from .formatting import council_date, join_names

CO_CHAIR = "co_chair"
PENHOLDER = "penholder"
CHAIR = "chair"
PERMANENT_REPRESENTATIVE = "Permanent Representative"


@dataclass(frozen=True)
class Signer:
    """One signatory as the words need it: ``in_text`` (“the United Kingdom”), ``formal`` (“the United Kingdom of
    Great Britain and Northern Ireland”), the role it signs in, and the title it signs under."""

    in_text: str
    formal: str
    role: str = CO_CHAIR
    title: str = PERMANENT_REPRESENTATIVE


def sentence_start(text: str) -> str:
    """“the United Kingdom ...” opening a sentence: “The United Kingdom ...”."""
    return text[:1].upper() + text[1:]


def plural_title(title: str, count: int) -> str:
    """“Permanent Representatives”, “Chargés d'affaires a.i.”: a title shared by ``count`` signatories."""
    if count == 1:
        return title
    if title.startswith("Chargé d'affaires") or title.startswith("Chargé d’affaires"):
        return "Chargés" + title[len("Chargé") :]
    if title.endswith("Representative"):
        return title + "s"
    return title


def from_phrase(signers: list[Signer]) -> str:
    """“the Permanent Representatives of Ireland and Mexico and the Chargé d'affaires a.i. of Norway”: the
    signatories grouped by the title they sign under, each group in order of first appearance, formal names."""
    order: list[str] = []
    by_title: dict[str, list[str]] = {}
    for signer in signers:
        title = signer.title or PERMANENT_REPRESENTATIVE
        if title not in by_title:
            order.append(title)
            by_title[title] = []
        by_title[title].append(signer.formal)
    groups = [f"the {plural_title(title, len(by_title[title]))} of {join_names(by_title[title])}" for title in order]
    if len(groups) <= 2:
        return " and ".join(groups)
    return join_names(groups)


def letter_title(signers: list[Signer], *, letter_date: datetime.date | None, addressee: str) -> str:
    """“Letter dated 22 December 2016 from the Permanent Representatives of Spain and the United Kingdom of Great
    Britain and Northern Ireland to the United Nations addressed to the Secretary-General”."""
    dated = f"Letter dated {council_date(letter_date)}" if letter_date else "Letter"
    return f"{dated} from {from_phrase(signers)} to the United Nations addressed to {addressee}"


def annex_heading(title: str) -> str:
    """“Annex to the letter dated ...”: the letter's title, as the annex names it."""
    return "Annex to the " + title[:1].lower() + title[1:] if title else "Annex"


def wps_phrase(group: str) -> str:
    """The agenda as the Group's name of that year writes it: “women and peace and security” (2016),
    “women, peace and security” (from 2017)."""
    return "women, peace and security" if "Women, Peace and Security" in group else "women and peace and security"


def _roles(signers: list[Signer]) -> set[str]:
    return {signer.role for signer in signers}


def formula_kind(signers: list[Signer]) -> str:
    """Which formula fits: "co_chairs" (every signatory co-chairs), "cooperation" (co-chairs and the penholder),
    "chair" (the Network's chair signs alone, or with other members: not used by IEG summaries), or "together"."""
    roles = _roles(signers)
    if not signers:
        return "together"
    if roles == {CO_CHAIR}:
        return "co_chairs"
    if CO_CHAIR in roles and roles <= {CO_CHAIR, PENHOLDER}:
        return "cooperation"
    return "together"


def transmittal(signers: list[Signer], *, group: str, what: str) -> str:
    """The letter's first sentence, plain text: who transmits ``what`` (“the summary of ...”), in the formula
    that fits the signatories."""
    kind = formula_kind(signers)
    if kind in {"co_chairs", "cooperation"}:
        co_chairs = [signer for signer in signers if signer.role == CO_CHAIR]
        others = [signer for signer in signers if signer.role == PENHOLDER]
        as_what = "as Co-Chairs" if len(co_chairs) > 1 else "as Co-Chair"
        opening = f"{sentence_start(join_names([s.in_text for s in co_chairs]))}, {as_what} of the {group}"
        if others:
            opening += (
                f", in close cooperation with {join_names([s.in_text for s in others])}, "
                f"as penholder on {wps_phrase(group)}"
            )
        verb = "have" if len(co_chairs) > 1 else "has"
        return f"{opening}, {verb} the honour to transmit herewith {what} (see annex)."
    if not signers:
        return f"We have the honour to transmit herewith {what} (see annex)."
    lead, *rest = signers
    opening = sentence_start(lead.in_text)
    if rest:
        opening += f", together with {join_names([s.in_text for s in rest])},"
    return f"{opening} has the honour to transmit herewith {what} (see annex)."


def closing_request_sc() -> str:
    return (
        "We would be grateful if the present letter and its annex could be circulated as a document of the "
        "Security Council."
    )


def closing_request_ga_sc(agenda_item: int) -> str:
    """The closing request of a joint document of the General Assembly and the Security Council."""
    return (
        "We would be grateful if the present letter and its annex could be circulated as a document of the "
        f"General Assembly, under agenda item {agenda_item}, and of the Security Council."
    )


def summary_what(subject: str, meeting_date: datetime.date | None) -> str:
    """“the summary of the meeting of the Group on South Sudan, held on 10 December 2026”."""
    what = f"the summary of the meeting of the Group on {subject}"
    if meeting_date:
        what += f", held on {council_date(meeting_date)}"
    return what


def letter_body_html(signers: list[Signer], *, group: str, what: str, closing: str | None = None) -> str:
    """The letter's paragraphs as HTML: the transmittal, then the closing request."""
    paragraphs = [transmittal(signers, group=group, what=what), closing or closing_request_sc()]
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
