"""The Focal Points Network's public record as demo data: the 78 members of the Technical Operative Guidelines
(seed 004, footnote 1), the chairs of 2017-2019, the focal points seed 001 names and the action plans it reports.
Idempotent."""

from __future__ import annotations

import csv
from pathlib import Path

from accounts.models import User
from countries.models import MemberState
from network.models import ActionPlan, Chair, FocalPoint, Member

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
