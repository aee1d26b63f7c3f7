"""The sweep decides each reminder once, on the right day, for the right people, in constant queries."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from meetings import services as meeting_services
from meetings.models import TimelineStep
from meetings.tests import factories
from notifications import due
from notifications.models import Notification

from .helpers import at, only_step, send, sweep_and_send, sweep_only

D = datetime.date


@pytest.fixture
def step(meeting, secretariat_user):
    """'Background note' of the 10 December 2026 meeting: due Tuesday 8 December, secretariat's."""
    step = only_step(meeting, "background_note")
    assert step.due == D(2026, 12, 8)
    return step


def days(start: D, end: D):
    day = start
    while day <= end:
        yield day
        day += datetime.timedelta(days=1)


def test_reminders_fire_on_their_days_across_weekend_and_holiday(step, cochair_user):
    factories.make_holidays(D(2026, 12, 9))  # a (fictional) UN holiday on the day after the deadline
    sent = {}
    for day in days(D(2026, 11, 27), D(2026, 12, 14)):
        for hour in (6, 9, 15):  # three sweeps a day; the 06:00 one still belongs to the day before
            for message in sweep_and_send(at(day, hour)):
                sent.setdefault(day, []).append((message.to[0], message.subject.split(":")[0]))
    assert {day: sorted(messages) for day, messages in sent.items()} == {
        D(2026, 12, 1): [("sec@example.org", "[IEG] Due soon")],  # Tue: 5 business days before Tue 8th
        D(2026, 12, 7): [("sec@example.org", "[IEG] Due soon")],  # Mon: 1 business day before
        D(2026, 12, 8): [("sec@example.org", "[IEG] Due today")],
        D(2026, 12, 10): [("sec@example.org", "[IEG] Overdue")],  # Wed 9th is a holiday
        D(2026, 12, 11): [  # 2 business days overdue: escalated to the co-chairs' contacts and the lead
            ("cochair@example.org", "[IEG] Escalation — overdue"),
            ("lead@example.org", "[IEG] Escalation — overdue"),
        ],
    }


def test_sweeping_twice_decides_and_sends_once(step):
    first = sweep_and_send(at(D(2026, 12, 8)))
    second = sweep_and_send(at(D(2026, 12, 8), 9, 15))
    assert len(first) == 1
    assert second == []
    assert Notification.objects.count() == 1


def test_a_missed_day_is_caught_up_but_stale_reminders_are_not_sent(step):
    # No sweep ran on Tuesday 1st (5 days before): Wednesday's sweep sends it, with the current count.
    [message] = sweep_and_send(at(D(2026, 12, 2)))
    assert "Due 8 Dec 2026, in 4 business days." in message.body
    # Nothing ran from Thursday to the due day: only "due today", not the skipped "1 day before".
    [message] = sweep_and_send(at(D(2026, 12, 8)))
    assert message.subject.startswith("[IEG] Due today")
    assert not Notification.objects.filter(rule="step_before_1").exists()


def test_assignee_gets_the_reminder_instead_of_the_group(step, secretariat_user):
    colleague = factories.make_user("colleague")
    step.assignee = colleague
    step.save()
    [message] = sweep_and_send(at(D(2026, 12, 8)))
    assert message.to == ["colleague@example.org"]


def test_co_chair_steps_go_to_the_co_chairs_contacts(meeting, cochair_user, expert_user, secretariat_user):
    only_step(meeting, "inform_council_members")  # co-chairs', due 1 December
    factories.make_user("greek", delegation="Greece")
    messages = sweep_and_send(at(D(2026, 12, 1)))
    assert sorted(m.to[0] for m in messages) == ["cochair@example.org", "greek@example.org"]


def test_people_who_turned_email_off_get_nothing(step, secretariat_user):
    secretariat_user.email_notifications = False
    secretariat_user.save()
    assert sweep_and_send(at(D(2026, 12, 8))) == []


