"""A background note's sections: what they are by default, how two versions differ, and how they print.

A note is an ordered list of sections, each a heading and rich text, in the note's body or in its annex. A
country meeting's note starts with the nine focus areas of the Guidelines (section V) and the key
recommendations last; a thematic meeting's with free sections, the recommendations first, and an annex. One
section may be the recommendations block (``kind = recommendations``): it prints the meeting's recommendations
in their groups, lettered by ``recommendations.lettering`` (the one place letters come from).

The working copy's sections are ``NoteSection`` rows; a shared version keeps them as a JSON list of
``SectionText.as_json()``. Both read as ``SectionText`` so pages, PDFs and the "what changed" list treat them
alike. This module does not import the models: the models import it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.html import escape, linebreaks, strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from recommendations.lettering import labelled_groups

from . import council

BODY = "body"
ANNEX = "annex"
TEXT = "text"
RECOMMENDATIONS = "recommendations"

# The focus areas of Guidelines section V, in their order: (key, heading).
FOCUS_AREAS: tuple[tuple[str, str], ...] = (
    ("participation", gettext_lazy("Women's participation and leadership: data and trends")),
    (
        "mission_capacity",
        gettext_lazy(
            "Mission gender and women-protection capacity, gender balance and coordination with civil society"
        ),
    ),
    ("un_plans", gettext_lazy("United Nations plans on women and peace and security")),
    ("government_commitment", gettext_lazy("Government commitment")),
    ("national_action_plan", gettext_lazy("National action plan: urgent commitments and their status")),
    ("protection_trends", gettext_lazy("Protection trends, including conflict-related sexual violence")),
    ("humanitarian_impact", gettext_lazy("Humanitarian and conflict impact on women and girls")),
    (
        "gender_analysis",
        gettext_lazy(
            "Gender analysis of disarmament, demobilization and reintegration, displacement, "
            "transitional justice, violent extremism and sanctions"
        ),
    ),
    ("early_warning", gettext_lazy("Early-warning indicators")),
)
FOCUS_AREA_KEYS = tuple(key for key, _heading in FOCUS_AREAS)


@dataclass(frozen=True)
class SectionText:
    """One section as read or shared: heading, sanitized HTML body, part (body|annex), kind (text|recommendations),
    and the focus area it stands for, if any."""

    heading: str
    body: str = ""
    part: str = BODY
    kind: str = TEXT
    focus_area: str = ""

    @property
    def is_recommendations(self) -> bool:
        return self.kind == RECOMMENDATIONS

    @property
    def printed(self) -> bool:
        """Printed on the page and in the PDF: a text section with text, or the recommendations block."""
        return self.is_recommendations or bool(self.body.strip())

    def as_json(self) -> dict:
        return {
            "heading": self.heading,
            "body": self.body,
            "part": self.part,
            "kind": self.kind,
            "focus_area": self.focus_area,
        }

    @classmethod
    def from_json(cls, data: dict) -> SectionText:
        return cls(
            heading=str(data.get("heading", "")),
            body=str(data.get("body", "")),
            part=ANNEX if data.get("part") == ANNEX else BODY,
            kind=RECOMMENDATIONS if data.get("kind") == RECOMMENDATIONS else TEXT,
            focus_area=str(data.get("focus_area", "") or ""),
        )


def default_sections(meeting_kind: str) -> list[SectionText]:
    """The sections a new note starts with. A thematic meeting: the recommendations first, then free sections
    and an annex (all renamable, removable); any other meeting: the nine focus areas, then the recommendations."""
    if meeting_kind == "thematic":
        return [
            SectionText(_("Recommendations"), kind=RECOMMENDATIONS),
            SectionText(_("Purpose")),
            SectionText(_("Normative framework")),
            SectionText(_("Context")),
            SectionText(_("Roles and responsibilities"), part=ANNEX),
        ]
    return [SectionText(str(heading), focus_area=key) for key, heading in FOCUS_AREAS] + [
        SectionText(_("Key recommendations"), kind=RECOMMENDATIONS)
    ]


def _identities(sections: list[SectionText]) -> list[tuple]:
    """What makes a section "the same section" in two versions: its focus area, the recommendations block, or
    else its heading and part (a second section with the same heading counts apart)."""
    seen: dict[tuple, int] = {}
    identities = []
    for section in sections:
        if section.focus_area:
            base = ("focus", section.focus_area)
        elif section.is_recommendations:
            base = ("recommendations",)
        else:
            base = ("heading", section.part, " ".join(section.heading.split()).casefold())
        seen[base] = seen.get(base, 0) + 1
        identities.append((*base, seen[base]))
    return identities


def changed_headings(old: list[SectionText] | None, new: list[SectionText]) -> list[str]:
    """The headings of the sections that differ between two versions: added or edited (in the new order), then
    removed ones. Before a first version, every printed section is new. A pure reordering reads as such."""
    if old is None:
        return [s.heading for s in new if s.printed]
    old_by_id = dict(zip(_identities(old), old, strict=True))
    new_ids = _identities(new)
    changed = []
    for identity, section in zip(new_ids, new, strict=True):
        before = old_by_id.get(identity)
        if before is None:
            if section.printed:
                changed.append(section.heading)
        elif (before.heading, before.body, before.part) != (section.heading, section.body, section.part):
            changed.append(section.heading)
    kept = set(new_ids)
    changed += [s.heading for identity, s in old_by_id.items() if identity not in kept and s.printed]
    if not changed and [s for s in old if s.printed] != [s for s in new if s.printed]:
        changed.append(_("Order of the sections"))
    return changed


def has_text(sections: list[SectionText]) -> bool:
    """Some section other than the recommendations has words: an empty note is not saved."""
    return any(strip_tags(s.body).strip() for s in sections if not s.is_recommendations)


# How the sections print (app page and PDF alike): documents.council.Section objects.


def _plain_html(text: str) -> str:
    return linebreaks(escape(text)) if text.strip() else ""


def recommendation_blocks(meeting) -> tuple[council.ListBlock, ...]:
    """The meeting's recommendations in their groups, with their headings, lead-ins and letters."""
    return tuple(
        council.ListBlock(
            heading=group.heading,
            lead_in_html=_plain_html(group.lead_in),
            items=tuple(council.ListItem(label, str(escape(rec.text))) for label, rec in group.items),
        )
        for group in labelled_groups(meeting)
        if group.items or group.heading or group.lead_in
    )


def note_sections(note, *, part: str = BODY) -> tuple[council.Section, ...]:
    """The printed sections of ``note`` (a working copy, or a shared version's ``as_note()``) in one part, in
    order. The recommendations block prints the meeting's recommendations as they are now (2 queries)."""
    printed = []
    blocks = None
    for section in note.sections:
        if section.part != part or not section.printed:
            continue
        if section.is_recommendations:
            if blocks is None:
                blocks = recommendation_blocks(note.meeting)
            printed.append(council.Section(heading=section.heading, blocks=blocks))
        else:
            printed.append(council.Section(heading=section.heading, blocks=(section.body,)))
    return tuple(printed)


def note_annex_sections(note) -> tuple[council.Section, ...]:
    return note_sections(note, part=ANNEX)


@dataclass(frozen=True)
class NoteMasthead:
    """What the note's masthead prints: the Group's name of the meeting's year and the note's own date."""

    group_name: str
    date: datetime.date | None


def note_masthead(note) -> NoteMasthead:
    return NoteMasthead(group_name=note.meeting.agenda_year.group, date=note.note_date)
