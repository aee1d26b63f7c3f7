"""Changes to background notes, summaries and attachments. Views call these; nothing else moves a status.

A note: draft -> in review (co-chairs read it) -> shared with Council members (completes the timeline's
``background_note`` step) -> published. A summary: draft -> approved (every co-chair state approved the
same version; an edit resets approvals) -> submitted -> issued (S/ symbol; the PDF is stored) -> published.
The meeting's own status follows through ``meetings.services.change_status``.
"""

from __future__ import annotations

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts import permissions
from approvals import services as approval_services
from core.concurrency import NEW, StaleEdit, save_versioned
from core.exceptions import InvalidTransition
from core.history import credits_by
from core.ordering import move, renumber
from meetings import services as meeting_services
from meetings.models import Meeting, TimelineStep, symbol_validator
from notifications import invitations as notification_services

from . import access, compose, formatting, formulas, note_texts, pdf, prefill
from .choices import NOTE_SHARED_STATUSES
from .models import (
    Attachment,
    BackgroundNote,
    DownloadLog,
    NoteInvitation,
    NoteSection,
    SharedNoteVersion,
    Summary,
    SummaryApproval,
    SummarySection,
    SummarySignatory,
)
from .richtext import sanitize
from .uploads import FileKind

__all__ = ["InvalidTransition", "PdfNotStored", "StaleEdit"]

log = logging.getLogger(__name__)


def _complete_step(meeting: Meeting, key: str, *, by, now: datetime.datetime) -> None:
    """Mark a timeline step done when the document work that satisfies it happens (once; skipped steps stay)."""
    step = meeting.steps.filter(key=key, state=TimelineStep.State.OPEN).first()
    if step is not None:
        meeting_services.complete_step(step, by=by, now=now)


def _move_meeting(meeting: Meeting, *statuses: str, by, symbol: str = "") -> None:
    """Move the meeting through ``statuses`` in order, skipping those it has already reached."""
    for status in statuses:
        if meeting.status == status:
            continue
        meeting_services.change_status(meeting, status, by=by, symbol=symbol)


def _create_once(document: BackgroundNote | Summary) -> None:
    """Save a meeting's first note or summary; if a colleague created it meanwhile, theirs stands."""
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as exc:  # the one-per-meeting constraint
        document.pk = None
        raise StaleEdit(document, created=True) from exc


def _locked(document):
    return type(document).objects.select_for_update().select_related("meeting__agenda_year").get(pk=document.pk)


# Background notes.


def latest_shared_version(note: BackgroundNote) -> SharedNoteVersion | None:
    """The text Council members read now: the last version shared with them (None before the first sharing)."""
    if note.pk is None:
        return None
    return note.shared_versions.order_by("-number").first()


def changed_sections(note: BackgroundNote, version: SharedNoteVersion | None) -> list[str]:
    """The headings of the sections that differ between the note (working copy) and a shared version (all
    printed sections before a first version); a changed date of the note counts too."""
    if version is None:
        return note_texts.changed_headings(None, note.sections)
    changed = note_texts.changed_headings(version.section_texts, note.sections)
    if version.note_date is not None and note.note_date != version.note_date:
        changed.append(_("Date of the note"))
    return changed


def has_unshared_changes(note: BackgroundNote) -> bool:
    """Edited since its last sharing: the experts still read the shared text, the new one waits to be shared."""
    if note.status != BackgroundNote.Status.SHARED:
        return False
    version = latest_shared_version(note)
    return version is not None and bool(changed_sections(note, version))


def for_reader(note: BackgroundNote, user) -> BackgroundNote:
    """What ``user`` reads: those who may see drafts read the working copy; everyone else the shared text."""
    if permissions.can_view_drafts(user, note.meeting.agenda_year) or note.status not in NOTE_SHARED_STATUSES:
        return note
    version = latest_shared_version(note)
    return version.as_note() if version is not None else note


def _snapshot(note: BackgroundNote, *, by, now: datetime.datetime) -> SharedNoteVersion:
    """Record the note's current text (as stored, sanitized) as its next shared version."""
    previous = latest_shared_version(note)
    stored = BackgroundNote.objects.get(pk=note.pk)
    return SharedNoteVersion.objects.create(
        note=note,
        number=previous.number + 1 if previous else 1,
        changed_sections=changed_sections(stored, previous) if previous else [],
        sections=[section.as_json() for section in stored.sections],
        note_date=stored.note_date,
        shared_at=now,
        shared_by=by,
    )


SectionInput = tuple[int | None, note_texts.SectionText]


def _save_sections(note: BackgroundNote, sections: list[SectionInput]) -> None:
    """Make the note's rows the given sections, in order: rows kept by id are updated only where they
    changed, new ones created, the others deleted (each in the note's history of sections)."""
    existing = {row.pk: row for row in NoteSection.objects.filter(note=note)}
    wanted = {pk for pk, _text in sections if pk in existing}
    for pk, row in existing.items():
        if pk not in wanted:
            row.delete()
    for order, (pk, text) in enumerate(sections, start=1):
        row = existing.get(pk) if pk is not None else None
        if row is None:
            row = NoteSection(note=note)
        values = {
            "order": order,
            "heading": " ".join(text.heading.split()),
            "body": "" if text.is_recommendations else sanitize(text.body),
            "part": text.part,
            "kind": text.kind,
            "focus_area": text.focus_area,
        }
        if row.pk is not None and all(getattr(row, name) == value for name, value in values.items()):
            continue
        for name, value in values.items():
            setattr(row, name, value)
        row.save()
    # What was prefetched before the save is out of date.
    getattr(note, "_prefetched_objects_cache", {}).pop("section_rows", None)