def test_completing_a_step_cancels_its_pending_reminder(step, secretariat_user):
    [pk] = sweep_only(at(D(2026, 12, 8)))  # decided, queued, not sent yet
    meeting_services.complete_step(step, by=secretariat_user, now=at(D(2026, 12, 8), 10))
    assert send(pk, at(D(2026, 12, 8), 10, 1)) == "cancelled"
    row = Notification.objects.get(pk=pk)
    assert row.state == "cancelled" and "Done" in row.reason


def test_the_sweep_cancels_pending_reminders_of_closed_steps_in_bulk(step, secretariat_user):
    sweep_only(at(D(2026, 12, 8)))  # decided; the queue is a stub, so the row stays pending
    row = Notification.objects.get()
    assert row.state == "pending"
    meeting_services.skip_step(step, by=secretariat_user)
    result = due.sweep(now=at(D(2026, 12, 8), 9, 15), queue=lambda pks: None)
    row.refresh_from_db()
    assert (row.state, result.cancelled) == ("cancelled", 1)


def test_rescheduling_retargets_the_reminder(meeting, step, secretariat_user):
    [pk] = sweep_only(at(D(2026, 12, 7)))  # "due tomorrow", not sent yet
    factories.move_meeting(meeting, D(2026, 12, 17))
    step.refresh_from_db()
    assert step.due == D(2026, 12, 15)
    # The old reminder is cancelled at send time: its date is gone.
    assert send(pk, at(D(2026, 12, 7), 9, 5)) == "cancelled"
    # The next sweep decides for the new date: 5 business days before the 15th is the 8th ...
    assert sweep_and_send(at(D(2026, 12, 7), 9, 30)) == []
    [message] = sweep_and_send(at(D(2026, 12, 8)))
    assert "Due 15 Dec 2026, in 5 business days." in message.body
    assert f"/work/meetings/{meeting.pk}/#step-{step.pk}" in message.body


def test_moving_a_meeting_back_to_its_old_date_gives_a_fresh_reminder(meeting, step, secretariat_user):
    sweep_only(at(D(2026, 12, 7)))
    factories.move_meeting(meeting, D(2026, 12, 17))
    due.sweep(now=at(D(2026, 12, 7), 9, 1))  # cancels the pending row in bulk
    factories.move_meeting(meeting, D(2026, 12, 10))
    messages = sweep_and_send(at(D(2026, 12, 7), 9, 2))
    assert [m.subject.split(":")[0] for m in messages] == ["[IEG] Due soon"]
    assert Notification.objects.filter(state="cancelled").count() == 1


def test_escalation_waits_for_the_configured_business_days(step, settings, cochair_user):
    settings.REMINDER_ESCALATION_BUSINESS_DAYS = 3
    sweep_and_send(at(D(2026, 12, 9)))  # overdue
    assert sweep_and_send(at(D(2026, 12, 10))) == []  # 2 business days: not yet
    messages = sweep_and_send(at(D(2026, 12, 11)))
    assert sorted(m.to[0] for m in messages) == ["cochair@example.org", "lead@example.org"]
    assert all(m.subject.startswith("[IEG] Escalation") for m in messages)


