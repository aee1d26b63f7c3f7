"""The Focal Points Network's public record as demo data: the 78 members of the Technical Operative Guidelines
(seed 004, footnote 1), the chairs of 2017-2019, the focal points seed 001 names and the action plans it reports.
Idempotent."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

from accounts.models import User
from countries.models import MemberState
from network import services
from network.models import ActionPlan, ActionPoint, ActionPointGroup, Chair, FocalPoint, Member, NetworkMeeting

DATA = Path(__file__).resolve().parent / "data"
LISTED = "Listed among the 78 focal points of the Technical Operative Guidelines (December 2017)"
CHAIRS = {2017: "Spain", 2018: "Germany", 2019: "Namibia"}
# As the chair's summary of the second meeting (New York, 21 September 2017) names them.
FOCAL_POINTS = {
    "Spain": ("Francisco Javier Sanabria Valderrama", "Director General for the United Nations and Human Rights", ""),
    "Germany": (
        "Patricia Flor",
        "Director General for International Order, the United Nations and Arms Control",
        "Federal Foreign Office",
    ),
    "Namibia": ("Selma Ashipala-Musavyi", "Permanent Secretary", "Ministry of International Relations and Cooperation"),
}
DEMO_ACCOUNT = {"Spain": "focalpoint"}  # the demo account that signs in as Spain's focal point
# The second meeting, as seed 001 describes it (the first, in Alicante in April 2017, has no exact date there).
SECOND_MEETING = {
    "kind": "new_york",
    "title": "Second meeting of the Women, Peace and Security National Focal Points Network",
    "start_date": datetime.date(2017, 9, 21),
    "city": "New York",
    "theme": "Women's participation in peace and security: conflict prevention and the security sector",
    "margins_of": "the general debate of the seventy-second session of the General Assembly",
    "status": "held",
    "attendance": (
        "Over 100 people, including focal points and national representatives from all regions, the United Nations "
        "and international non-governmental organizations"
    ),
}


def load_demo_network() -> None:
    states = {state.name: state for state in MemberState.objects.all()}
    members = {member.name: member for member in Member.objects.all()}
    with (DATA / "network_members.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["name"] in members:
                continue
            members[row["name"]] = Member.objects.create(
                kind=row["kind"],
                member_state=states[row["member_state"]] if row["member_state"] else None,
                name=row["name"],
                acronym=row["acronym"],
                region=row["region"],
                joined_note=LISTED,
            )
    for year, name in CHAIRS.items():
        Chair.objects.get_or_create(year=year, member=members[name])
    for name, (person, title, office) in FOCAL_POINTS.items():
        focal_point = FocalPoint.objects.filter(member=members[name], name=person).first()
        if focal_point is None:
            focal_point = FocalPoint.objects.create(member=members[name], name=person, title=title, office=office)
        username = DEMO_ACCOUNT.get(name)
        account = User.objects.filter(username=username).first() if username else None
        if account is not None and focal_point.user_id != account.pk:
            focal_point.user = account
            focal_point.save(update_fields=["user"])

    # What seed 001 reports of members' plans (September 2017); an adoption year only where it says one.
    with (DATA / "network_action_plans.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            ActionPlan.objects.get_or_create(
                member=members[row["member"]],
                generation=int(row["generation"]),
                defaults={
                    "status": row["status"],
                    "adopted_year": int(row["adopted_year"]) if row["adopted_year"] else None,
                    "notes": row["notes"],
                },
            )

    _second_meeting(members["Spain"])


def _second_meeting(host: Member) -> None:
    """The New York meeting of 21 September 2017 with its key action points (seed 001); its timeline is history
    (every step marked done on its day), so it reminds nobody."""
    if NetworkMeeting.objects.filter(title=SECOND_MEETING["title"]).exists():
        return
    meeting = services.save_meeting(NetworkMeeting(host=host, **SECOND_MEETING), expected_version=None, by=None)
    for step in meeting.steps.all():
        step.state, step.done_on = "done", step.due
        step.save(update_fields=["state", "done_on"])
    groups: dict[str, ActionPointGroup] = {}
    with (DATA / "network_action_points.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            group = groups.get(row["group"])
            if group is None:
                group = ActionPointGroup.objects.create(
                    meeting=meeting, heading=row["heading"], order=int(row["group"])
                )
                groups[row["group"]] = group
            ActionPoint.objects.create(
                group=group,
                order=int(row["order"]),
                text=row["text"],
                owners=row["owners"],
                deadline_text=row["deadline_text"],
            )
