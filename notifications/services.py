"""Deciding, sending and cancelling notifications. Tasks, the management command and views call these.

Exactly-once effect, in two halves:

1. **Deciding** (``sweep``): one ``INSERT ... SELECT ... ON CONFLICT DO NOTHING`` turns the open steps
   (and reviews, written answers) whose reminder is due into outbox rows, each SELECT skipping the keys
   already held. The unique key (target, rule, due date, email) makes deciding twice, or two beats
   deciding at once, a no-op. The rows are queued after commit; a row queued but never sent (broker
   down, worker killed) is queued again by a later sweep, so nothing is lost.
2. **Sending** (``send_notification``): a sender claims a row with a conditional UPDATE (pending ->
   sending); only the sender whose UPDATE changed the row sends, and it marks the row sent. A row
   already sent is never claimed again. A 'sending' claim older than
   ``NOTIFICATION_CLAIM_TIMEOUT_SECONDS`` belongs to a worker that died and may be claimed again.

The window we accept: a worker killed after the SMTP server accepted the message and before the
UPDATE to 'sent' committed (milliseconds) leaves a 'sending' row that is sent again after the claim
timeout. We choose at-least-once for that window: a reminder about a Council deadline sent twice
is better than one silently lost. Every message carries a stable Message-ID per row, so a mail
system that deduplicates can drop the copy.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    DateField,
    DateTimeField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.fields import BigIntegerField, PositiveIntegerField
from django.db.models.functions import Cast
from django.utils import timezone

from accounts.permissions import SECRETARIAT_GROUP
from meetings.models import Holiday, Meeting, TimelineStep

from . import emails, rules
from .models import CalendarFeed, Notification
from .rules import Audience, ReminderRule

log = logging.getLogger(__name__)

State = Notification.State
Kind = Notification.Kind

# Errors worth retrying: the SMTP server refused or the network failed.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)

STEP_KINDS = {
    "before": Kind.STEP_BEFORE,
    "due": Kind.STEP_DUE,
    "overdue": Kind.STEP_OVERDUE,
    "escalation": Kind.STEP_ESCALATION,
}
REVIEW_KINDS = {"before": Kind.REVIEW_DUE, "due": Kind.REVIEW_DUE, "overdue": Kind.REVIEW_DUE}
ANSWER_KINDS = {"before": Kind.ANSWER_DUE, "due": Kind.ANSWER_DUE, "overdue": Kind.ANSWER_DUE}
DIGEST_RULE = "digest"
INVITATION_RULE = "invitation"


def reminder_ladders() -> dict[str, tuple[ReminderRule, ...]]:
    """The ladders in force, from settings: steps (with escalation), written answers and reviews."""
    common = {
        "before": settings.REMINDER_BEFORE_BUSINESS_DAYS,
        "due_day": settings.REMINDER_ON_DUE_DAY,
        "overdue_after": settings.REMINDER_OVERDUE_BUSINESS_DAYS,
    }
    return {
        "step": rules.ladder(
            "step", escalate_after=settings.REMINDER_ESCALATION_BUSINESS_DAYS, kinds=STEP_KINDS, **common
        ),
        "answer": rules.ladder("answer", kinds=ANSWER_KINDS, **common),
        "review": rules.ladder("review", kinds=REVIEW_KINDS, **common),
    }


def decision_day(now: datetime.datetime) -> datetime.date:
    """The day whose reminders are decided at ``now``: today from REMINDER_SEND_HOUR (New York), else yesterday.

    So a sweep at 00:15 does not wake people with today's reminders; it still catches up yesterday's.
    """
    local = timezone.localtime(now)
    day = local.date()
    return day if local.hour >= settings.REMINDER_SEND_HOUR else day - datetime.timedelta(days=1)


def holidays() -> frozenset[datetime.date]:
    return Holiday.objects.dates()


# --- Deciding -----------------------------------------------------------------------------------

# Columns the sweep fills, in order; each decision queryset selects annotations n_<column> in this order.
INSERT_COLUMNS = (
    "kind",
    "content_type_id",
    "object_id",
    "meeting_id",
    "rule",
    "due_date",
    "recipient_id",
    "email",
    "via_digest",
    "scheduled_for",
    "enqueued_at",
    "state",
    "attempts",
    "last_error",
    "reason",
    "created_at",
)


def _decision_values(qs: QuerySet, *, now: datetime.datetime, **exprs) -> QuerySet:
    """Annotate ``qs`` with one expression per INSERT_COLUMNS entry (given or default) and select them in order."""
    defaults = {
        "scheduled_for": Value(now, output_field=DateTimeField()),
        # Marked queued as inserted (queued after commit), which saves rewriting every new row in _mark_for_queue.
        "enqueued_at": Value(now, output_field=DateTimeField()),
        "state": Value(State.PENDING, output_field=CharField()),
        "attempts": Value(0, output_field=PositiveIntegerField()),
        "last_error": Value("", output_field=CharField()),
        "reason": Value("", output_field=CharField()),
        "created_at": Value(now, output_field=DateTimeField()),
    }
    annotations = {}
    for column in INSERT_COLUMNS:
        annotations[f"n_{column}"] = exprs[column] if column in exprs else defaults[column]
    return qs.order_by().annotate(**annotations).values(*annotations)


def _undecided(content_type_id: int, rule: ReminderRule, due_field: str, email) -> Case:
    """True while no live row holds this decision key: the unique key (target, rule, due date, email).

    The same predicate as the partial unique index (cancelled rows do not count), so the database probes that
    index. Decisions already taken are skipped instead of being rebuilt and thrown away by ON CONFLICT, which
    makes a sweep with nothing new (every tick after the first) cheap however many reminders are already in
    the outbox. ON CONFLICT DO NOTHING stays the guarantee: for two sweeps deciding at once, and for two
    recipients sharing an address (the lead is also a co-chair contact), whose rows meet in one statement.

    Written as CASE WHEN EXISTS, not NOT EXISTS: PostgreSQL turns a bare NOT EXISTS into an anti-join planned
    from the outbox's statistics, which are stale right after a sweep that filled the outbox; it then planned
    to compare every candidate with every row held (quadratic: 3 minutes for the sweep after the first at
    100,000 steps, measured). Inside CASE it stays a subquery run per candidate, an index probe (see
    ``_planned_on_indexes``), or one pass building a hash of the keys held: linear either way.
    """
    held = Notification.objects.filter(
        content_type_id=content_type_id,
        object_id=OuterRef("pk"),
        rule=rule.key,
        due_date=OuterRef(due_field),
        email=email,
    ).exclude(state=State.CANCELLED)
    return Case(When(Exists(held), then=Value(False)), default=Value(True), output_field=BooleanField())


def _insert_ignoring_conflicts(querysets: list[QuerySet]) -> int:
    """One ``INSERT INTO notification (...) SELECT ... UNION ALL SELECT ...``, skipping rows whose key exists.

    A single statement whatever the number of rows, rules or audiences: the decision is set-based.
    """
    if not querysets:
        return 0
    combined = querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else querysets[0]
    select_sql, params = combined.query.sql_with_params()
    table = connection.ops.quote_name(Notification._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in INSERT_COLUMNS)
    if connection.vendor == "sqlite":
        sql = f"INSERT OR IGNORE INTO {table} ({columns}) SELECT * FROM ({select_sql}) AS decided"  # noqa: S608
    else:
        sql = f"INSERT INTO {table} ({columns}) SELECT * FROM ({select_sql}) AS decided ON CONFLICT DO NOTHING"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return max(cursor.rowcount, 0)


def _rule_dates(
    decided: dict[datetime.date, list[ReminderRule]], candidates: list[datetime.date]
) -> dict[ReminderRule, Q]:
    """For each rule, a Q on ``due`` selecting the candidate due dates it fires for.

    Ranges are split where a candidate date maps to another rule, so BETWEEN never spans a date
    belonging to a different rule.
    """
    by_rule: dict[ReminderRule, Q] = {}
    for rule in {r for rs in decided.values() for r in rs}:
        runs, run = [], []
        for day in sorted(candidates):
            if rule in decided.get(day, ()):
                run.append(day)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
        q = Q(pk__in=[])
        for r in runs:
            q |= Q(due__range=(r[0], r[-1]))
        by_rule[rule] = q
    return by_rule


@dataclass
class Recipients:
    """Who hears about what when nobody is assigned: read once per sweep (a few rows)."""

    secretariat: list = field(default_factory=list)
    lead_email: str = ""
    lead_user_id: int | None = None


def _recipients() -> Recipients:
    User = get_user_model()
    members = list(
        User.objects.filter(groups__name=SECRETARIAT_GROUP, is_active=True, email_notifications=True)
        .exclude(email="")
        .values("pk", "email", "delivery")
        .order_by("pk")
        .distinct()
    )
    lead_email = settings.SECRETARIAT_LEAD_EMAIL.strip()
    lead_user_id = None
    if lead_email:
        lead_user_id = User.objects.filter(email__iexact=lead_email).values_list("pk", flat=True).first()
    return Recipients(secretariat=members, lead_email=lead_email, lead_user_id=lead_user_id)


def open_steps() -> QuerySet:
    """Steps that may need reminders: open, in a meeting that is not cancelled, not part of a meeting's record
    (a step due before its meeting was entered after the fact is history: ``TimelineStep.is_record``)."""
    return TimelineStep.objects.open().live().exclude(meeting__status=Meeting.Status.CANCELLED)


def _step_decisions(
    now: datetime.datetime, today: datetime.date, holiday_dates, recipients: Recipients
) -> list[QuerySet]:
    ladder = reminder_ladders()["step"]
    candidates = open_steps().filter(due__lte=rules.horizon(ladder, today, holiday_dates))
    dues = list(candidates.order_by().values_list("due", flat=True).distinct())
    decided = rules.decisions_by_due(ladder, dues, today, holiday_dates)
    step_ct = ContentType.objects.get_for_model(TimelineStep).pk
    cochair = "meeting__agenda_year__co_chairs__delegates"
    cochair_contacts = {
        f"{cochair}__is_active": True,
        f"{cochair}__email_notifications": True,
        f"{cochair}__email__gt": "",
    }
    querysets = []
    for rule, due_q in _rule_dates(decided, dues).items():
        steps = candidates.filter(due_q)
        common = {
            "kind": Value(rule.kind, output_field=CharField()),
            "content_type_id": Value(step_ct, output_field=BigIntegerField()),
            "object_id": F("pk"),
            "meeting_id": F("meeting_id"),
            "rule": Value(rule.key, output_field=CharField()),
            "due_date": F("due"),
        }
        # Each audience's joins and its "not decided yet" test go in ONE Q: the test's OuterRef then reuses
        # the join (co-chairs' contacts are a many-to-many path, joined again by every separate filter()).
        cochairs_undecided = Q(**cochair_contacts) & _undecided(step_ct, rule, "due", OuterRef(f"{cochair}__email"))
        if rule.audience == Audience.RESPONSIBLE:
            # The assignee, when there is one.
            assigned = steps.filter(
                Q(assignee__isnull=False, assignee__is_active=True, assignee__email_notifications=True)
                & ~Q(assignee__email="")
                & _undecided(step_ct, rule, "due", OuterRef("assignee__email"))
            )
            querysets.append(
                _decision_values(
                    assigned,
                    now=now,
                    recipient_id=F("assignee_id"),
                    email=F("assignee__email"),
                    via_digest=Case(
                        When(assignee__delivery="digest", then=True), default=False, output_field=BooleanField()
                    ),
                    **common,
                )
            )
            # Otherwise the responsible side: each secretariat member ...
            unassigned = steps.filter(assignee__isnull=True)
            for member in recipients.secretariat:
                querysets.append(
                    _decision_values(
                        unassigned.filter(
                            _undecided(step_ct, rule, "due", Value(member["email"])),
                            responsible=TimelineStep.Responsible.SECRETARIAT,
                        ),
                        now=now,
                        recipient_id=Value(member["pk"], output_field=BigIntegerField()),
                        email=Value(member["email"], output_field=CharField()),
                        via_digest=Value(member["delivery"] == "digest", output_field=BooleanField()),
                        **common,
                    )
                )
            # ... or the contacts of the year's co-chair delegations.
            querysets.append(
                _decision_values(
                    unassigned.filter(cochairs_undecided, responsible=TimelineStep.Responsible.CO_CHAIRS),
                    now=now,
                    recipient_id=F(f"{cochair}__id"),
                    email=F(f"{cochair}__email"),
                    via_digest=Case(
                        When(**{f"{cochair}__delivery": "digest"}, then=True),
                        default=False,
                        output_field=BooleanField(),
                    ),
                    **common,
                )
            )
        else:
            # Escalation goes out on its own, never in a digest: the secretariat lead and the co-chairs' contacts.
            if recipients.lead_email:
                querysets.append(
                    _decision_values(
                        steps.filter(_undecided(step_ct, rule, "due", Value(recipients.lead_email))),
                        now=now,
                        recipient_id=Cast(
                            Value(recipients.lead_user_id), BigIntegerField()
                        ),  # NULL needs a type in UNION
                        email=Value(recipients.lead_email, output_field=CharField()),
                        via_digest=Value(False, output_field=BooleanField()),
                        **common,
                    )
                )
            querysets.append(
                _decision_values(
                    steps.filter(cochairs_undecided),
                    now=now,
                    recipient_id=F(f"{cochair}__id"),
                    email=F(f"{cochair}__email"),
                    via_digest=Value(False, output_field=BooleanField()),
                    **common,
                )
            )
    return querysets


def _review_decisions(
    now: datetime.datetime, today: datetime.date, holiday_dates, recipients: Recipients
) -> list[QuerySet]:
    """Recommendation review reminders: open recommendations by next review date, to the owner or the secretariat."""
    from recommendations.models import OPEN_STATUSES, Recommendation

    candidates = Recommendation.objects.filter(status__in=OPEN_STATUSES, next_review__isnull=False)
    return _dated_decisions(candidates, "next_review", "review", "owner", now, today, holiday_dates, recipients)


def _answer_decisions(
    now: datetime.datetime, today: datetime.date, holiday_dates, recipients: Recipients
) -> list[QuerySet]:
    """Written-answer reminders: questions owed a written answer not yet received, to the secretariat (it chases
    the UN entities that answer)."""
    from recommendations.models import CouncilQuestion

    candidates = CouncilQuestion.objects.awaiting_answer()
    return _dated_decisions(candidates, "answer_due", "answer", None, now, today, holiday_dates, recipients)


def _dated_decisions(
    candidates: QuerySet,
    due_field: str,
    ladder_name: str,
    owner_field: str | None,
    now: datetime.datetime,
    today: datetime.date,
    holiday_dates,
    recipients: Recipients,
) -> list[QuerySet]:
    """Decisions for things with a due date field and an optional owner: the owner, else each secretariat member."""
    ladder = reminder_ladders()[ladder_name]
    candidates = (
        candidates.filter(**{f"{due_field}__lte": rules.horizon(ladder, today, holiday_dates)})
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        # Due before its meeting was entered as a record: history, not a reminder.
        .exclude(meeting__recorded_on__gt=F(due_field))
    )
    dues = list(candidates.order_by().values_list(due_field, flat=True).distinct())
    decided = rules.decisions_by_due(ladder, dues, today, holiday_dates)
    content_type = ContentType.objects.get_for_model(candidates.model).pk
    querysets = []
    for rule, due_q in _rule_dates(decided, dues).items():
        items = candidates.filter(_on_field(due_q, due_field))
        common = {
            "kind": Value(rule.kind, output_field=CharField()),
            "content_type_id": Value(content_type, output_field=BigIntegerField()),
            "object_id": F("pk"),
            "meeting_id": F("meeting_id"),
            "rule": Value(rule.key, output_field=CharField()),
            "due_date": F(due_field),
        }
        unowned = items
        if owner_field:
            owned = items.filter(
                _undecided(content_type, rule, due_field, OuterRef(f"{owner_field}__email")),
                **{
                    f"{owner_field}__isnull": False,
                    f"{owner_field}__is_active": True,
                    f"{owner_field}__email_notifications": True,
                    f"{owner_field}__email__gt": "",
                },
            )
            querysets.append(
                _decision_values(
                    owned,
                    now=now,
                    recipient_id=F(f"{owner_field}_id"),
                    email=F(f"{owner_field}__email"),
                    via_digest=Case(
                        When(**{f"{owner_field}__delivery": "digest"}, then=True),
                        default=False,
                        output_field=BooleanField(),
                    ),
                    **common,
                )
            )
            unowned = items.filter(**{f"{owner_field}__isnull": True})
        for member in recipients.secretariat:
            querysets.append(
                _decision_values(
                    unowned.filter(_undecided(content_type, rule, due_field, Value(member["email"]))),
                    now=now,
                    recipient_id=Value(member["pk"], output_field=BigIntegerField()),
                    email=Value(member["email"], output_field=CharField()),
                    via_digest=Value(member["delivery"] == "digest", output_field=BooleanField()),
                    **common,
                )
            )
    return querysets


def _on_field(q: Q, name: str) -> Q:
    """Rewrite a Q built on ``due`` to another date field."""
    rewritten = Q()
    rewritten.connector, rewritten.negated = q.connector, q.negated
    for child in q.children:
        if isinstance(child, Q):
            rewritten.children.append(_on_field(child, name))
        else:
            lookup, value = child
            rewritten.children.append((lookup.replace("due", name, 1) if lookup.startswith("due") else lookup, value))
    return rewritten


CLOSED_REASON = "The step is done, not needed, part of its meeting's record, or its meeting was cancelled."
MOVED_REASON = "The due date moved; a reminder follows the new date."


def _cancel_closed_targets() -> int:
    """Cancel pending reminders whose step was completed, skipped, moved, or whose meeting was cancelled.

    One set-based UPDATE: a pending row stays only while an open step of a live meeting has its id and its
    due date (an anti-join, not a lookup per row). The reason, worked out only for the rows cancelled, says
    which it was. Rows already 'sending' are left to their sender, which re-checks the step.
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


