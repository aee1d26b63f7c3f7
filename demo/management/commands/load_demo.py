"""Load the public record of IEG years and meetings, reference data, holidays and one demo user per role.

Idempotent: run it again and rows are updated, not duplicated. The demo users' passwords are kept in
var/demo-accounts.json (core.demo_accounts): the same ones while the database still accepts them, fresh ones
for a new database. They are printed unless --no-account-list (make run prints them last, after start-up).
"""

from __future__ import annotations

import csv
import datetime
import re
from collections import defaultdict
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.permissions import NETWORK_SECRETARIAT_GROUP, SECRETARIAT_GROUP
from core import demo_accounts
from core.concurrency import save_versioned
from countries.models import CouncilMembership, MemberState, Mission, PermanentRepresentative, Situation
from demo.models import DemoYear
from demo.network import load_demo_network
from demo.recommendations import load_demo_recommendations
from meetings import deadlines, services
from meetings.models import AgendaEntry, AgendaYear, Meeting, TimelineStep

DATA = Path(__file__).resolve().parents[2] / "data"
PERMANENT_MEMBERS = ["China", "France", "Russian Federation", "United Kingdom", "United States"]
STATE_ALIASES = {"United Kingdom (penholder)": "United Kingdom", "Syria": "Syrian Arab Republic"}
THEMATIC_PREFIX = "Thematic: "
SOURCE_NOTE = "The recommendations are suggestions from UN participants, not recommendations of the IEG as a whole."
# The demo year's co-chairs and the permanent representatives who sign its summaries (invented names, like the
# year itself: given names, surname), so that a summary can be approved by each co-chair state and signed end to end.
DEMO_CO_CHAIRS = {"Denmark": ("Karen Holm", "Nielsen"), "Greece": ("Nikos", "Vlachos")}
# Shown on the year's page; the year is found by its DemoYear row, never by this text.
DEMO_NOTE = (
    "Illustrative planning year for training and demonstration: its co-chairs, agenda and meeting dates are "
    "examples, not the public record."
)


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def state(name: str) -> MemberState:
    return MemberState.objects.get(name=STATE_ALIASES.get(name.strip(), name.strip()))


def save_if_changed(obj, **values) -> None:
    """Set ``values`` and save only a new or changed row, so that reloading the demo adds no history."""
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    for field in changed:
        setattr(obj, field, values[field])
    if obj.pk is None or changed:
        save_versioned(obj, None)  # a form opened before the reload is then refused, not silently overwritten


def _recorded_representative(
    candidates: list[PermanentRepresentative], row: dict[str, str], start: datetime.date, claimed: set[int]
) -> PermanentRepresentative | None:
    """The row a CSV line describes: same names; or, as loaded before names were split as signed, the same
    whole name (“Geraldine Byrne” + “Nason”) or the same start date (“Román Oyarzun Marchesi”)."""
    full_name = " ".join(part for part in (row["given_names"], row["surname"]) if part)
    for matches in (
        lambda rep: (rep.given_names, rep.surname) == (row["given_names"], row["surname"]),
        lambda rep: rep.name == full_name,
        lambda rep: rep.start_date == start,
    ):
        for rep in candidates:
            if rep.pk is not None and rep.pk not in claimed and matches(rep):
                return rep
    return None