@transaction.atomic
def save_note(
    note: BackgroundNote, *, sections: list[SectionInput] | None = None, expected_version: int | None, by
) -> BackgroundNote:
    """Create or edit a note and, given ``sections`` ((row id or None, text) in order), its sections (rich text
    is sanitized on save). A published note is final.

    Once shared, the note is a working copy: Council members keep reading the shared version until the
    revised text is shared again (``share_note``).
    """
    if note.pk is None:
        _create_once(note)
        if sections is not None:
            _save_sections(note, sections)
        return note
    current = BackgroundNote.objects.select_for_update().get(pk=note.pk)
    if current.status == BackgroundNote.Status.PUBLISHED:
        raise InvalidTransition(_("This note is published and can no longer be edited."))
    if current.status == BackgroundNote.Status.SHARED and latest_shared_version(current) is None:
        # Shared before versions were kept: keep what the experts read before the edit lands.
        _snapshot(current, by=current.shared_by, now=current.shared_at)
    save_versioned(note, expected_version)
    if sections is not None:
        _save_sections(note, sections)
    # The co-chairs approved other words: their approvals of an earlier text are reset (kept as history).
    approval_services.reset_note_approvals(note, by=by)
    return note


def _move_note(note: BackgroundNote, to: str, *, allowed_from: str, refusal: str, reason: str, **fields):
    note = _locked(note)
    if note.status != allowed_from:
        raise InvalidTransition(refusal)
    note.status = to
    for name, value in fields.items():
        setattr(note, name, value)
    note._change_reason = reason
    save_versioned(note, None)
    return note


@credits_by
@transaction.atomic
def submit_for_review(note: BackgroundNote, *, by) -> BackgroundNote:
    return _move_note(
        note,
        BackgroundNote.Status.IN_REVIEW,
        allowed_from=BackgroundNote.Status.DRAFT,
        refusal=_("Only a draft note can be sent to the co-chairs for review."),
        reason=_("Sent to the co-chairs for review"),
    )


@credits_by
@transaction.atomic
def return_to_draft(note: BackgroundNote, *, by) -> BackgroundNote:
    return _move_note(
        note,
        BackgroundNote.Status.DRAFT,
        allowed_from=BackgroundNote.Status.IN_REVIEW,
        refusal=_("Only a note in review can go back to draft."),
        reason=_("Returned to draft"),
    )


def check_share(note: BackgroundNote) -> None:
    """Refuse (saying why) a sharing that cannot happen: before review, or again with nothing changed."""
    if note.status == BackgroundNote.Status.SHARED:
        version = latest_shared_version(note)
        if version is not None and not changed_sections(note, version):
            raise InvalidTransition(
                _("Nothing changed since version %(n)s was shared: there is no revised text to share.")
                % {"n": version.number}
            )
        return
    if note.status != BackgroundNote.Status.IN_REVIEW:
        raise InvalidTransition(_("A note is shared with Council members after the co-chairs' review."))


@transaction.atomic
def share_note(note: BackgroundNote, *, by, now: datetime.datetime) -> BackgroundNote:
    """Share the reviewed note with Council members: the moment the ``background_note`` step is done.

    Sharing a note already shared shares its revised text as a new version; readers are told it is revised
    and which sections changed. Each sharing queues one email per reader (``notifications``).
    """
    note = _locked(note)
    check_share(note)
    if note.status == BackgroundNote.Status.SHARED:
        if latest_shared_version(note) is None:  # shared before versions were kept
            _snapshot(note, by=note.shared_by, now=note.shared_at)
        version = _snapshot(note, by=by, now=now)
        note._change_reason = _("Revised text shared with Council members (version %(n)s)") % {"n": version.number}
        save_versioned(note, None)
    else:
        note = _move_note(
            note,
            BackgroundNote.Status.SHARED,
            allowed_from=BackgroundNote.Status.IN_REVIEW,
            refusal=_("A note is shared with Council members after the co-chairs' review."),
            reason=_("Shared with Council members"),
            shared_at=now,
            shared_by=by,
            # The masthead's date: the day it is first shared, unless the secretariat dated it (a past note).
            note_date=note.note_date or timezone.localdate(now),
        )
        version = _snapshot(note, by=by, now=now)
        _complete_step(note.meeting, "background_note", by=by, now=now)
    notification_services.announce_note_version(version, now=now)
    return note


def note_readers(note: BackgroundNote):
    """Who is emailed when the note is shared (notifications.invitations.note_readers)."""
    return notification_services.note_readers(note)


@credits_by
@transaction.atomic
def publish_note(note: BackgroundNote, *, by) -> BackgroundNote:
    if has_unshared_changes(note):
        raise InvalidTransition(
            _(
                "The note was edited since it was shared: share the revised text first, so that the public reads "
                "what Council members read."
            )
        )
    return _move_note(
        note,
        BackgroundNote.Status.PUBLISHED,
        allowed_from=BackgroundNote.Status.SHARED,
        refusal=_("Only a note already shared with Council members can be published."),
        reason=_("Published"),
    )


