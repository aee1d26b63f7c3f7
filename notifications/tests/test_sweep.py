"""The sweep decides each reminder once, on the right day, for the right people, in constant queries."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction

from meetings import services as meeting_services
from meetings.models import TimelineStep
from meetings.tests import factories
from notifications import services
from notifications.models import Notification

from .helpers import at, count_queries, only_step, send, sweep_and_send, sweep_only

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
    result = services.sweep(now=at(D(2026, 12, 8), 9, 15), queue=lambda pks: None)
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
    services.sweep(now=at(D(2026, 12, 7), 9, 1))  # cancels the pending row in bulk
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


def test_decisions_already_taken_are_skipped_before_the_insert(step, cochair_user):
    now = at(D(2026, 12, 11))  # 3 business days late: "overdue" and "escalation" are both due
    sweep_only(now)
    assert sorted(Notification.objects.values_list("rule", "email")) == [
        ("step_escalation", "cochair@example.org"),
        ("step_escalation", "lead@example.org"),
        ("step_overdue", "sec@example.org"),
    ]
    later = at(D(2026, 12, 11), 9, 15)
    decisions = services._step_decisions(later, services.decision_day(later), frozenset(), services._recipients())
    # The rungs are still due, but no SELECT yields a row: every key is held, nothing is left to ON CONFLICT.
    assert decisions
    assert [q.count() for q in decisions] == [0] * len(decisions)


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
    result = services.sweep(now=at(D(2026, 12, 8), 9, 15), queue=lambda pks: None)
    cancelled = dict(Notification.objects.filter(state="cancelled").values_list("object_id", "reason"))
    assert cancelled == {videoconference.pk: services.CLOSED_REASON, background.pk: services.MOVED_REASON}
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


def test_the_planner_settings_last_only_while_the_sweep_runs(step):
    """On PostgreSQL the sweep turns seqscan and jit off with set_config(..., true), which would otherwise last
    to the end of the caller's transaction (here the test's)."""
    if connection.vendor != "postgresql":
        pytest.skip("planner settings exist on PostgreSQL only")

    def settings_now():
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('jit')")
            return cursor.fetchone()

    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('jit', 'on', true)")
    before = settings_now()
    seen = []
    real = services._cancel_closed_targets
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services, "_cancel_closed_targets", lambda: (seen.append(settings_now()), real())[1])
        sweep_only(at(D(2026, 12, 8)))
    assert seen == [("off", "off")]
    assert settings_now() == before == ("on", "on")


def test_sweep_queries_do_not_grow_with_the_number_of_steps(year, secretariat_user, cochair_user):
    def add_meetings(n):
        for i in range(n):
            factories.make_meeting(year, f"Situation {TimelineStep.objects.count()}", date=D(2026, 12, 7 + i % 5))

    add_meetings(2)
    few = count_queries(lambda: services.sweep(now=at(D(2026, 12, 8)), queue=lambda pks: None))
    add_meetings(15)
    many = count_queries(lambda: services.sweep(now=at(D(2026, 12, 8), 9, 30), queue=lambda pks: None))
    assert TimelineStep.objects.open().count() > 200
    assert Notification.objects.count() > 100
    # planner settings (PostgreSQL), holidays, recipients (2), content types, ONE cancelling update, distinct due
    # dates, ONE insert for all reminders, the digest check, queue mark (2), savepoints: the same whatever the
    # number of steps.
    assert many == few


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