def _schedule_digests(now: datetime.datetime, today: datetime.date) -> list[QuerySet]:
    """Once a day from DIGEST_HOUR: one digest row per person with pending digest items."""
    local = timezone.localtime(now)
    if local.hour < settings.DIGEST_HOUR:
        return []
    user_ct = ContentType.objects.get_for_model(get_user_model()).pk
    items = Notification.objects.filter(
        state=State.PENDING, via_digest=True, scheduled_for__lte=now, recipient__isnull=False
    )
    return [
        _decision_values(
            items,
            now=now,
            kind=Value(Kind.DIGEST, output_field=CharField()),
            content_type_id=Value(user_ct, output_field=BigIntegerField()),
            object_id=F("recipient_id"),
            meeting_id=Cast(Value(None), BigIntegerField()),  # a typed NULL for PostgreSQL
            rule=Value(DIGEST_RULE, output_field=CharField()),
            due_date=Value(local.date(), output_field=DateField()),
            recipient_id=F("recipient_id"),
            email=F("email"),
            via_digest=Value(False, output_field=BooleanField()),
        ).distinct()
    ]


def _mark_for_queue(now: datetime.datetime) -> list[int]:
    """Rows to hand to the workers now: new ready rows, rows queued long ago and never sent, dead workers' claims.

    Marking ``enqueued_at`` keeps a sweep from queuing a backlog again every 15 minutes. A row whose
    message was lost (broker flushed, queueing failed after commit) is queued again once its mark is
    older than NOTIFICATION_REQUEUE_SECONDS (an hour, Redis's own redelivery delay); a row claimed by
    a worker that died is queued again once the claim is older than the claim timeout.
    """
    stale_claim = now - claim_timeout()
    requeue_before = now - datetime.timedelta(seconds=settings.NOTIFICATION_REQUEUE_SECONDS)
    ready = Q(state=State.PENDING, via_digest=False, scheduled_for__lte=now) & (
        Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=requeue_before)
    )
    dead_claim = Q(state=State.SENDING, claimed_at__lt=stale_claim) & (
        Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=stale_claim)
    )
    Notification.objects.filter(ready | dead_claim).update(enqueued_at=now)
    # Digest items are marked too when inserted, but go out in their digest, never on their own.
    to_queue = Notification.objects.filter(enqueued_at=now, via_digest=False, state__in=[State.PENDING, State.SENDING])
    return list(to_queue.order_by("pk").values_list("pk", flat=True))