@transaction.atomic
def invite_delegation(note: BackgroundNote, member_state, *, by, now: datetime.datetime) -> NoteInvitation:
    invitation, _created = NoteInvitation.objects.get_or_create(
        note=note, member_state=member_state, defaults={"invited_by": by, "invited_at": now}
    )
    return invitation


@credits_by
@transaction.atomic
def revoke_invitation(invitation: NoteInvitation, *, by) -> None:
    invitation.delete()


# Summaries.


def default_summary_title(meeting: Meeting) -> str:
    title = _("Summary of the meeting of the %(group)s on %(subject)s") % {
        "group": meeting.agenda_year.group,
        "subject": meeting.subject,
    }
    if meeting.date:
        title += _(", held on %(date)s") % {"date": formatting.council_date(meeting.date)}
    return title


Kind = SummarySection.Kind

# The annex's sections a new summary starts with, per kind of meeting: (heading, kind). Introduction and
# closing have no heading, as in the issued summaries; every heading can be renamed, every section moved.
DEFAULT_SECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    Meeting.Kind.COUNTRY: (
        ("", Kind.TEXT),
        (gettext_lazy("Main points raised"), Kind.TEXT),
        (gettext_lazy("Questions from Council members"), Kind.QUESTIONS),
        (gettext_lazy("Recommendations"), Kind.RECOMMENDATIONS),
        ("", Kind.TEXT),
    ),
    Meeting.Kind.THEMATIC: (
        ("", Kind.TEXT),
        (gettext_lazy("Briefings"), Kind.BRIEFERS),
        (gettext_lazy("Discussion"), Kind.QUESTIONS),
        (gettext_lazy("Recommendations"), Kind.RECOMMENDATIONS),
        ("", Kind.TEXT),
    ),
}
DEFAULT_SECTIONS[Meeting.Kind.FOLLOW_UP] = DEFAULT_SECTIONS[Meeting.Kind.COUNTRY]


def default_sections(meeting: Meeting) -> list[SummarySection]:
    """A new summary's sections (unsaved), for its meeting's kind. A country meeting's main points start from
    the briefers and goals recorded (prefill); nothing typed is ever replaced: only new summaries get these."""
    sections = []
    for order, (heading, kind) in enumerate(DEFAULT_SECTIONS[meeting.kind], start=1):
        body = ""
        if kind == Kind.TEXT and heading and meeting.pk:
            body = prefill.briefing_section(
                meeting.briefers.order_by("order", "pk"), meeting.goals.order_by("order", "pk")
            )
        sections.append(SummarySection(order=order, heading=str(heading), kind=kind, body=body))
    return sections


def default_signatories(summary: Summary) -> list[SummarySignatory]:
    """Who signs by default (unsaved): the year's co-chairs by name, then the penholder where the secretariat
    ticked that it signs (unless it co-chairs: a state signs once, in the role it holds)."""
    agenda_year = summary.meeting.agenda_year
    co_chairs = sorted(agenda_year.co_chairs.all(), key=lambda state: state.name)
    rows = [SummarySignatory(member_state=state, role=SummarySignatory.Role.CO_CHAIR) for state in co_chairs]
    penholder = agenda_year.penholder
    if summary.penholder_signs and penholder is not None and penholder.pk not in {s.pk for s in co_chairs}:
        rows.append(SummarySignatory(member_state=penholder, role=SummarySignatory.Role.PENHOLDER))
    for order, row in enumerate(rows, start=1):
        row.order = order
    return rows


def formula_body(summary: Summary) -> str:
    """The letter as the formula that fits the summary's signatories writes it (its defaults before it is
    saved; names and roles only: the representatives and their titles do not enter the body)."""
    if summary.pk is None:
        rows = default_signatories(summary)
    else:
        rows = list(summary.signatories.select_related("member_state").order_by("order", "pk"))
    rows = compose.honest_roles(rows, summary.meeting.agenda_year)
    signers = [
        formulas.Signer(in_text=row.member_state.in_text, formal=row.member_state.formal, role=row.role) for row in rows
    ]
    return sanitize(compose.default_letter_body(summary, signers))


def _sync_penholder(summary: Summary) -> bool:
    """Add or remove the penholder's signature as ``penholder_signs`` says; True when the signatories changed."""
    penholder = summary.meeting.agenda_year.penholder
    rows = summary.signatories.filter(role=SummarySignatory.Role.PENHOLDER)
    if summary.penholder_signs:
        if penholder is None or summary.signatories.filter(member_state=penholder).exists():
            return False
        last = summary.signatories.order_by("-order").values_list("order", flat=True).first() or 0
        SummarySignatory.objects.create(
            summary=summary, member_state=penholder, role=SummarySignatory.Role.PENHOLDER, order=last + 1
        )
        return True
    if rows.exists():
        for row in rows:
            row._change_reason = _("The penholder no longer signs")
            row.delete()
        return True
    return False