def test_digest_groups_a_persons_reminders_into_one_email(meeting, secretariat_user):
    meeting.steps.exclude(key__in=["background_note", "vtc_interpretation"]).update(state="not_needed")
    secretariat_user.delivery = "digest"
    secretariat_user.save()
    # 8 Dec: background note due today, videoconference (due 7 Dec) overdue.
    messages = sweep_and_send(at(D(2026, 12, 8), 6, 30))  # before the send hour: yesterday's decisions
    messages += sweep_and_send(at(D(2026, 12, 8), 8))
    [digest] = messages
    assert digest.subject.startswith("[IEG] Your digest for")
    assert "Background note" in digest.body and "Videoconference and interpretation arranged" in digest.body
    assert "2 reminders" in digest.subject
    # The 06:30 sweep had decided Monday's "due tomorrow" and "due today": superseded by 08:00, so not sent.
    assert sorted(Notification.objects.filter(via_digest=True).values_list("rule", "state")) == [
        ("step_before_1", "cancelled"),
        ("step_due", "cancelled"),
        ("step_due", "sent"),
        ("step_overdue", "sent"),
    ]
    sent_items = Notification.objects.filter(via_digest=True, state="sent")
    assert sorted(sent_items.values_list("rule", flat=True)) == ["step_due", "step_overdue"]
    assert len({row.digest_id for row in sent_items}) == 1
    # One digest a day: a later sweep sends nothing more.
    assert sweep_and_send(at(D(2026, 12, 8), 12)) == []