def claim_timeout() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.NOTIFICATION_CLAIM_TIMEOUT_SECONDS)


def enqueue(pks: list[int]) -> None:
    """Hand rows to the workers (one task per row, one broker connection for all)."""
    if not pks:
        return
    from .tasks import send_notification

    if send_notification.app.conf.task_always_eager:
        for pk in pks:
            send_notification.apply_async((pk,))
        return
    with send_notification.app.producer_or_acquire() as producer:
        for pk in pks:
            send_notification.apply_async((pk,), producer=producer)


@dataclass(frozen=True)
class SweepResult:
    created: int
    cancelled: int
    queued: int
    ids: tuple[int, ...] = ()


@transaction.atomic
def sweep(*, now: datetime.datetime, queue=None, include_reviews: bool = True) -> SweepResult:
    """Decide every reminder due at ``now``, cancel those no longer needed, and queue what is ready.

    ``queue`` receives the ids ready to send after commit (default: Celery tasks, one per row).

    Queries do not grow with the number of steps: a few reads, one cancelling UPDATE, one INSERT ... SELECT
    for every reminder (a UNION ALL of one SELECT per rule and audience, each skipping decisions already
    taken), one for digests, one marking UPDATE and one read of the ids to queue; on PostgreSQL also one to
    set the planner settings and one to put them back.
    """
    today = decision_day(now)
    with _planned_on_indexes():
        holiday_dates = holidays()
        recipients = _recipients()
        cancelled = _cancel_closed_targets()
        decisions = _step_decisions(now, today, holiday_dates, recipients)
        if include_reviews:
            decisions += _review_decisions(now, today, holiday_dates, recipients)
            decisions += _answer_decisions(now, today, holiday_dates, recipients)
        created = _insert_ignoring_conflicts(decisions)
        # Digests after the reminders, so today's digest carries what was just decided.
        created += _insert_ignoring_conflicts(_schedule_digests(now, today))
        pks = _mark_for_queue(now)
    transaction.on_commit(lambda: (queue or _enqueue_safely)(pks))
    return SweepResult(created=created, cancelled=cancelled, queued=len(pks), ids=tuple(pks))