def _refresh_letter(summary: Summary) -> None:
    """A letter never edited by hand follows its signatories: rewritten from the formula."""
    if not summary.letter_body_edited:
        body = formula_body(summary)
        if body != summary.letter_body:
            Summary.objects.filter(pk=summary.pk).update(letter_body=body)
            summary.letter_body = body


SUMMARY_CONTENT_FIELDS = ("title", "letter_date", "addressee", "penholder_signs", "attach_source_note")


def _summary_content(summary: Summary, sections=None, *, letter: str | None = None) -> tuple:
    """What the co-chairs approve: the text (as it will be stored, sanitized), the letter (``letter``: as it
    prints), its date and addressee, who signs, and the annex's sections in order."""
    fields = tuple(getattr(summary, name) for name in SUMMARY_CONTENT_FIELDS)
    if letter is None:
        letter = sanitize(summary.letter_body)
    if sections is None:
        sections = list(summary.sections.order_by("order", "pk")) if summary.pk else []
    return (*fields, letter, *((s.kind, s.heading, sanitize(s.body)) for s in sections))


def _reset_approvals(summary: Summary, reason: str) -> None:
    if summary.approvals.exists():
        for approval in summary.approvals.all():
            approval._change_reason = _("Summary edited after approval")
            approval.delete()
        summary.status = Summary.Status.DRAFT
        summary._change_reason = reason


def _editable(summary: Summary, expected_version: int | None) -> Summary:
    current = Summary.objects.select_for_update().select_related("meeting__agenda_year").get(pk=summary.pk)
    if not current.is_editable:
        raise InvalidTransition(
            _("A summary that is “%(status)s” can no longer be edited.") % {"status": current.get_status_display()}
        )
    if expected_version is not None and expected_version != current.version:
        raise StaleEdit(summary, created=expected_version == NEW)
    return current


@transaction.atomic
def save_summary(summary: Summary, *, expected_version: int | None, by, sections: list[dict] | None = None) -> Summary:
    """Create or edit a summary, its letter and its sections' headings and text (``sections``: one dict per
    section in the summary's order, ``heading`` and ``body``; for a new summary also ``kind``). An edit
    withdraws the co-chairs' approvals: they approved other words.

    A new summary gets its default signatories and, if none are given, its default sections; its letter starts
    from the formula. Creating the summary of a meeting that was held moves the meeting to "summary drafted".
    """
    if summary.pk is None:
        # The form showed the formula for the default signatories (with or without the penholder, as ticked):
        # a letter left as shown is the formula's, and follows the signatories.
        shown = {formula_body(Summary(meeting=summary.meeting, penholder_signs=signs)) for signs in (False, True)}
        posted = sanitize(summary.letter_body)
        summary.letter_body_edited = bool(posted) and posted not in shown
        if not summary.letter_body_edited:
            summary.letter_body = formula_body(summary)
        _create_once(summary)
        SummarySignatory.objects.bulk_create([_attach(row, summary) for row in default_signatories(summary)])
        if sections is None:
            rows = default_sections(summary.meeting)
        else:
            rows = [
                SummarySection(order=i, heading=new["heading"], kind=new.get("kind") or Kind.TEXT, body=new["body"])
                for i, new in enumerate(sections, start=1)
            ]
        for row in rows:
            _attach(row, summary).save()
        if summary.meeting.status == Meeting.Status.HELD:
            meeting_services.change_status(summary.meeting, Meeting.Status.SUMMARY_DRAFTED, by=by)
        return summary
    current = _editable(summary, expected_version)
    stored = list(current.sections.order_by("order", "pk"))
    if sections is not None and len(sections) != len(stored):
        raise StaleEdit(summary, created=False)  # the sections were added or removed meanwhile
    edited = (
        [
            SummarySection(
                pk=row.pk, summary=current, order=row.order, kind=row.kind, heading=new["heading"], body=new["body"]
            )
            for row, new in zip(stored, sections or [], strict=False)
        ]
        if sections is not None
        else stored
    )
    # A letter left empty, or as the formula wrote it, is the formula's (an old summary stored none).
    formula = formula_body(current)
    posted = sanitize(summary.letter_body)
    summary.letter_body_edited = bool(posted) and posted != formula
    before = _summary_content(current, stored, letter=sanitize(current.letter_body) or formula)
    if _summary_content(summary, edited, letter=posted or formula) == before:
        return summary  # saved without a change: the approvals still stand
    for row, new in zip(stored, edited, strict=True):
        if (row.heading, row.body) != (new.heading, sanitize(new.body)):
            row.heading, row.body = new.heading, new.body
            row.save()
    if current.penholder_signs != summary.penholder_signs:
        _sync_penholder(summary)
    if not summary.letter_body_edited:
        summary.letter_body = formula_body(summary)  # the signatories may have changed
    _reset_approvals(summary, _("Edited: co-chairs' approvals reset"))
    save_versioned(summary, expected_version)
    return summary


def _attach(row, summary: Summary):
    row.summary = summary
    return row


def _structure_changed(summary: Summary, reason: str) -> Summary:
    """After sections or signatories changed: approvals reset, the version moves on (an open form is stale)."""
    _reset_approvals(summary, reason)
    summary._change_reason = getattr(summary, "_change_reason", None) or reason
    save_versioned(summary, None)
    return summary


