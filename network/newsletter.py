"""A newsletter issue as its readers get it: compiled, not typed twice, and the same on the page, in the preview
the troika approves, and in every email (notifications.emails renders ``compiled(issue)``).

An issue carries the secretariat's introduction, the accepted members' updates it was given (grouped by kind),
the events to come (dated updates and the Network's planned meetings), the members that joined since its
``since`` date, and the progress of the key action points still open. Who receives it: every focal point in post
of a current member, once per address, unless their account has emails turned off.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.db.models import Q

from .choices import OPEN_ACTION_STATUSES, MeetingStatus, UpdateKind
from .models import ActionPoint, FocalPoint, Member, NetworkMeeting, Newsletter


@dataclass(frozen=True)
class Compiled:
    issue: Newsletter
    updates: tuple[tuple[str, tuple], ...]  # (kind label, updates)
    events: tuple[tuple[datetime.date, str, str], ...]  # (date, what, where or who)
    new_members: tuple[Member, ...]
    progress: tuple[ActionPoint, ...]

    @property
    def empty(self) -> bool:
        return not (self.issue.intro.strip() or self.updates or self.events or self.new_members or self.progress)


def compiled(issue: Newsletter, *, today: datetime.date) -> Compiled:
    """The issue's content as of ``today`` (its sending day once sent). Five queries whatever the size."""
    day = issue.sent_on or today
    updates = list(issue.updates.select_related("member").order_by("member__name", "pk"))
    grouped = []
    for kind, label in UpdateKind.choices:
        of_kind = tuple(update for update in updates if update.kind == kind)
        if of_kind:
            grouped.append((str(label), of_kind))
    events = [(u.event_date, u.title, str(u.member)) for u in updates if u.event_date and u.event_date >= day]
    meetings = NetworkMeeting.objects.filter(status=MeetingStatus.PLANNED, start_date__gte=day)
    events += [(m.start_date, m.title, m.city) for m in meetings.order_by("start_date")[:10]]
    new_members = Member.objects.filter(joined_on__gte=issue.since, joined_on__lte=day).order_by("joined_on", "name")
    progress = (
        ActionPoint.objects.filter(status__in=OPEN_ACTION_STATUSES)
        .exclude(progress="")
        .select_related("group__meeting")
        .order_by("group__meeting__start_date", "group__order", "order", "pk")
    )
    return Compiled(
        issue=issue,
        updates=tuple(grouped),
        events=tuple(sorted(events, key=lambda event: event[0])),
        new_members=tuple(new_members),
        progress=tuple(progress),
    )


def fingerprint(content: Compiled) -> str:
    """A digest of what the troika approves: every word the readers get."""
    issue = content.issue
    data = [
        issue.title,
        issue.intro,
        [[label, [[u.pk, u.title, u.text, u.link] for u in updates]] for label, updates in content.updates],
        [[str(day), what, where] for day, what, where in content.events],
        [m.pk for m in content.new_members],
        [[p.pk, p.text, p.progress, p.status] for p in content.progress],
    ]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def recipients(today: datetime.date) -> list[tuple[int | None, str]]:
    """(user id, address) of every focal point in post of a current member: the account's address when the
    record has none; none whose account turned emails off; each address once."""
    posts = (
        FocalPoint.objects.current(today)
        .filter(Q(member__left_on__isnull=True) | Q(member__left_on__gt=today))
        .filter(Q(user__isnull=True) | Q(user__is_active=True, user__email_notifications=True))
        .order_by("member__name", "pk")
        .values_list("user_id", "email", "user__email")
    )
    seen, found = set(), []
    for user_id, email, account_email in posts:
        address = (email or account_email or "").strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            found.append((user_id, address))
    return found