@contextmanager
def _planned_on_indexes() -> Iterator[None]:
    """PostgreSQL planner settings for the sweep's statements only (nothing to do on other databases).

    ``set_config(..., true)`` lasts to the end of the transaction, which is the caller's when the sweep runs
    inside one (tests, a service calling it): the previous values are put back when the sweep's statements
    are done. If one fails, rolling back the sweep's savepoint or transaction undoes the settings anyway.

    ``enable_seqscan = off``: every statement of the sweep has an index for what it reads, and the outbox's
    statistics are often stale (it can double in one sweep; autovacuum may be late or off). Believing the
    outbox empty, the planner probes "not decided yet" with a sequential scan of the outbox per candidate
    row, and in the INSERT that scan also reads the rows the statement has just added: quadratic. Measured
    with bench/bench_sweep.py (window, 100,000 steps): without this setting the first sweep's INSERT was
    still running after 100 s (cancelled); with it the whole sweep takes 6 to 7 s. It makes the planner
    probe the unique decision index whatever the statistics.
    ``jit = off``: the co-chairs' many-to-many join is over-estimated, which prices the statements above
    ``jit_above_cost``; compiling them cost 5 to 7 s per sweep (same bench with jit on: window 12.9 s first,
    8.3 s again; years 6.2 s and 5.8 s; against 5.7, 1.2, 0.9 and 0.4 s with jit off).
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('jit'), "
            "set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)"
        )
        seqscan, jit, _, _ = cursor.fetchone()
    yield
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('enable_seqscan', %s, true), set_config('jit', %s, true)", [seqscan, jit])


def _enqueue_safely(pks: list[int]) -> None:
    try:
        enqueue(pks)
    except Exception:  # broker down: the rows stay pending and a later sweep queues them again
        log.exception("Could not queue %d notifications; a later sweep will retry.", len(pks))


def send_digests(*, now: datetime.datetime) -> SweepResult:
    """The morning digest: the same sweep (it schedules digests once DIGEST_HOUR has come)."""
    return sweep(now=now)


# --- Sending ------------------------------------------------------------------------------------


class Cancel(Exception):
    """Raised while preparing a message that should no longer go out; the message says why."""


def send_notification(pk: int, *, now: datetime.datetime) -> str:
    """Claim one row, re-check that it is still wanted, send it and mark it sent. Returns the row's final state.

    Raises a transient error (SMTP, network) after putting the row back to pending, so Celery retries
    it with backoff; after ``NOTIFICATION_MAX_ATTEMPTS`` the row is marked failed instead.
    """
    claimed = (
        Notification.objects.claimable(pk, now - claim_timeout())
        .filter(via_digest=False)
        .update(state=State.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    if not claimed:
        return "skipped"  # sent, cancelled, failed, or another sender holds it
    row = Notification.objects.select_related("recipient").get(pk=pk)
    mine = Notification.objects.filter(pk=pk, state=State.SENDING, claimed_at=now)
    try:
        message = _build(row, now=now)
    except Cancel as reason:
        mine.update(state=State.CANCELLED, reason=str(reason)[:200])
        _release_items(row, now, state=State.CANCELLED)
        return State.CANCELLED
    except Exception as exc:  # a bug in building: record it, do not retry
        log.exception("Could not build notification %s", pk)
        mine.update(state=State.FAILED, last_error=f"{type(exc).__name__}: {exc}")
        _release_items(row, now, state=State.PENDING)
        return State.FAILED
    try:
        message.send()
    except TRANSIENT_ERRORS as exc:
        final = row.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS
        mine.update(
            state=State.FAILED if final else State.PENDING,
            claimed_at=None,
            enqueued_at=now,  # Celery holds the retry (with backoff); the sweep leaves the row to it
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
        )
        _release_items(row, now, state=State.PENDING)
        if final:
            log.error("Notification %s failed after %d attempts: %s", pk, row.attempts, exc)
            return State.FAILED
        raise
    mine.update(state=State.SENT, sent_at=now, last_error="")
    if row.kind == Kind.DIGEST:
        row.items.filter(state=State.SENDING).update(state=State.SENT, sent_at=now)
    return State.SENT


def _release_items(row: Notification, now: datetime.datetime, *, state: str) -> None:
    """A digest that did not go out gives its items back (or cancels them with it)."""
    if row.kind != Kind.DIGEST:
        return
    if state == State.CANCELLED:
        row.items.filter(state=State.SENDING).update(state=State.CANCELLED, reason="Nothing left to send.")
    else:
        row.items.filter(state=State.SENDING).update(state=State.PENDING, digest=None, claimed_at=None)


def _build(row: Notification, *, now: datetime.datetime):
    """The email for a claimed row, from the target's state now; raises Cancel when it is no longer wanted."""
    today = decision_day(now)
    holiday_dates = holidays()
    if row.kind == Kind.DIGEST:
        return _build_digest(row, now=now, today=today, holiday_dates=holiday_dates)
    if row.kind == Kind.NOTE_SHARED:
        return _build_note_shared(row)
    if row.kind == Kind.INVITATION:
        meeting = Meeting.objects.select_related("situation", "agenda_year").filter(pk=row.object_id).first()
        _check_invitation(row, meeting)
        return emails.meeting_invitation(row, meeting)
    target, ladder_name = _load_target(row)
    _check_reminder(row, target, ladder_name, today, holiday_dates)
    return emails.reminder(row, target, today=today, holiday_dates=holiday_dates)


