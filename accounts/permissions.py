"""Who may see and do what. Every view, download and list queryset asks here.

Roles are data: the ``Secretariat`` group grants editing; a user's ``delegation`` makes them a
co-chair in years their state co-chairs, and a Council expert in years their state sits on the
Council. Anonymous visitors see only published material (``public`` app).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

if TYPE_CHECKING:
    from meetings.models import AgendaYear, Meeting

SECRETARIAT_GROUP = "Secretariat"


def is_secretariat(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_ieg_is_secretariat", None)
    if cached is None:
        cached = user.groups.filter(name=SECRETARIAT_GROUP).exists()
        user._ieg_is_secretariat = cached
    return cached


def delegation_id(user) -> int | None:
    return user.delegation_id if user.is_authenticated else None


def council_years(user) -> frozenset[int]:
    """Years in which the user's delegation sits on the Council (cached on the user object)."""
    state_id = delegation_id(user)
    if state_id is None:
        return frozenset()
    cached = getattr(user, "_ieg_council_years", None)
    if cached is None:
        from countries.models import CouncilMembership

        cached = frozenset(CouncilMembership.objects.filter(member_state_id=state_id).values_list("year", flat=True))
        user._ieg_council_years = cached
    return cached


def cochair_years(user) -> frozenset[int]:
    """Years in which the user's delegation co-chairs the IEG (cached on the user object)."""
    state_id = delegation_id(user)
    if state_id is None:
        return frozenset()
    cached = getattr(user, "_ieg_cochair_years", None)
    if cached is None:
        from meetings.models import AgendaYear

        cached = frozenset(AgendaYear.objects.filter(co_chairs=state_id).values_list("year", flat=True))
        user._ieg_cochair_years = cached
    return cached


def is_cochair(user, agenda_year: AgendaYear) -> bool:
    return agenda_year.year in cochair_years(user)


def is_council_expert(user, year: int) -> bool:
    return year in council_years(user)


def can_edit(user) -> bool:
    """Create and change years, meetings, steps, recommendations and documents."""
    return is_secretariat(user)


def can_view_meeting(user, meeting: Meeting) -> bool:
    """Staff pages of a meeting: secretariat, co-chairs of its year, experts of that year's Council."""
    year = meeting.agenda_year.year
    return is_secretariat(user) or year in cochair_years(user) or year in council_years(user)


def can_approve(user, agenda_year: AgendaYear) -> bool:
    """Approve the agenda of a year or a summary of one of its meetings."""
    return is_cochair(user, agenda_year)


COCHAIR_STEP = "co_chairs"  # TimelineStep.responsible of the steps the co-chairs take (meetings.deadlines)


def can_complete_step(user, step) -> bool:
    """Mark a timeline step done or open it again: the secretariat any step; the co-chairs of the meeting's year
    the steps the co-chairs are responsible for (the letter, the room, informing the Council and the mission,
    submitting the summary), never the secretariat's steps."""
    if is_secretariat(user):
        return True
    return step.responsible == COCHAIR_STEP and is_cochair(user, step.meeting.agenda_year)


def can_record_for_cochair(user, agenda_year: AgendaYear) -> bool:
    """Record an approval or a step a co-chair state sent outside the app (e.g. by email): the secretariat."""
    return is_secretariat(user)


def can_view_drafts(user, agenda_year: AgendaYear) -> bool:
    """Drafts (notes in draft or review, unapproved summaries): never for Council experts."""
    return is_secretariat(user) or is_cochair(user, agenda_year)


def can_comment(user, agenda_year: AgendaYear) -> bool:
    """Write and read review comments on a year's agenda and meetings: the secretariat and that year's co-chairs."""
    return is_secretariat(user) or is_cochair(user, agenda_year)


def can_view_history(user) -> bool:
    return is_secretariat(user)


def visible_year_filter(user, prefix: str = "") -> Q:
    """A Q over AgendaYear (``prefix`` leads to it, e.g. ``"agenda_year__"``) for the years a user may open."""
    if is_secretariat(user):
        return Q()
    years = cochair_years(user) | council_years(user)
    return Q(**{f"{prefix}year__in": sorted(years)})


# Documents (background notes, summaries). Statuses are the documents app's TextChoices values.
NOTE_SHARED_STATUSES = ("shared", "published")
SUMMARY_COUNCIL_STATUSES = ("approved", "submitted", "issued", "published")


def can_read_note(user, note) -> bool:
    """A background note: secretariat and the year's co-chairs always; once shared, experts of that year's
    Council members and of delegations invited to it (``NoteInvitation``); once published, everyone."""
    if note.status == "published":
        return True
    agenda_year = note.meeting.agenda_year
    if can_view_drafts(user, agenda_year):
        return True
    if note.status != "shared":
        return False
    if is_council_expert(user, agenda_year.year):
        return True
    state_id = delegation_id(user)
    return state_id is not None and note.invitations.filter(member_state_id=state_id).exists()


def readable_notes_filter(user) -> Q:
    """A Q over BackgroundNote matching ``can_read_note``, for list querysets."""
    if is_secretariat(user):
        return Q()
    from documents.models import NoteInvitation

    allowed = Q(status="published") | Q(meeting__agenda_year__year__in=sorted(cochair_years(user)))
    experts = Q(meeting__agenda_year__year__in=sorted(council_years(user)))
    state_id = delegation_id(user)
    if state_id is not None:
        experts |= Q(pk__in=NoteInvitation.objects.filter(member_state_id=state_id).values("note_id"))
    return allowed | (Q(status="shared") & experts)


def notes_shared_with_filter(user) -> Q:
    """A Q over BackgroundNote: the notes shared with the user's delegation (its Council years' notes, and those
    it was invited to), shared or since published. Not every published note: those are everyone's."""
    from documents.models import NoteInvitation

    state_id = delegation_id(user)
    if state_id is None:
        return Q(pk__in=[])
    addressed = Q(meeting__agenda_year__year__in=sorted(council_years(user))) | Q(
        pk__in=NoteInvitation.objects.filter(member_state_id=state_id).values("note_id")
    )
    return Q(status__in=NOTE_SHARED_STATUSES) & addressed


def can_read_summary(user, summary) -> bool:
    """A summary: secretariat and the year's co-chairs always; experts of that year's Council members once
    the co-chairs approved it; everyone once published."""
    if summary.status == "published":
        return True
    agenda_year = summary.meeting.agenda_year
    if can_view_drafts(user, agenda_year):
        return True
    return summary.status in SUMMARY_COUNCIL_STATUSES and is_council_expert(user, agenda_year.year)


def readable_summaries_filter(user) -> Q:
    """A Q over Summary matching ``can_read_summary``, for list querysets."""
    if is_secretariat(user):
        return Q()
    return (
        Q(status="published")
        | Q(meeting__agenda_year__year__in=sorted(cochair_years(user)))
        | Q(status__in=SUMMARY_COUNCIL_STATUSES, meeting__agenda_year__year__in=sorted(council_years(user)))
    )