@credits_by
@transaction.atomic
def reset_letter(summary: Summary, *, expected_version: int | None, by) -> Summary:
    """Put the formula's words back in the letter (the secretariat confirmed it when the letter was edited)."""
    summary = _editable(summary, expected_version)
    formula = formula_body(summary)
    if summary.letter_body == formula and not summary.letter_body_edited:
        return summary
    summary.letter_body, summary.letter_body_edited = formula, False
    return _structure_changed(summary, _("Letter reset to the formula"))


@credits_by
@transaction.atomic
def add_section(summary: Summary, *, heading: str, kind: str, expected_version: int | None, by) -> SummarySection:
    summary = _editable(summary, expected_version)
    if kind not in Kind.values:
        raise InvalidTransition(_("Choose a kind of section."))
    last = summary.sections.order_by("-order").values_list("order", flat=True).first() or 0
    section = SummarySection.objects.create(summary=summary, order=last + 1, heading=heading.strip()[:300], kind=kind)
    _structure_changed(summary, _("Section added"))
    return section


@credits_by
@transaction.atomic
def remove_section(section: SummarySection, *, expected_version: int | None, by) -> Summary:
    summary = _editable(section.summary, expected_version)
    section._change_reason = _("Section removed")
    section.delete()
    renumber(summary.sections.order_by("order", "pk"))
    return _structure_changed(summary, _("Section removed"))


@credits_by
@transaction.atomic
def move_section(section: SummarySection, *, direction: int, expected_version: int | None, by) -> Summary:
    """Move a section one place up (-1) or down (+1)."""
    summary = _editable(section.summary, expected_version)
    rows = list(summary.sections.order_by("order", "pk"))
    index = [row.pk for row in rows].index(section.pk)
    if not move(rows, index, direction):
        raise InvalidTransition(_("This section cannot move further."))
    return _structure_changed(summary, _("Sections reordered"))


@credits_by
@transaction.atomic
def add_signatory(
    summary: Summary, *, member_state, role: str, representative=None, title: str = "", expected_version, by
) -> SummarySignatory:
    """Add a state to the signatories (last). Its role is checked: only the year's co-chairs sign as Co-Chairs,
    only its penholder as penholder."""
    summary = _editable(summary, expected_version)
    agenda_year = summary.meeting.agenda_year
    if role == SummarySignatory.Role.CO_CHAIR and not agenda_year.co_chairs.filter(pk=member_state.pk).exists():
        raise InvalidTransition(
            _("%(state)s does not co-chair %(year)s: it cannot sign as Co-Chair.")
            % {"state": member_state, "year": agenda_year.year}
        )
    if role == SummarySignatory.Role.PENHOLDER and agenda_year.penholder_id != member_state.pk:
        raise InvalidTransition(
            _("%(state)s is not the penholder in %(year)s.") % {"state": member_state, "year": agenda_year.year}
        )
    if representative is not None and representative.member_state_id != member_state.pk:
        raise InvalidTransition(_("Choose a representative of %(state)s.") % {"state": member_state})
    if summary.signatories.filter(member_state=member_state).exists():
        raise InvalidTransition(_("%(state)s already signs this letter.") % {"state": member_state})
    last = summary.signatories.order_by("-order").values_list("order", flat=True).first() or 0
    row = SummarySignatory.objects.create(
        summary=summary,
        member_state=member_state,
        role=role,
        representative=representative,
        title=title.strip(),
        order=last + 1,
    )
    _structure_changed(summary, _("Signatory added"))
    _refresh_letter(summary)
    return row


@credits_by
@transaction.atomic
def remove_signatory(row: SummarySignatory, *, expected_version: int | None, by) -> Summary:
    summary = _editable(row.summary, expected_version)
    row._change_reason = _("Signatory removed")
    row.delete()
    renumber(summary.signatories.order_by("order", "pk"))
    if row.role == SummarySignatory.Role.PENHOLDER and summary.penholder_signs:
        summary.penholder_signs = False
    _structure_changed(summary, _("Signatory removed"))
    _refresh_letter(summary)
    return summary


@credits_by
@transaction.atomic
def move_signatory(row: SummarySignatory, *, direction: int, expected_version: int | None, by) -> Summary:
    summary = _editable(row.summary, expected_version)
    rows = list(summary.signatories.order_by("order", "pk"))
    index = [r.pk for r in rows].index(row.pk)
    if not move(rows, index, direction):
        raise InvalidTransition(_("This signatory cannot move further."))
    _structure_changed(summary, _("Signatories reordered"))
    _refresh_letter(summary)
    return summary


