"""A document as the United Nations issues it, in plain data: what the one renderer (documents.pdf) prints.

An IEG summary (documents.compose builds it from a Summary), a Focal Points Network chair's summary, or a seed
document re-entered for a test all become a ``CouncilDocument``: the masthead (Security Council, or General
Assembly and Security Council), the letter with its title, body and signature blocks, and the annex with its
heading, title lines and sections. No ORM here: the renderer never queries, and a test can build one by hand.

Rich text fields (``*_html``) hold HTML sanitized by documents.richtext; a footnote is
``<span class="footnote">…</span>`` where the secretariat put it (richtext keeps it), printed at the foot of the
page and numbered in the order it appears.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from enum import StrEnum

from core.numbering import letter_label


class Organs(StrEnum):
    SECURITY_COUNCIL = "sc"
    GENERAL_ASSEMBLY_AND_SECURITY_COUNCIL = "ga_sc"


class Addressee(StrEnum):
    SECRETARY_GENERAL = "sg"
    PRESIDENT_OF_THE_SECURITY_COUNCIL = "psc"


ADDRESSEE_TEXT = {
    Addressee.SECRETARY_GENERAL: "the Secretary-General",
    Addressee.PRESIDENT_OF_THE_SECURITY_COUNCIL: "the President of the Security Council",
}


@dataclass(frozen=True)
class Signature:
    """One signature block: “(Signed) Geraldine **Byrne Nason** / Ambassador / Permanent Representative of
    Ireland to the United Nations”. ``state`` is the state as a sentence names it (“the United Kingdom”)."""

    given_names: str
    surname: str
    title: str
    state: str
    ambassador: bool = True

    @property
    def office(self) -> str:
        return f"{self.title} of {self.state} to the United Nations"


@dataclass(frozen=True)
class ListItem:
    label: str  # "(a)"; "" for an unlettered bullet
    html: str


@dataclass(frozen=True)
class ListBlock:
    """A group of recommendations (or key action points): optional heading and lead-in, then its items."""

    heading: str = ""
    lead_in_html: str = ""
    items: tuple[ListItem, ...] = ()

    @property
    def lettered(self) -> bool:
        return any(item.label for item in self.items)


@dataclass(frozen=True)
class Section:
    """One section of an annex (or of a background note): a heading (may be empty) and its content, in order:
    rich-text HTML strings and list blocks as the secretariat placed them."""

    heading: str = ""
    blocks: tuple[str | ListBlock, ...] = ()


@dataclass
class CouncilDocument:
    organs: Organs = Organs.SECURITY_COUNCIL
    symbol: str = ""  # "S/2016/673", "A/72/NNN-S/2017/NNN"; "" until issued
    issue_date: datetime.date | None = None
    letter_date: datetime.date | None = None
    job_number: str = ""  # "18-11410 (E)", printed at the foot of page 1 once issued
    language: str = "en"
    # General Assembly documents only: the session (72), the agenda item (65 and its title). The Council's year
    # ("Seventy-third year") is the issue year's, counted from 1946.
    ga_session: int | None = None
    agenda_item: int | None = None
    agenda_item_title: str = ""
    title: str = ""  # "Letter dated 17 October 2017 from the Permanent Representatives of ... to the Secretary-General"
    body_html: str = ""  # the letter's paragraphs, the closing request included
    signatures: tuple[Signature, ...] = ()
    annex_heading: str = ""  # "Annex to the letter dated ..."
    annex_title_lines: tuple[str, ...] = ()  # the annex's title, then subtitle lines (theme, "New York, 21 ...")
    sections: tuple[Section, ...] = ()
    draft: bool = True  # watermarked DRAFT, not written as PDF/A
    author: str = ""  # for the PDF's metadata: the signatories' states, or the Network
    subject: str = ""  # for the PDF's metadata: what the annex is about
    extra: dict = field(default_factory=dict)

    @property
    def council_year(self) -> int | None:
        """The Council's year ordinal: 2017 is its seventy-second year."""
        day = self.issue_date or self.letter_date
        return day.year - 1945 if day else None


_LIST_TAG = re.compile(r"<(/?)(ol|ul|li)\b[^>]*>", re.IGNORECASE)


def blocks_from_html(html: str) -> tuple[str | ListBlock, ...]:
    """A section's sanitized HTML as blocks: each top-level list a ListBlock (an ``<ol>`` lettered (a), (b) ...,
    as Council documents letter their lists; a ``<ul>`` bulleted), the text around them kept as it is."""
    blocks: list[str | ListBlock] = []
    depth, kind, items, item_start, last = 0, "", [], 0, 0
    for tag in _LIST_TAG.finditer(html):
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name in ("ol", "ul"):
            if not closing:
                if depth == 0:
                    if html[last : tag.start()].strip():
                        blocks.append(html[last : tag.start()].strip())
                    kind, items = name, []
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    labelled = [ListItem(letter_label(i) if kind == "ol" else "", text) for i, text in enumerate(items)]
                    blocks.append(ListBlock(items=tuple(labelled)))
                    last = tag.end()
        elif name == "li" and depth == 1:
            if not closing:
                item_start = tag.end()
            else:
                items.append(html[item_start : tag.start()].strip())
    if html[last:].strip():
        blocks.append(html[last:].strip())
    return tuple(blocks)
