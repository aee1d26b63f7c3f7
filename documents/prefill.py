"""A new summary starts from what is already recorded for its meeting: the briefers and the goals they named
(main points), and the questions Council members asked. Everything stays editable; text already typed is never
replaced: only empty sections of a summary not yet saved are filled.

Non-attribution: a question names its delegation only when one is recorded; otherwise "A Council member asked".
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.translation import gettext as _

from .formatting import council_date

PREFILLED_FIELDS = ("main_points", "council_questions")


def _text(value: str) -> str:
    """Typed text as safe HTML: escaped, its line breaks kept."""
    return "<br>".join(escape(line) for line in value.strip().splitlines() if line.strip())


def briefing_section(briefers: Iterable, goals: Iterable) -> str:
    briefers, goals = list(briefers), list(goals)
    parts = []
    if briefers:
        names = []
        for briefer in briefers:
            name = format_html("{}, {} ({})", briefer.name, briefer.title, briefer.entity)
            if briefer.attendance == type(briefer).Attendance.VIDEOCONFERENCE:
                name = format_html("{} {}", name, _("by videoconference"))
            names.append(name)
        listed = (
            names[0]
            if len(names) == 1
            else _("%(first)s and %(last)s")
            % {
                "first": ", ".join(names[:-1]),
                "last": names[-1],
            }
        )
        parts.append(_("<p>The Informal Expert Group was briefed by %(briefers)s.</p>") % {"briefers": listed})
    if goals:
        parts.append(
            "<p>"
            + escape(_("The briefers named the following concrete goals, on which they will report back:"))
            + "</p>"
        )
        parts.append(
            "<ul>"
            + "".join(format_html("<li>{}: ", goal.entity) + _text(goal.text) + "</li>" for goal in goals)
            + "</ul>"
        )
    return "\n".join(parts)


def questions_section(questions: Iterable) -> str:
    items = []
    for question in questions:
        if question.delegation_id is not None:
            asked = _("%(delegation)s asked:") % {"delegation": escape(question.delegation)}
        else:
            asked = escape(_("A Council member asked:"))
        item = f"{asked} {_text(question.text)}"
        if question.answer.strip():
            item += "<br>" + escape(_("Answer:")) + " " + _text(question.answer)
        elif question.answer_due:
            item += "<br>" + escape(
                _("A written answer is expected by %(date)s.") % {"date": council_date(question.answer_due)}
            )
        items.append(f"<li>{item}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def prefill_summary(summary) -> None:
    """Fill the empty sections of a summary not yet saved from its meeting's record (briefers, goals, questions)."""
    if summary.pk is not None:
        return  # a saved summary holds what people typed, even where they left a section empty
    meeting = summary.meeting
    sections = {}
    if not (summary.main_points or "").strip():
        sections["main_points"] = briefing_section(
            meeting.briefers.order_by("order", "pk"), meeting.goals.order_by("order", "pk")
        )
    if not (summary.council_questions or "").strip():
        sections["council_questions"] = questions_section(
            meeting.questions.select_related("delegation").order_by("order", "pk")
        )
    for name, value in sections.items():
        setattr(summary, name, value)