@transaction.atomic
def approve_summary(
    summary: Summary,
    *,
    by,
    now: datetime.datetime,
    version: int | None = None,
    on_behalf_of=None,
    received_on: datetime.date | None = None,
) -> tuple[Summary, SummaryApproval]:
    """Record the approval of ``by``'s delegation; when every co-chair state approved, the summary is approved.

    ``version`` is the version the co-chair read: if the text changed since, the approval is refused. With
    ``on_behalf_of``, the secretariat (``by``) records that co-chair state's approval received by email.
    """
    summary = _locked(summary)
    agenda_year = summary.meeting.agenda_year
    if on_behalf_of is None:
        if not permissions.can_approve(by, agenda_year):
            raise PermissionDenied(
                _("Only the co-chairs of %(year)s approve this summary.") % {"year": agenda_year.year}
            )
        state_id = by.delegation_id
    else:
        if not permissions.can_record_for_cochair(by, agenda_year):
            raise PermissionDenied(_("Only the secretariat records an approval on a co-chair's behalf."))
        if not agenda_year.co_chairs.filter(pk=on_behalf_of.pk).exists():
            raise InvalidTransition(
                _("%(state)s does not co-chair %(year)s.") % {"state": on_behalf_of, "year": agenda_year.year}
            )
        state_id = on_behalf_of.pk
    if summary.status != Summary.Status.DRAFT:
        raise InvalidTransition(
            _("A summary that is “%(status)s” cannot be approved.") % {"status": summary.get_status_display()}
        )
    if version is not None and version != summary.version:
        raise InvalidTransition(_("The summary changed since you opened it. Read the current text, then approve."))
    if summary.approvals.filter(member_state_id=state_id).exists():
        raise InvalidTransition(
            _("%(state)s has already approved this summary.") % {"state": on_behalf_of or by.delegation}
        )
    approval = SummaryApproval(summary=summary, member_state_id=state_id, approved_at=now, version=summary.version)
    if on_behalf_of is None:
        approval.user = by
    else:
        approval.on_behalf_of, approval.received_on, approval.recorded_by = on_behalf_of, received_on, by
        approval._change_reason = _("Approval of %(state)s recorded") % {"state": on_behalf_of}
    approval.save()
    co_chairs = set(agenda_year.co_chairs.values_list("pk", flat=True))
    approved = set(summary.approvals.values_list("member_state_id", flat=True))
    if co_chairs <= approved:
        summary.status = Summary.Status.APPROVED
        summary._change_reason = _("Approved by all co-chairs")
        # No version bump: the approved text is the version every co-chair approved.
        summary.save(update_fields=["status", "updated_at"])
        _complete_step(summary.meeting, "draft_summary", by=by, now=now)
    return summary, approval


@transaction.atomic
def submit_summary(summary: Summary, *, by, now: datetime.datetime) -> Summary:
    """The co-chairs submitted the approved summary for issuance as a Council document (``by``: a co-chair of
    its year, or the secretariat for them; anyone else is refused with PermissionDenied)."""
    summary = _locked(summary)
    if not access.can_submit_summary(by, summary):
        raise PermissionDenied
    if summary.status != Summary.Status.APPROVED:
        raise InvalidTransition(_("Only a summary approved by every co-chair can be submitted."))
    if summary.letter_date is None:
        raise InvalidTransition(_("Set the date of the co-chairs' letter before submitting."))
    meeting = summary.meeting
    if meeting.status not in {Meeting.Status.HELD, Meeting.Status.SUMMARY_DRAFTED}:
        raise InvalidTransition(
            _("The meeting is “%(status)s”: a summary is submitted after the meeting is held.")
            % {"status": meeting.get_status_display()}
        )
    _move_meeting(meeting, Meeting.Status.SUMMARY_DRAFTED, Meeting.Status.SUBMITTED, by=by)
    summary.status = Summary.Status.SUBMITTED
    summary._change_reason = _("Submitted for issuance")
    summary.save(update_fields=["status", "updated_at"])
    _complete_step(meeting, "submit_summary", by=by, now=now)
    return summary


def is_past_record(summary: Summary) -> bool:
    """The meeting was recorded after the fact as already issued (it carries its S/ symbol), and its summary is
    entered now: the approvals and the submission happened outside the app, so the summary is recorded as
    issued directly, under the meeting's symbol (correctable)."""
    return summary.meeting.status in {Meeting.Status.ISSUED, Meeting.Status.PUBLISHED} and not summary.is_issued


def check_issue(summary: Summary, symbol: str, *, issue_date: datetime.date, by=None) -> None:
    """Refuse (saying why) an issuance that cannot be recorded; views call it before asking for confirmation."""
    past_record = is_past_record(summary)
    if summary.status != Summary.Status.SUBMITTED and not past_record:
        raise InvalidTransition(_("Only a submitted summary can be issued."))
    if summary.letter_date and issue_date < summary.letter_date:
        raise InvalidTransition(
            _("The issue date comes after the letter of %(date)s.") % {"date": formats.date_format(summary.letter_date)}
        )
    if symbol and not symbol.startswith(f"S/{issue_date.year}/"):
        raise InvalidTransition(
            _("Symbols issued in %(year)s read S/%(year)s/…; check the symbol or the issue date.")
            % {"year": issue_date.year}
        )
    if past_record:
        _check_symbol(summary.meeting, symbol)
        return
    meeting_services.check_status_change(summary.meeting, Meeting.Status.ISSUED, by=by, symbol=symbol)


def _check_symbol(meeting: Meeting, symbol: str) -> None:
    if not symbol:
        raise InvalidTransition(_("Enter the S/ symbol the summary was issued under."))
    try:
        symbol_validator(symbol)
    except ValidationError as exc:
        raise InvalidTransition(" ".join(exc.messages)) from exc
    if Meeting.objects.filter(symbol=symbol).exclude(pk=meeting.pk).exists():
        raise InvalidTransition(_("Symbol %(symbol)s is already used by another meeting.") % {"symbol": symbol})


