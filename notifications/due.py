"""Deciding what is due: the reminder sweep, in plain Python over the open steps, reviews and written answers.

Exactly-once deciding rests on the outbox's unique key (target, rule, due date, email; cancelled rows do not
hold it): each batch of decisions is one ``bulk_create(ignore_conflicts=True)``, so deciding twice, or two
sweeps deciding at once, adds nothing. Keys already held are skipped before the insert (one read per batch),
which keeps every sweep after the first cheap. The rows are queued after commit; a row queued but never sent
(broker down, worker killed) is queued again by a later sweep, so nothing is lost.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Case, CharField, Exists, F, OuterRef, QuerySet, Value, When
from django.utils import timezone

from accounts.permissions import NETWORK_SECRETARIAT_GROUP, SECRETARIAT_GROUP
from meetings.models import Meeting, TimelineStep
from meetings.services import holidays
from network import reminders as network_reminders
from network.models import ActionPoint, NetworkStep
from recommendations.choices import OPEN_STATUSES
from recommendations.models import CouncilQuestion, Recommendation

from . import rules
from .ladders import decision_day, reminder_ladders
from .models import Notification
from .rules import Audience, ReminderRule
from .sending import queue_ready_after_commit

State = Notification.State
Kind = Notification.Kind

DIGEST_RULE = "digest"
# Targets read per batch: one read of the targets, one of the keys they already hold, one insert.
BATCH_SIZE = 2000

CLOSED_REASON = "The step is done, not needed, part of its meeting's record, or its meeting was cancelled."
MOVED_REASON = "The due date moved; a reminder follows the new date."


@dataclass(frozen=True)
class SweepResult:
    """What one sweep did. ``created`` counts the rows it inserted whose key it did not find held; a sweep
    running at the same moment may have taken a few of them first (the insert then ignores those)."""

    created: int
    cancelled: int
    queued: int
    ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Person:
    pk: int | None
    email: str
    digest: bool = False


@dataclass
class Recipients:
    """Who may be reminded, read once per sweep (a few dozen people)."""

    people: dict[int, Person] = field(default_factory=dict)  # everyone with email notifications on
    secretariat: list[Person] = field(default_factory=list)
    cochairs: dict[int, list[Person]] = field(default_factory=dict)  # agenda year id -> co-chairs' contacts
    lead: Person | None = None
    network_secretariat: list[Person] = field(default_factory=list)

    def contact(self, user_id: int | None, email: str) -> Person | None:
        """A contact outside the user list (a focal point): their account when linked (its preferences apply:
        None when they turned emails off), else their address."""
        if user_id is not None:
            return self.people.get(user_id)
        return Person(None, email) if email else None


def recipients() -> Recipients:
    User = get_user_model()
    reachable = User.objects.filter(is_active=True, email_notifications=True).exclude(email="")
    people = {
        pk: Person(pk, email, delivery == "digest")
        for pk, email, delivery in reachable.order_by("pk").values_list("pk", "email", "delivery")
    }
    secretariat_pks = reachable.filter(groups__name=SECRETARIAT_GROUP).values_list("pk", flat=True).distinct()
    cochairs: dict[int, list[Person]] = {}
    contacts = reachable.filter(delegation__cochaired_years__isnull=False).values_list(
        "delegation__cochaired_years", "pk"
    )
    for year_id, pk in contacts.order_by("pk").distinct():
        cochairs.setdefault(year_id, []).append(people[pk])
    lead = None
    lead_email = settings.SECRETARIAT_LEAD_EMAIL.strip()
    if lead_email:
        lead_pk = User.objects.filter(email__iexact=lead_email).values_list("pk", flat=True).first()
        lead = Person(lead_pk, lead_email)  # escalations go out on their own, never in a digest
    network_pks = reachable.filter(groups__name=NETWORK_SECRETARIAT_GROUP).values_list("pk", flat=True).distinct()
    return Recipients(
        people=people,
        secretariat=[people[pk] for pk in sorted(secretariat_pks)],
        cochairs=cochairs,
        lead=lead,
        network_secretariat=[people[pk] for pk in sorted(network_pks)],
    )


def open_steps() -> QuerySet:
    """Steps that may need reminders: open, in a meeting that is not cancelled, not part of a meeting's record
    (a step due before its meeting was entered after the fact is history: ``TimelineStep.is_record``)."""
    return TimelineStep.objects.open().live().exclude(meeting__status=Meeting.Status.CANCELLED)


def _batches(candidates: QuerySet, fields: tuple[str, ...]) -> Iterator[list[tuple]]:
    """The candidates' ``fields`` (pk first) in batches of BATCH_SIZE, by pk: each batch one indexed range read."""
    last = 0
    while True:
        batch = list(candidates.filter(pk__gt=last).order_by("pk").values_list(*fields)[:BATCH_SIZE])
        if not batch:
            return
        yield batch
        last = batch[-1][0]