def _load_target(row: Notification):
    model = row.content_type.model_class()
    if model is TimelineStep:
        target = (
            TimelineStep.objects.select_related("meeting__situation", "meeting__agenda_year", "assignee")
            .filter(pk=row.object_id)
            .first()
        )
        return target, "step"
    if row.kind == Kind.REVIEW_DUE:
        target = model.objects.select_related("meeting__situation", "meeting__agenda_year").filter(pk=row.object_id)
        return target.first(), "review"
    if row.kind == Kind.ANSWER_DUE:
        target = model.objects.select_related("meeting__situation", "delegation").filter(pk=row.object_id)
        return target.first(), "answer"
    raise Cancel(f"Nothing to send for a {row.kind} about a {model.__name__}.")


DUE_FIELDS = {"step": "due", "review": "next_review", "answer": "answer_due"}


def _target_due(target, ladder_name: str) -> datetime.date | None:
    return getattr(target, DUE_FIELDS[ladder_name], None)


def _target_open(target, ladder_name: str) -> bool:
    if ladder_name == "step":
        return (
            target.state == TimelineStep.State.OPEN
            and target.meeting.status != Meeting.Status.CANCELLED
            and not target.is_record
        )
    due = _target_due(target, ladder_name)
    recorded_on = target.meeting.recorded_on
    if recorded_on is not None and due is not None and due < recorded_on:
        return False  # due before its meeting was entered as a record
    if ladder_name == "review":
        from recommendations.models import OPEN_STATUSES

        return target.status in OPEN_STATUSES
    return target.answer_due is not None and target.answered_on is None


