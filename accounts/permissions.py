"""Who may see and do what. Every view, download and list queryset asks here.

Roles are data: the ``Secretariat`` group grants editing; a user's ``delegation`` makes them a
co-chair in years their state co-chairs, and a Council expert in years their state sits on the
Council. Anonymous visitors see only published material (``public`` app).

The roles and the generic checks live here; the rules of one kind of object live with it and read these
(who may read a note or a summary: ``documents.access``). This module imports no domain model at module level
and spells no other app's status.
"""

from __future__ import annotations

from typing import Protocol

from django.db.models import Q
from django.utils import timezone


class AgendaYear(Protocol):
    """What the checks read of a meetings.AgendaYear (typed structurally: this layer does not import meetings)."""

    year: int


class Meeting(Protocol):
    agenda_year: AgendaYear


SECRETARIAT_GROUP = "Secretariat"
# UN-Women's coordinator of the WPS Focal Points Network and their team: they edit everything of the Network.
NETWORK_SECRETARIAT_GROUP = "Network secretariat"


def _group_names(user) -> frozenset[str]:
    """The user's groups, read once per request (cached on the user object)."""
    cached = getattr(user, "_ieg_groups", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._ieg_groups = cached
    return cached


def is_secretariat(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or SECRETARIAT_GROUP in _group_names(user)


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
        # Through the state's side of AgendaYear.co_chairs: accounts sits below meetings and does not import it.
        from countries.models import MemberState

        years = MemberState.objects.filter(pk=state_id, cochaired_years__isnull=False)
        cached = frozenset(years.values_list("cochaired_years__year", flat=True))
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


def can_complete_step(user, step) -> bool:
    """Mark a timeline step done or open it again: the secretariat any step; the co-chairs of the meeting's year
    the steps the co-chairs are responsible for (the letter, the room, informing the Council and the mission,
    submitting the summary), never the secretariat's steps."""
    if is_secretariat(user):
        return True
    return step.is_cochairs_step and is_cochair(user, step.meeting.agenda_year)


def step_people_filter(agenda_year: AgendaYear) -> Q:
    """A Q over User: who may take a step of a meeting in ``agenda_year`` (and so be its assignee): the
    secretariat and the delegations of that year's co-chairs."""
    return Q(groups__name=SECRETARIAT_GROUP) | Q(delegation__in=agenda_year.co_chairs.all())


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


# The WPS Focal Points Network. Its secretariat edits everything; a focal point in post (of a member that has not
# left) reads the Network's space and members' contacts; the IEG secretariat reads it too. Contacts never reach the
# public.


def is_network_secretariat(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or NETWORK_SECRETARIAT_GROUP in _group_names(user)


def focal_point_member_ids(user) -> frozenset[int]:
    """The Network members whose focal point ``user`` is today (read once per request, through the user's side
    of the relation: this layer does not import the network app)."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_ieg_focal_point_members", None)
    if cached is None:
        today = timezone.localdate()
        posts = user.focal_point_posts.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=today),
            Q(end_date__isnull=True) | Q(end_date__gte=today),
            Q(member__left_on__isnull=True) | Q(member__left_on__gt=today),
        )
        cached = frozenset(posts.values_list("member_id", flat=True))
        user._ieg_focal_point_members = cached
    return cached


def is_focal_point(user) -> bool:
    """The user holds a focal point post today."""
    return bool(focal_point_member_ids(user))


def can_edit_network(user) -> bool:
    return is_network_secretariat(user)


def can_view_network(user) -> bool:
    """The Network's space: its members and their focal points' contacts, chairs, troika and partners."""
    return is_network_secretariat(user) or is_secretariat(user) or is_focal_point(user)