class _Decider:
    """Turns (target, due date, people) into outbox rows, skipping keys already held, and inserts them."""

    def __init__(self, model, ladder: tuple[ReminderRule, ...], *, now, today, holiday_dates):
        self.content_type_id = ContentType.objects.get_for_model(model).pk
        self.ladder, self.now, self.today, self.holiday_dates = ladder, now, today, holiday_dates
        self._rules: dict[datetime.date, list[ReminderRule]] = {}
        self.created = 0

    def due_rules(self, due: datetime.date) -> list[ReminderRule]:
        """The pure rules, computed once per distinct due date."""
        if due not in self._rules:
            self._rules[due] = rules.due_rules(self.ladder, due, self.today, self.holiday_dates)
        return self._rules[due]

    def held_keys(self, batch_pks: list[int]) -> set[tuple]:
        """The decision keys the batch's targets already hold (cancelled rows hold none)."""
        return set(
            Notification.objects.filter(content_type_id=self.content_type_id, object_id__in=batch_pks)
            .exclude(state=State.CANCELLED)
            .values_list("object_id", "rule", "due_date", "email")
        )

    def insert(self, batch_pks: list[int], wanted: list[tuple[int, int | None, datetime.date, ReminderRule, Person]]):
        """Insert the wanted rows (object id, meeting id, due date, rule, person) whose key is not held yet."""
        if not wanted:
            return
        held = self.held_keys(batch_pks)
        rows = {}
        for object_id, meeting_id, due, rule, person in wanted:
            key = (object_id, rule.key, due, person.email)
            if key in held or key in rows:  # two people sharing an address get one reminder
                continue
            rows[key] = Notification(
                kind=rule.kind,
                content_type_id=self.content_type_id,
                object_id=object_id,
                meeting_id=meeting_id,
                rule=rule.key,
                due_date=due,
                recipient_id=person.pk,
                email=person.email,
                via_digest=person.digest and rule.audience == Audience.RESPONSIBLE,
                scheduled_for=self.now,
                # Marked queued as inserted (queued after commit): mark_for_queue need not rewrite every new row.
                enqueued_at=self.now,
                created_at=self.now,
            )
        # The unique key is the guarantee against a sweep deciding at the same moment.
        Notification.objects.bulk_create(rows.values(), ignore_conflicts=True)
        self.created += len(rows)


def _decide_steps(recipients: Recipients, *, now, today, holiday_dates) -> int:
    ladder = reminder_ladders()["step"]
    decider = _Decider(TimelineStep, ladder, now=now, today=today, holiday_dates=holiday_dates)
    candidates = open_steps().filter(due__lte=rules.horizon(ladder, today, holiday_dates))
    fields = ("pk", "meeting_id", "due", "responsible", "assignee_id", "meeting__agenda_year_id")
    for batch in _batches(candidates, fields):
        wanted = []
        for pk, meeting_id, due, responsible, assignee_id, year_id in batch:
            for rule in decider.due_rules(due):
                cochairs = recipients.cochairs.get(year_id, [])
                if rule.audience == Audience.ESCALATION:
                    people = ([recipients.lead] if recipients.lead else []) + cochairs
                elif assignee_id is not None:
                    # The assignee, when there is one (and reachable); otherwise the responsible side.
                    people = [recipients.people[assignee_id]] if assignee_id in recipients.people else []
                elif responsible == TimelineStep.Responsible.SECRETARIAT:
                    people = recipients.secretariat
                elif responsible == TimelineStep.Responsible.CO_CHAIRS:
                    people = cochairs
                else:
                    people = []
                wanted += [(pk, meeting_id, due, rule, person) for person in people]
        decider.insert([row[0] for row in batch], wanted)
    return decider.created


def _decide_dated(
    model, candidates: QuerySet, due_field: str, ladder_name: str, owner_field: str | None, recipients, **clock
) -> int:
    """Things with a due date field and an optional owner: the owner when reachable, else each secretariat member."""
    ladder = reminder_ladders()[ladder_name]
    decider = _Decider(model, ladder, **clock)
    candidates = (
        candidates.filter(**{f"{due_field}__lte": rules.horizon(ladder, clock["today"], clock["holiday_dates"])})
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        # Due before its meeting was entered as a record: history, not a reminder.
        .exclude(meeting__recorded_on__gt=F(due_field))
    )
    fields = ("pk", "meeting_id", due_field) + ((f"{owner_field}_id",) if owner_field else ())
    for batch in _batches(candidates, fields):
        wanted = []
        for pk, meeting_id, due, *owner in batch:
            owner_id = owner[0] if owner else None
            if owner_id is not None:
                people = [recipients.people[owner_id]] if owner_id in recipients.people else []
            else:
                people = recipients.secretariat
            for rule in decider.due_rules(due):
                wanted += [(pk, meeting_id, due, rule, person) for person in people]
        decider.insert([row[0] for row in batch], wanted)
    return decider.created