class Command(BaseCommand):
    help = "Load the public record of IEG meetings and demo users (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--no-users", action="store_true", help="Do not create or reset demo users.")
        parser.add_argument(
            "--no-account-list", action="store_true", help="Do not print the demo accounts (make run prints them)."
        )

    @transaction.atomic
    def handle(self, *args, **options):
        today = timezone.localdate()
        services.materialise_holidays(years=services.holiday_years_shown(today), today=today)
        self.load_states()
        self.load_situations_and_missions()
        self.load_record(today)
        self.load_planning_year(today)
        if not options["no_users"]:
            self.load_users(today, list_accounts=not options["no_account_list"])
        load_demo_recommendations(today)
        load_demo_network()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))

    def load_states(self):
        existing = {s.name: s for s in MemberState.objects.all()}
        for row in rows("member_states.csv"):
            member_state = existing.get(row["name"]) or MemberState(name=row["name"])
            # The names documents print are filled in, not reset: the secretariat may have corrected them.
            save_if_changed(
                member_state,
                iso3=row["iso3"],
                short_name=member_state.short_name or row["short_name"],
                formal_name=member_state.formal_name or row["formal_name"],
            )
        for row in rows("council_members.csv"):
            year = int(row["year"])
            for name in PERMANENT_MEMBERS:
                CouncilMembership.objects.update_or_create(
                    member_state=state(name), year=year, defaults={"permanent": True}
                )
            for name in row["members"].split(";"):
                CouncilMembership.objects.update_or_create(
                    member_state=state(name), year=year, defaults={"permanent": False}
                )
        self.load_representatives()

    def load_representatives(self):
        """The representatives who signed (or would have signed) the record's letters, as they signed."""
        data = rows("representatives.csv")
        states = {s.name: s for s in MemberState.objects.filter(name__in={r["state"] for r in data})}
        recorded = defaultdict(list)
        for rep in PermanentRepresentative.objects.filter(member_state__in=states.values()):
            recorded[rep.member_state_id].append(rep)
        claimed: set[int] = set()
        for row in data:
            member_state = states[row["state"]]
            start = datetime.date.fromisoformat(row["start_date"])
            rep = _recorded_representative(recorded[member_state.pk], row, start, claimed)
            if rep is None:
                rep = PermanentRepresentative(member_state=member_state)
            save_if_changed(
                rep,
                given_names=row["given_names"],
                surname=row["surname"],
                title=row["title"],
                ambassador=row["ambassador"] == "yes",
                start_date=start,
                end_date=datetime.date.fromisoformat(row["end_date"]) if row["end_date"] else None,
            )
            claimed.add(rep.pk)

    def load_situations_and_missions(self):
        for row in rows("situations.csv"):
            Situation.objects.update_or_create(
                name=row["name"],
                defaults={
                    "region": row["region"],
                    "conflict_phase": row["conflict_phase"],
                    "un_presence": row["un_presence"],
                    "host_state": state(row["host_state"]) if row["host_state"] else None,
                },
            )
        for row in rows("mandates.csv"):
            situation = Situation.objects.get(name=row["country"])
            expiry = row["last_known_expiry"]
            Mission.objects.update_or_create(
                acronym=row["mission"],
                defaults={
                    "situation": situation,
                    "kind": row["kind"].lower(),
                    "mandate_expiry": expiry if re.fullmatch(r"\d{4}-\d{2}-\d{2}", expiry) else None,
                    "renewal_note": row["renewal_month"][:200],
                    "active": not expiry or expiry >= "2026-01-01" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", expiry),
                },
            )

    def year(self, year: int, co_chairs: list[str]) -> AgendaYear:
        agenda_year, _ = AgendaYear.objects.get_or_create(year=year)
        names = [STATE_ALIASES.get(n.strip(), n.strip()) for n in co_chairs]
        penholder = "United Kingdom"
        agenda_year.penholder = state(penholder)
        agenda_year.save()
        # The record lists the penholder beside two co-chairs; it co-chaired itself only in 2016 (two names).
        agenda_year.co_chairs.set([state(n) for n in names if n != penholder or len(names) == 2])
        return agenda_year

    def load_record(self, today: datetime.date):
        for row in rows("ieg_meetings.csv"):
            raw = row["date"]
            year = int(raw[:4])
            agenda_year = self.year(year, row["co_chairs"].split(";"))
            parts = [int(p) for p in raw.split("-")]
            day = datetime.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1) if len(parts) > 1 else None
            kind = {"country": "country", "follow-up": "follow_up", "thematic": "thematic"}[row["kind"]]
            subject = row["country_or_theme"]
            fields = {
                "agenda_year": agenda_year,
                "kind": kind,
                "date": day,
                "date_is_approximate": len(parts) != 3,
                "status": Meeting.Status.PUBLISHED if row["summary_symbol"] else Meeting.Status.HELD,
                "symbol": row["summary_symbol"],
            }
            if kind == "thematic":
                fields["theme"] = subject.removeprefix(THEMATIC_PREFIX).capitalize()
                fields["source_note"] = SOURCE_NOTE
                identity = {"agenda_year": agenda_year, "kind": kind, "theme": fields["theme"]}
            else:
                situation = Situation.objects.get(name=subject)
                fields["situation"] = situation
                identity = {"agenda_year": agenda_year, "kind": kind, "situation": situation, "date": day}
                if kind == "country":
                    AgendaEntry.objects.get_or_create(
                        agenda_year=agenda_year,
                        situation=situation,
                        defaults={"conflict_phase": situation.conflict_phase},
                    )
                else:
                    fields["follows_up"] = (
                        Meeting.objects.filter(situation=situation, kind="country", agenda_year=agenda_year)
                        .order_by("date", "pk")
                        .first()
                    )
            # A symbol identifies a meeting; without one, its year, kind, subject and date do.
            if row["summary_symbol"]:
                identity = {"symbol": row["summary_symbol"]}
            meeting, _created = Meeting.objects.update_or_create(**identity, defaults=fields)
            # Historical meetings carry no timeline: the record does not say when each step happened. They are
            # records (entered after the fact): a timeline laid out later is history, never late or reminded.
            if meeting.recorded_on is None and day is not None:
                Meeting.objects.filter(pk=meeting.pk).update(recorded_on=today)

    def load_planning_year(self, today: datetime.date):
        """A live year so the timeline, dashboard and reminders have dates to show."""
        agenda_year, _ = AgendaYear.objects.get_or_create(year=today.year)
        if agenda_year.notes and not DemoYear.objects.filter(agenda_year=agenda_year).exists():
            return  # a real year was entered for this year: leave it alone
        DemoYear.objects.get_or_create(agenda_year=agenda_year)
        agenda_year.notes = DEMO_NOTE
        agenda_year.penholder = state("United Kingdom")
        agenda_year.save()
        agenda_year.co_chairs.set([state(name) for name in DEMO_CO_CHAIRS])
        for name, (given, surname) in DEMO_CO_CHAIRS.items():
            if not PermanentRepresentative.objects.as_of(today).filter(member_state=state(name)).exists():
                PermanentRepresentative.objects.update_or_create(
                    member_state=state(name),
                    given_names=given,
                    surname=surname,
                    defaults={"start_date": datetime.date(today.year - 1, 1, 1), "end_date": None},
                )
        plan = [
            ("South Sudan", "active", "Mandate renewal of UNMISS ahead; women's participation in the peace process."),
            ("Haiti", "active", "Gang violence and sexual violence; new mission configuration."),
            ("Democratic Republic of the Congo", "active", "MONUSCO drawdown and protection gaps in the east."),
            ("Libya", "transition", "UNSMIL renewal; women's political participation in elections."),
            ("Colombia", "transition", "Verification Mission mandate; gender provisions of the peace agreement."),
        ]
        for name, phase, why in plan:
            AgendaEntry.objects.update_or_create(
                agenda_year=agenda_year,
                situation=Situation.objects.get(name=name),
                defaults={
                    "conflict_phase": phase,
                    "rationale_impact": why,
                    "rationale_capacity": "Mission and country team reporting on WPS is regular and detailed.",
                    "rationale_diversity": "Balances regions and conflict phases on this year's agenda.",
                },
            )
        holidays = services.holidays()
        meetings = [
            # (country, business days from today (negative: past), status)
            ("South Sudan", -45, Meeting.Status.HELD),
            ("Haiti", 3, Meeting.Status.CONFIRMED),
            ("Democratic Republic of the Congo", 12, Meeting.Status.DATE_PROPOSED),
            ("Libya", 25, Meeting.Status.PLANNED),
        ]
        for name, offset, status in meetings:
            situation = Situation.objects.get(name=name)
            if Meeting.objects.filter(agenda_year=agenda_year, situation=situation, kind="country").exists():
                continue
            day = deadlines.add_business_days(today, offset, holidays)
            meeting = services.save_new_meeting(
                Meeting(
                    agenda_year=agenda_year,
                    kind=Meeting.Kind.COUNTRY,
                    situation=situation,
                    date=day,
                    start_time=datetime.time(10, 0),
                    room="Conference Room 5, UN Headquarters",
                    needs_videoconference=True,
                    status=status,
                )
            )
            # Steps before today are done on their due dates, so the demo shows a realistic picture.
            for step in meeting.steps.filter(due__lt=today - datetime.timedelta(days=2)):
                step.state = TimelineStep.State.DONE
                step.done_at = timezone.make_aware(datetime.datetime.combine(step.due, datetime.time(16, 0)))
                step.done_on = step.due
                step.save()
            if status == Meeting.Status.HELD:
                services.propose_follow_up(meeting)
        thematic_day = deadlines.add_business_days(today, 30, holidays)
        if not Meeting.objects.filter(agenda_year=agenda_year, kind="thematic").exists():
            services.save_new_meeting(
                Meeting(
                    agenda_year=agenda_year,
                    kind=Meeting.Kind.THEMATIC,
                    theme="Annual meeting with women's protection advisers (conflict-related sexual violence)",
                    date=thematic_day,
                    status=Meeting.Status.PLANNED,
                    source_note=SOURCE_NOTE,
                )
            )

    def load_users(self, today: datetime.date, list_accounts: bool = True):
        secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
        people = [
            ("secretariat", "Amina", "Diallo", "UN-Women, IEG secretariat", None, True),
            ("cochair", "Mette", "Larsen", "Delegation of Denmark (co-chair)", "Denmark", False),
            ("cochair-greece", "Eleni", "Papadaki", "Delegation of Greece (co-chair)", "Greece", False),
            ("expert", "Claire", "Martin", "Delegation of France, Council expert", "France", False),
            ("observer", "Erik", "Lindqvist", "Delegation of Sweden (not on the Council)", "Sweden", False),
            ("coordinator", "Sofia", "Mendes", "UN-Women, coordinator of the Focal Points Network", None, False),
            ("focalpoint", "Francisco Javier", "Sanabria Valderrama", "National focal point of Spain", None, False),
        ]
        stored = demo_accounts.read_accounts()
        accounts = []
        for username, first, last, job, delegation, is_secretariat in people:
            user, _ = User.objects.update_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.org",
                    "job_title": job,
                    "delegation": state(delegation) if delegation else None,
                    "is_staff": is_secretariat,
                },
            )
            password = demo_accounts.password_for(user, stored)
            if password is None:
                password = demo_accounts.fresh_password()
                user.set_password(password)
            user.save()
            if is_secretariat:
                user.groups.add(secretariat)
            if username == "coordinator":
                user.groups.add(Group.objects.get_or_create(name=NETWORK_SECRETARIAT_GROUP)[0])
            accounts.append({"username": username, "password": password, "job": job})
        demo_accounts.write_accounts(accounts)
        if list_accounts:
            self.stdout.write(f"Demo users (passwords kept in {demo_accounts.accounts_file()}):")
            self.stdout.write("\n".join(demo_accounts.format_accounts(accounts)))
        # Assign the secretariat's steps of the live year to the demo secretariat user.
        lead = User.objects.get(username="secretariat")
        for step in TimelineStep.objects.filter(
            meeting__agenda_year__year=today.year, responsible="secretariat", assignee__isnull=True
        ):
            step.assignee = lead
            step.save(update_fields=["assignee"])