def _set_symbol(meeting: Meeting, symbol: str, *, by, reason: str) -> None:
    """Correct the meeting's symbol, in its history, credited to ``by``."""
    if meeting.symbol == symbol:
        return
    old = meeting.symbol or "—"
    meeting.symbol = symbol
    why = " ".join(reason.split())[:50]
    meeting._change_reason = (f"Symbol {old} → {symbol}" + (f": {why}" if why else ""))[:100]
    if by is not None:
        meeting._history_user = by
    save_versioned(meeting, None)


class PdfNotStored(InvalidTransition):
    """The issued PDF could not be made or stored; raised inside the issuing transaction, so nothing moved."""


def store_issued_pdf(field_file, filename: str, render, *, what: str) -> None:
    """Render (``render()``: PDF bytes) and store the issued PDF in ``field_file`` (not saved), or raise
    PdfNotStored (the caller's transaction then rolls back). Shared by the IEG's summaries and the Network's."""
    try:
        rendered = render()
    except Exception as exc:  # noqa: BLE001 - whatever the renderer raised, the reader is told and nothing moves
        log.exception("Rendering %s failed", what)
        raise PdfNotStored(
            _("The PDF could not be made (the renderer failed: %(error)s). Nothing was changed; try again.")
            % {"error": type(exc).__name__}
        ) from exc
    try:
        field_file.save(filename, ContentFile(rendered), save=False)
    except OSError as exc:  # disk full, permissions, a storage that does not answer
        log.exception("Storing the PDF of %s failed", what)
        raise PdfNotStored(
            _("The PDF could not be stored (%(error)s). Nothing was changed; try again once the server has room.")
            % {"error": exc.strerror or type(exc).__name__}
        ) from exc


def _store_issued_pdf(summary: Summary, issue_date: datetime.date) -> None:
    store_issued_pdf(
        summary.issued_pdf,
        f"{summary.meeting.symbol.replace('/', '-')}.pdf",
        lambda: pdf.render_summary(summary, today=issue_date),
        what=f"the summary of meeting {summary.meeting_id}",
    )


@transaction.atomic
def correct_symbol(summary: Summary, symbol: str, *, by, reason: str = "") -> Summary:
    """Correct the S/ symbol an issued summary is recorded under (a typing mistake, a past record entered
    wrongly): the meeting's history keeps the old one and who changed it; the stored PDF is rebuilt."""
    summary = _locked(summary)
    symbol = (symbol or "").strip()
    if not summary.is_issued:
        raise InvalidTransition(_("Only the symbol of an issued summary is corrected here."))
    if symbol and summary.issue_date and not symbol.startswith(f"S/{summary.issue_date.year}/"):
        raise InvalidTransition(
            _("Symbols issued in %(year)s read S/%(year)s/…; check the symbol or the issue date.")
            % {"year": summary.issue_date.year}
        )
    _check_symbol(summary.meeting, symbol)
    if symbol == summary.meeting.symbol:
        raise InvalidTransition(_("The summary is already recorded as %(symbol)s.") % {"symbol": symbol})
    _set_symbol(summary.meeting, symbol, by=by, reason=reason or "corrected")
    summary._change_reason = _("Symbol corrected to %(symbol)s") % {"symbol": symbol}
    _store_issued_pdf(summary, summary.issue_date)
    summary.save(update_fields=["issued_pdf", "updated_at"])
    return summary


def check_publish_summary(summary: Summary) -> None:
    if summary.status != Summary.Status.ISSUED:
        raise InvalidTransition(_("Only an issued summary can be published."))


@transaction.atomic
def issue_summary(
    summary: Summary,
    symbol: str,
    *,
    by,
    now: datetime.datetime,
    issue_date: datetime.date | None = None,
    job_number: str = "",
) -> Summary:
    """Record the S/ symbol the summary was issued under, and store the issued PDF (no watermark).

    The summary of a meeting recorded after the fact as issued (``is_past_record``) is recorded as issued (or
    published, as its meeting is) directly: the symbol given corrects the meeting's, in its history.
    """
    summary = _locked(summary)
    symbol = (symbol or "").strip()
    issue_date = issue_date or summary.issue_date or now.date()
    past_record = is_past_record(summary)
    check_issue(summary, symbol, issue_date=issue_date, by=by)
    if past_record:
        _set_symbol(summary.meeting, symbol, by=by, reason="entered with its summary")
        published = summary.meeting.status == Meeting.Status.PUBLISHED
        summary.status = Summary.Status.PUBLISHED if published else Summary.Status.ISSUED
        summary._change_reason = _("Recorded as issued as %(symbol)s") % {"symbol": symbol}
    else:
        # Validates the symbol (meetings.models.symbol_validator) and its uniqueness, and moves the meeting.
        meeting_services.change_status(summary.meeting, Meeting.Status.ISSUED, by=by, symbol=symbol)
        summary.status = Summary.Status.ISSUED
        summary._change_reason = _("Issued as %(symbol)s") % {"symbol": symbol}
    summary.issue_date = issue_date
    summary.job_number = job_number.strip()
    _store_issued_pdf(summary, issue_date)
    summary.save(update_fields=["status", "issue_date", "job_number", "issued_pdf", "updated_at"])
    return summary