def _check_reminder(row, target, ladder_name, today, holiday_dates) -> None:
    if target is None:
        raise Cancel("The item was deleted.")
    if not _target_open(target, ladder_name):
        raise Cancel("Done or no longer needed before the reminder went out.")
    due = _target_due(target, ladder_name)
    if due != row.due_date:
        raise Cancel(f"The due date moved to {due}; a reminder follows the new date.")
    ladder = reminder_ladders()[ladder_name]
    rule = next((r for r in ladder if r.key == row.rule), None)
    if rule is None:
        raise Cancel("This reminder rule is no longer configured.")
    if rule not in rules.due_rules(ladder, due, today, holiday_dates):
        raise Cancel("Superseded: a later reminder for the same date applies now.")


def _check_invitation(row, meeting) -> None:
    if meeting is None:
        raise Cancel("The meeting was deleted.")
    if meeting.status == Meeting.Status.CANCELLED:
        raise Cancel("The meeting was cancelled.")
    if meeting.date != row.due_date:
        raise Cancel(f"The meeting moved to {meeting.date}; send a new invitation.")


def _build_digest(row: Notification, *, now, today, holiday_dates):
    # Take this person's pending items, plus those a killed sender of this digest had taken.
    Notification.objects.filter(email=row.email, via_digest=True, state=State.PENDING, scheduled_for__lte=now).update(
        state=State.SENDING, claimed_at=now, digest=row
    )
    items = list(row.items.filter(state=State.SENDING).select_related("content_type").order_by("due_date", "pk"))
    entries = []
    for item in items:
        try:
            target, ladder_name = _load_target(item)
            _check_reminder(item, target, ladder_name, today, holiday_dates)
        except Cancel as reason:
            Notification.objects.filter(pk=item.pk).update(state=State.CANCELLED, reason=str(reason)[:200])
            continue
        entries.append((item, target))
    if not entries:
        raise Cancel("Nothing left to send in this digest.")
    return emails.digest(row, entries, today=today, holiday_dates=holiday_dates)