def _decide_network(recipients: Recipients, *, now, today, holiday_dates) -> int:
    """The Network's open steps and action points with a due date: to whom network.reminders names (the
    chair's, the troika's or a member's focal points in post, else the Network's secretariat)."""
    contacts = network_reminders.Contacts.read(today)

    def people(who) -> list[Person]:
        if who == network_reminders.SECRETARIAT:
            return recipients.network_secretariat
        found = [recipients.contact(user_id, email) for user_id, email in who]
        return [person for person in found if person is not None]

    created = 0
    clock = {"now": now, "today": today, "holiday_dates": holiday_dates}
    targets = (
        (NetworkStep, "network_step", network_reminders.open_steps(), network_reminders.STEP_FIELDS),
        (ActionPoint, "action", network_reminders.open_points(), network_reminders.POINT_FIELDS),
    )
    for model, ladder_name, candidates, fields in targets:
        ladder = reminder_ladders()[ladder_name]
        decider = _Decider(model, ladder, **clock)
        for batch in _batches(candidates.filter(due__lte=rules.horizon(ladder, today, holiday_dates)), fields):
            wanted = []
            for row in batch:
                pk, due = row[0], row[1]
                for rule in decider.due_rules(due):
                    wanted += [(pk, None, due, rule, person) for person in people(contacts.reminded(model, row))]
            decider.insert([row[0] for row in batch], wanted)
        created += decider.created
    return created


def _cancel_closed_targets() -> int:
    """Cancel pending reminders whose step was completed, skipped, moved, or whose meeting was cancelled.

    One UPDATE: a pending row stays only while an open step of a live meeting has its id and its due date.
    The reason says which it was. Rows already 'sending' are left to their sender, which re-checks the step.
    """
    step_ct = ContentType.objects.get_for_model(TimelineStep)
    still_open = open_steps().filter(pk=OuterRef("object_id"))
    return (
        Notification.objects.pending()
        .filter(content_type=step_ct, digest__isnull=True)
        .exclude(Exists(still_open.filter(due=OuterRef("due_date"))))
        .update(
            state=State.CANCELLED,
            reason=Case(
                When(Exists(still_open), then=Value(MOVED_REASON)),
                default=Value(CLOSED_REASON),
                output_field=CharField(),
            ),
        )
    )


def _schedule_digests(now: datetime.datetime) -> int:
    """Once a day from DIGEST_HOUR: one digest row per person with pending digest items."""
    local = timezone.localtime(now)
    if local.hour < settings.DIGEST_HOUR:
        return 0
    user_ct = ContentType.objects.get_for_model(get_user_model()).pk
    waiting = set(
        Notification.objects.filter(
            state=State.PENDING, via_digest=True, scheduled_for__lte=now, recipient__isnull=False
        ).values_list("recipient_id", "email")
    )
    if not waiting:
        return 0
    held = set(
        Notification.objects.filter(content_type_id=user_ct, rule=DIGEST_RULE, due_date=local.date())
        .exclude(state=State.CANCELLED)
        .values_list("object_id", "email")
    )
    rows = [
        Notification(
            kind=Kind.DIGEST,
            content_type_id=user_ct,
            object_id=recipient_id,
            rule=DIGEST_RULE,
            due_date=local.date(),
            recipient_id=recipient_id,
            email=email,
            scheduled_for=now,
            enqueued_at=now,
            created_at=now,
        )
        for recipient_id, email in sorted(waiting - held)
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


@transaction.atomic
def sweep(*, now: datetime.datetime, queue=None) -> SweepResult:
    """Decide every reminder due at ``now``, cancel those no longer needed, and queue what is ready.

    ``queue`` receives the ids ready to send after commit (default: Celery tasks, one per row). Queries grow
    with the number of batches of BATCH_SIZE targets, not with the number of reminders.
    """
    clock = {"now": now, "today": decision_day(now), "holiday_dates": holidays()}
    people = recipients()
    cancelled = _cancel_closed_targets()
    created = _decide_steps(people, **clock)
    reviews = Recommendation.objects.filter(status__in=OPEN_STATUSES, next_review__isnull=False)
    created += _decide_dated(Recommendation, reviews, "next_review", "review", "owner", people, **clock)
    answers = CouncilQuestion.objects.awaiting_answer()
    created += _decide_dated(CouncilQuestion, answers, "answer_due", "answer", None, people, **clock)
    created += _decide_network(people, **clock)
    # Digests after the reminders, so today's digest carries what was just decided.
    created += _schedule_digests(now)
    pks = queue_ready_after_commit(now, queue)
    return SweepResult(created=created, cancelled=cancelled, queued=len(pks), ids=tuple(pks))