@transaction.atomic
def publish_summary(summary: Summary, *, by, now: datetime.datetime) -> Summary:
    """Put the issued summary and the meeting's documents on the public site."""
    summary = _locked(summary)
    check_publish_summary(summary)
    meeting_services.change_status(summary.meeting, Meeting.Status.PUBLISHED, by=by)
    summary.status = Summary.Status.PUBLISHED
    summary._change_reason = _("Published")
    summary.save(update_fields=["status", "updated_at"])
    _complete_step(summary.meeting, "publish_documents", by=by, now=now)
    return summary


# What a confirmed step will do, in plain words, for its confirmation page.


def _people(n: int) -> str:
    return ngettext("%(n)d person", "%(n)d people", n) % {"n": n}


def share_consequences(note: BackgroundNote) -> list[str]:
    year = note.meeting.agenda_year.year
    readers = note_readers(note).count()
    invited = note.invitations.count()
    version = latest_shared_version(note)
    if note.status == BackgroundNote.Status.SHARED and version is not None:
        headings = changed_sections(note, version)
        return [
            _("Council members stop reading version %(old)s and read version %(new)s, marked “revised” with the date.")
            % {"old": version.number, "new": version.number + 1},
            _("Sections changed: %(sections)s.") % {"sections": "; ".join(headings)},
            _("%(people)s are emailed that a revised version was shared, with the sections changed.")
            % {"people": _people(readers)},
        ]
    lines = [
        _("The experts of the Council members of %(year)s can read and download the note.") % {"year": year},
    ]
    if invited:
        lines.append(
            ngettext(
                "So can the experts of %(n)d invited delegation.", "So can those of %(n)d invited delegations.", invited
            )
            % {"n": invited}
        )
    lines += [
        _("%(people)s are emailed a link to it (the year's co-chairs, Council experts and invited delegations).")
        % {"people": _people(readers)},
        _("The timeline step “Background note shared” is marked done."),
        _("It cannot be unshared: a later edit is shared as a revised version."),
    ]
    return lines


def publish_note_consequences(note: BackgroundNote) -> list[str]:
    return [
        _("The background note becomes readable by anyone on the public website, without signing in."),
        _("It can no longer be edited, and a publication cannot be taken back."),
        _("No email is sent."),
    ]


def invite_consequences(note: BackgroundNote, member_state) -> list[str]:
    when = _("now") if note.status in NOTE_SHARED_STATUSES else _("once it is shared")
    return [
        _("The experts of %(state)s can read and download the note %(when)s, though %(state)s is not on the Council.")
        % {"state": member_state, "when": when},
        _("No email is sent now; they are told when the note, or a revised version, is shared."),
    ]


def issue_consequences(summary: Summary, symbol: str, issue_date: datetime.date) -> list[str]:
    if is_past_record(summary):
        published = summary.meeting.status == Meeting.Status.PUBLISHED
        return [
            _(
                "The summary is recorded as issued on %(date)s as Security Council document %(symbol)s, as its "
                "meeting was recorded."
            )
            % {"date": formats.date_format(issue_date), "symbol": symbol},
            _("Approval and submission happened outside the app: they are not asked for."),
            _("The meeting's page is public: so is this summary once recorded.")
            if published
            else _("Nothing becomes public until the summary is published."),
            _("The text can no longer be edited. No email is sent."),
        ]
    return [
        _("The summary is recorded as issued on %(date)s as Security Council document %(symbol)s.")
        % {"date": formats.date_format(issue_date), "symbol": symbol},
        _("The PDF is stored as issued, without the draft mark; the text can no longer be edited."),
        _("This cannot be undone: a correction needs a corrigendum from the Council's secretariat."),
        _("Nothing becomes public until the summary is published. No email is sent."),
    ]


def publish_summary_consequences(summary: Summary) -> list[str]:
    files = summary.meeting.attachments.count()
    return [
        _("The summary, its PDF and the meeting's page become readable by anyone on the public website."),
        ngettext("The meeting's %(n)d file becomes public too.", "The meeting's %(n)d files become public too.", files)
        % {"n": files},
        _("The background note stays restricted unless it is published itself."),
        _("A publication cannot be taken back. No email is sent."),
    ]


# Attachments and downloads.


@transaction.atomic
def add_attachment(meeting: Meeting, *, title: str, upload, kind: FileKind, by, now: datetime.datetime) -> Attachment:
    """Store an upload already checked by ``uploads.inspect_upload`` (the form does it)."""
    attachment = Attachment(
        meeting=meeting,
        title=title,
        original_name=upload.name[-200:],
        content_type=kind.content_type,
        size=upload.size,
        uploaded_by=by,
        uploaded_at=now,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    return attachment


@credits_by
@transaction.atomic
def delete_attachment(attachment: Attachment, *, by) -> None:
    stored = attachment.file.name
    storage = attachment.file.storage
    attachment._change_reason = _("Deleted")
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(stored))


def log_download(*, user, now: datetime.datetime, ip: str | None, note=None, summary=None, attachment=None):
    return DownloadLog.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        note=note,
        summary=summary,
        attachment=attachment,
        downloaded_at=now,
        ip=ip,
    )