# --- Invitations, preferences, feeds, retries ------------------------------------------------------


def invitation_recipients(meeting: Meeting) -> QuerySet:
    """Everyone who may see the meeting: secretariat, the year's co-chairs and its Council members' experts."""
    User = get_user_model()
    year = meeting.agenda_year
    return (
        User.objects.filter(is_active=True, email_notifications=True)
        .exclude(email="")
        .filter(
            Q(groups__name=SECRETARIAT_GROUP)
            | Q(delegation__cochaired_years=year)
            | Q(delegation__council_seats__year=year.year)
        )
        .distinct()
    )


class InvitationError(Exception):
    """The invitation cannot be sent; the message says why, for the user."""


def invitation_plan(meeting: Meeting) -> tuple[int, int]:
    """(to be emailed, already invited) for the meeting's date: what sending the invitations would do."""
    if meeting.date is None:
        raise InvitationError("Set the meeting date before sending invitations.")
    if meeting.status == Meeting.Status.CANCELLED:
        raise InvitationError("The meeting is cancelled.")
    invited = Notification.objects.filter(
        content_type=ContentType.objects.get_for_model(Meeting),
        object_id=meeting.pk,
        rule=INVITATION_RULE,
        due_date=meeting.date,
    ).exclude(state=State.CANCELLED)
    emails_invited = set(invited.values_list("email", flat=True))
    recipients = list(invitation_recipients(meeting).values_list("email", flat=True))
    already = sum(1 for email in recipients if email in emails_invited)
    return len(recipients) - already, already


