"""What is recorded for a meeting, as a summary's text: the briefers and the goals they named, and the questions
Council members asked. A new summary's main points start from the briefing (services.default_sections); the
"briefers" and "questions" kinds of section print these from the record (documents.compose).

Non-attribution: a question names its delegation only when one is recorded; otherwise "A Council member asked".
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.translation import gettext as _

from .formatting import council_date
from .formulas import sentence_start


def _text(value: str) -> str:
    """Typed text as safe HTML: escaped, its line breaks kept."""
    return "<br>".join(escape(line) for line in value.strip().splitlines() if line.strip())


def briefing_section(briefers: Iterable, goals: Iterable) -> str:
    briefers, goals = list(briefers), list(goals)
    parts = []
    if briefers:
        names = []
        for briefer in briefers:
            # Names are optional (non-attribution): "the Deputy Special Representative (UNMISS)".
            who = ", ".join(part for part in ((briefer.name or "").strip(), (briefer.title or "").strip()) if part)
            entity = (briefer.entity or "").strip()
            if not who:
                name = format_html("{} ({})", _("a representative"), entity) if entity else escape(_("a briefer"))
            else:
                name = format_html("{} ({})", who, entity) if entity else escape(who)
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
        if getattr(question, "delegation_id", None) is not None:
            state = question.delegation
            asked = _("%(delegation)s asked:") % {"delegation": escape(sentence_start(state.in_text))}
        else:
            asked = escape(_("A Council member asked:"))
        item = f"{asked} {_text(question.text)}"
        if (question.answer or "").strip():
            item += "<br>" + escape(_("Answer:")) + " " + _text(question.answer)
        elif question.answer_due:
            item += "<br>" + escape(
                _("A written answer is expected by %(date)s.") % {"date": council_date(question.answer_due)}
            )
        items.append(f"<li>{item}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""
