"""A background note's sections as text: what they are by default and how two versions differ.

A note is an ordered list of sections, each a heading and rich text, in the note's body or in its annex. A
country meeting's note starts with the nine focus areas of the Guidelines (section V) and the key
recommendations last; a thematic meeting's with free sections, the recommendations first, and an annex. One
section may be the recommendations block (``kind = recommendations``): it prints the meeting's recommendations
in their groups, lettered by ``recommendations.lettering`` (the one place letters come from).

The working copy's sections are ``NoteSection`` rows; a shared version keeps them as a JSON list of
``SectionText.as_json()``. Both read as ``SectionText`` so pages, PDFs and the "what changed" list treat them
alike. This module imports nothing of the project's: the models import it. How sections print is
``documents.note_sections``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .formatting import in_document_language

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


@in_document_language
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
