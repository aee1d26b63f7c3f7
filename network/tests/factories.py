"""Network rows for tests: members (states through countries' factory), focal points, chairs."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import Group

from accounts.permissions import NETWORK_SECRETARIAT_GROUP
from meetings.tests.factories import make_state, make_user
from network.models import Chair, FocalPoint, Member


def make_member(name: str, *, regional: bool = False, acronym: str = "", **fields) -> Member:
    if regional:
        return Member.objects.create(kind="regional", name=name, acronym=acronym, **fields)
    return Member.objects.create(kind="state", member_state=make_state(name), name=name, **fields)


def make_focal_point(member: Member, name: str, *, start=datetime.date(2017, 1, 1), **fields) -> FocalPoint:
    return FocalPoint.objects.create(member=member, name=name, start_date=start, **fields)


def make_chairs(**years) -> None:
    """make_chairs(Spain=2017, Germany=2018): each member (made if missing) chairs that year."""
    for name, year in years.items():
        member = Member.objects.filter(name=name).first() or make_member(name)
        Chair.objects.create(year=year, member=member)


def network_secretariat(username: str = "coordinator"):
    user = make_user(username)
    user.groups.add(Group.objects.get_or_create(name=NETWORK_SECRETARIAT_GROUP)[0])
    return user