def test_the_decision_key_is_unique_but_cancelled_rows_do_not_hold_it(step):
    sweep_only(at(D(2026, 12, 8)))
    row = Notification.objects.get()
    duplicate = Notification(
        kind=row.kind,
        content_type=row.content_type,
        object_id=row.object_id,
        rule=row.rule,
        due_date=row.due_date,
        email=row.email,
        scheduled_for=row.scheduled_for,
        created_at=row.created_at,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    Notification.objects.filter(pk=row.pk).update(state="cancelled")
    duplicate.save()


def offered_rows(monkeypatch) -> list[list[Notification]]:
    """Record the rows each bulk insert of the sweep is given."""
    offered = []
    real = Notification.objects.bulk_create

    def recording(rows, **kwargs):
        rows = list(rows)
        offered.append(rows)
        return real(rows, **kwargs)

    monkeypatch.setattr(Notification.objects, "bulk_create", recording)
    return offered


def test_decisions_already_taken_are_skipped_before_the_insert(step, cochair_user, monkeypatch):
    now = at(D(2026, 12, 11))  # 3 business days late: "overdue" and "escalation" are both due
    sweep_only(now)
    assert sorted(Notification.objects.values_list("rule", "email")) == [
        ("step_escalation", "cochair@example.org"),
        ("step_escalation", "lead@example.org"),
        ("step_overdue", "sec@example.org"),
    ]
    offered = offered_rows(monkeypatch)
    result = due.sweep(now=at(D(2026, 12, 11), 9, 15), queue=lambda pks: None)
    # The rungs are still due, but every key is held: no row reaches the insert, nothing is left to the key.
    assert [row for rows in offered for row in rows] == []
    assert result.created == 0


def test_a_key_taken_by_a_concurrent_sweep_is_ignored_by_the_insert(step, cochair_user, monkeypatch):
    """Two sweeps deciding at once both miss the other's rows in their read of the keys held: the unique key
    (bulk_create with ignore_conflicts) still makes one row per decision, and the loser does not fail."""
    sweep_only(at(D(2026, 12, 11)))
    decided = sorted(Notification.objects.values_list("object_id", "rule", "due_date", "email"))
    with monkeypatch.context() as patch:
        patch.setattr(due._Decider, "held_keys", lambda self, batch_pks: set())  # as if read before the others' commit
        offered = offered_rows(patch)
        due.sweep(now=at(D(2026, 12, 11), 9, 15), queue=lambda pks: None)
    assert sum(len(rows) for rows in offered) == len(decided) == 3
    assert sorted(Notification.objects.values_list("object_id", "rule", "due_date", "email")) == decided


def test_batches_decide_what_one_pass_decides(year, secretariat_user, cochair_user, monkeypatch):
    """Steps are read in batches by id; a small batch size changes the number of queries, never the decisions."""
    for i in range(6):
        factories.make_meeting(year, f"Situation {i}", date=D(2026, 12, 7 + i % 5))
    now = at(D(2026, 12, 8))

    def decisions():
        return sorted(Notification.objects.values_list("object_id", "rule", "due_date", "email", "via_digest"))

    with transaction.atomic():
        due.sweep(now=now, queue=lambda pks: None)
        one_pass = decisions()
        transaction.set_rollback(True)
    monkeypatch.setattr(due, "BATCH_SIZE", 7)
    due.sweep(now=now, queue=lambda pks: None)
    assert len(one_pass) > 50
    assert decisions() == one_pass
    due.sweep(now=at(D(2026, 12, 8), 9, 15), queue=lambda pks: None)  # and again, batched: nothing new
    assert decisions() == one_pass


def test_someone_new_still_gets_a_reminder_already_decided_for_others(step, secretariat_user, cochair_user):
    """Skipping works per recipient (the whole key), not per step: a newcomer is not skipped with the others."""
    sweep_only(at(D(2026, 12, 11)))
    newcomer = factories.make_user("newcomer")
    newcomer.groups.add(secretariat_user.groups.get())
    factories.make_user("greek", delegation="Greece")
    sweep_only(at(D(2026, 12, 11), 9, 15))
    assert sorted(Notification.objects.values_list("rule", "email")) == [
        ("step_escalation", "cochair@example.org"),
        ("step_escalation", "greek@example.org"),
        ("step_escalation", "lead@example.org"),
        ("step_overdue", "newcomer@example.org"),
        ("step_overdue", "sec@example.org"),
    ]


def test_two_recipients_with_one_email_address_get_one_reminder(step, cochair_user, settings):
    # The lead's address is also Denmark's contact: both escalation SELECTs yield the same key in ONE
    # statement, which the unique key turns into one row (ON CONFLICT DO NOTHING) instead of an error.
    settings.SECRETARIAT_LEAD_EMAIL = "cochair@example.org"
    sweep_only(at(D(2026, 12, 11)))
    escalated = Notification.objects.filter(rule="step_escalation")
    assert list(escalated.values_list("email", flat=True)) == ["cochair@example.org"]


def test_one_sweep_cancels_closed_and_moved_reminders_each_with_its_reason(meeting, secretariat_user):
    meeting.steps.exclude(key__in=["background_note", "vtc_interpretation"]).update(state="not_needed")
    sweep_only(at(D(2026, 12, 8)))  # background note "due today", videoconference (7th) "overdue": pending
    background, videoconference = meeting.steps.get(key="background_note"), meeting.steps.get(key="vtc_interpretation")
    meeting_services.skip_step(videoconference, by=secretariat_user)
    TimelineStep.objects.filter(pk=background.pk).update(due=D(2026, 12, 9))
    result = due.sweep(now=at(D(2026, 12, 8), 9, 15), queue=lambda pks: None)
    cancelled = dict(Notification.objects.filter(state="cancelled").values_list("object_id", "reason"))
    assert cancelled == {videoconference.pk: due.CLOSED_REASON, background.pk: due.MOVED_REASON}
    assert result.cancelled == 2
    # The moved step is decided again for its new date ("due tomorrow").
    assert Notification.objects.get(state="pending").rule == "step_before_1"


def test_deleting_a_digest_unlinks_its_items(step, secretariat_user):
    # The digest link is indexed only where set (notif_digest_items); deleting the digest still unlinks its items.
    sweep_only(at(D(2026, 12, 8)))
    item = Notification.objects.get()
    digest = Notification.objects.create(
        kind="digest",
        content_type=ContentType.objects.get_for_model(secretariat_user),
        object_id=secretariat_user.pk,
        rule="digest",
        due_date=D(2026, 12, 8),
        email=item.email,
        scheduled_for=item.scheduled_for,
        created_at=item.created_at,
    )
    Notification.objects.filter(pk=item.pk).update(digest=digest)
    digest.delete()
    item.refresh_from_db()
    assert item.digest_id is None


def sweep_statements(now) -> tuple[int, int]:
    """(statements other than INSERTs, INSERTs) of one sweep at ``now``."""
    with CaptureQueriesContext(connection) as ctx:
        due.sweep(now=now, queue=lambda pks: None)
    inserts = sum(1 for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith("INSERT"))
    return len(ctx.captured_queries) - inserts, inserts


def test_sweep_queries_do_not_grow_with_the_number_of_steps(year, secretariat_user, cochair_user, monkeypatch):
    def add_meetings(n):
        for i in range(n):
            factories.make_meeting(year, f"Situation {TimelineStep.objects.count()}", date=D(2026, 12, 7 + i % 5))

    add_meetings(2)
    offered = offered_rows(monkeypatch)
    few, _few_inserts = sweep_statements(at(D(2026, 12, 8)))
    add_meetings(15)
    offered.clear()
    many, many_inserts = sweep_statements(at(D(2026, 12, 8), 9, 30))
    assert TimelineStep.objects.open().count() > 200
    assert Notification.objects.count() > 100
    # holidays, recipients (3), ONE cancelling update, per batch of steps (one batch here) a read of the steps and
    # of the keys they hold, then an empty read ending the batches; the same for reviews and written answers;
    # the digest check, queue mark (2), savepoints: the same whatever the number of steps.
    assert many == few
    # One bulk_create per batch with rows to insert: ONE INSERT on PostgreSQL; on SQLite Django splits it into
    # statements of at most 999 parameters.
    [rows] = [rows for rows in offered if rows]
    fields = [f for f in Notification._meta.concrete_fields if not f.primary_key]
    assert many_inserts == -(-len(rows) // connection.ops.bulk_batch_size(fields, rows))
    if connection.vendor == "postgresql":
        assert many_inserts == 1


def test_review_reminders_for_open_recommendations(meeting, secretariat_user):
    from recommendations.models import Recommendation

    only_step(meeting, "background_note", state="not_needed")
    owner = factories.make_user("owner")
    Recommendation.objects.create(
        meeting=meeting, text="Strengthen WPS language", owner=owner, next_review=D(2026, 12, 8)
    )
    Recommendation.objects.create(
        meeting=meeting, text="Closed one", owner=owner, next_review=D(2026, 12, 8), status="acted_on"
    )
    [message] = sweep_and_send(at(D(2026, 12, 8)))
    assert message.to == ["owner@example.org"]
    assert message.subject.startswith("[IEG] Review due")
    assert "Strengthen WPS language" in message.body


def test_written_answer_reminders_until_the_answer_is_received(meeting, secretariat_user):
    from recommendations.models import CouncilQuestion

    only_step(meeting, "background_note", state="not_needed")
    question = CouncilQuestion.objects.create(
        meeting=meeting,
        delegation=factories.make_state("France"),
        text="How many women protection advisers are deployed?",
        answer_due=D(2026, 12, 8),
    )
    [message] = sweep_and_send(at(D(2026, 12, 7)))
    assert message.to == ["sec@example.org"]
    assert message.subject.startswith("[IEG] Written answer due")
    assert "Due 8 Dec 2026, in 1 business day." in message.body
    assert f"/work/meetings/{meeting.pk}/" in message.body
    question.answer, question.answered_on = "Twelve.", D(2026, 12, 7)
    question.save()
    assert sweep_and_send(at(D(2026, 12, 8))) == []


def test_a_digest_sent_on_a_later_day_says_it_is_late(meeting, secretariat_user):
    only_step(meeting, "background_note", due=D(2026, 12, 15))
    secretariat_user.delivery = "digest"
    secretariat_user.save()
    [digest_pk] = sweep_only(at(D(2026, 12, 8), 8))  # decided and queued; the worker is down until Thursday
    assert send(digest_pk, at(D(2026, 12, 10), 9)) == "sent"
    [digest] = mail.outbox
    assert "Sent late: this email was due to go out on 8 Dec 2026." in digest.body
    assert "in 3 business days" in digest.body