@transaction.atomic
def send_meeting_invitation(meeting: Meeting, *, by, now: datetime.datetime) -> int:
    """Queue one invitation (with an .ics) per person who may see the meeting; once per person and date.

    Returns how many new invitations were queued (0 when everyone already has one for this date).
    """
    if meeting.date is None:
        raise InvitationError("Set the meeting date before sending invitations.")
    if meeting.status == Meeting.Status.CANCELLED:
        raise InvitationError("The meeting is cancelled.")
    meeting_ct = ContentType.objects.get_for_model(Meeting)
    rows = [
        Notification(
            kind=Kind.INVITATION,
            content_type=meeting_ct,
            object_id=meeting.pk,
            meeting=meeting,
            rule=INVITATION_RULE,
            due_date=meeting.date,
            recipient_id=pk,
            email=email,
            scheduled_for=now,
            created_at=now,
        )
        for pk, email in invitation_recipients(meeting).values_list("pk", "email")
    ]
    before = Notification.objects.filter(content_type=meeting_ct, object_id=meeting.pk, rule=INVITATION_RULE).count()
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    created = (
        Notification.objects.filter(content_type=meeting_ct, object_id=meeting.pk, rule=INVITATION_RULE).count()
        - before
    )
    pks = _mark_for_queue(now)
    transaction.on_commit(lambda: _enqueue_safely(pks))
    return created


def note_readers(note) -> QuerySet:
    """Who is told when a background note is shared: the people who may read it, apart from the secretariat
    (who shares it): experts of the year's Council members, of its co-chairs and of delegations invited."""
    User = get_user_model()
    year = note.meeting.agenda_year
    invited = note.invitations.values("member_state_id")  # documents.NoteInvitation, by reverse accessor
    return (
        User.objects.filter(is_active=True, email_notifications=True)
        .exclude(email="")
        .exclude(groups__name=SECRETARIAT_GROUP)
        .filter(
            Q(delegation__cochaired_years=year)
            | Q(delegation__council_seats__year=year.year)
            | Q(delegation_id__in=invited)
        )
        .distinct()
    )


def note_rule(version) -> str:
    return f"note_v{version.number}"


@transaction.atomic
def announce_note_version(version, *, now: datetime.datetime) -> int:
    """Queue one email per reader of a note just shared (``version``: documents.SharedNoteVersion); a revised
    version's email says it is revised and which sections changed. Returns how many were queued."""
    note = version.note
    content_type = ContentType.objects.get_for_model(version)
    rows = [
        Notification(
            kind=Kind.NOTE_SHARED,
            content_type=content_type,
            object_id=version.pk,
            meeting=note.meeting,
            rule=note_rule(version),
            due_date=note.meeting.date or decision_day(now),
            recipient_id=pk,
            email=email,
            scheduled_for=now,
            created_at=now,
        )
        for pk, email in note_readers(note).values_list("pk", "email")
    ]
    created = len(Notification.objects.bulk_create(rows, ignore_conflicts=True))
    pks = _mark_for_queue(now)
    transaction.on_commit(lambda: _enqueue_safely(pks))
    return created


def _build_note_shared(row: Notification):
    version = (
        row.content_type.model_class()
        .objects.select_related("note__meeting__situation")
        .filter(pk=row.object_id)
        .first()
    )
    if version is None:
        raise Cancel("The shared note was deleted.")
    latest = version.note.shared_versions.order_by("-number").first()
    if latest is not None and latest.number > version.number:
        raise Cancel("A newer version was shared since; its own email follows.")
    return emails.note_shared(row, version)


@transaction.atomic
def update_preferences(user, *, email_notifications: bool, delivery: str, time_zone: str):
    """Save a person's choices; their pending reminders follow the new delivery (digest or single)."""
    user.email_notifications = email_notifications
    user.delivery = delivery
    user.time_zone = time_zone
    user._change_reason = "Notification preferences"
    user.save(update_fields=["email_notifications", "delivery", "time_zone"])
    pending = Notification.objects.filter(recipient=user, state=State.PENDING).exclude(
        kind__in=[Kind.DIGEST, Kind.INVITATION, Kind.STEP_ESCALATION]
    )
    if not email_notifications:
        pending.update(state=State.CANCELLED, reason="The recipient turned email notifications off.")
    else:
        pending.update(via_digest=delivery == "digest", enqueued_at=None)
    return user


def calendar_feed(user) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def regenerate_feed_token(user) -> CalendarFeed:
    """A new private address; the old one stops working at once."""
    from .models import new_feed_token

    feed = calendar_feed(user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token", "created_at"])
    return feed


@transaction.atomic
def retry_notification(row: Notification, *, by, now: datetime.datetime) -> bool:
    """Put a failed row back in the queue (staff saw the error and fixed the cause)."""
    changed = Notification.objects.filter(pk=row.pk, state=State.FAILED).update(
        state=State.PENDING, attempts=0, scheduled_for=now, enqueued_at=None, claimed_at=None
    )
    if changed:
        pks = _mark_for_queue(now)
        transaction.on_commit(lambda: _enqueue_safely(pks))
    return bool(changed)


def safe_sweep(*, now: datetime.datetime) -> SweepResult | None:
    """The sweep for callers that must not crash on a locked database (beat); logs and returns None."""
    try:
        return sweep(now=now)
    except DatabaseError:
        log.exception("Reminder sweep failed; the next run catches up.")
        return None
