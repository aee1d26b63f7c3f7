"""generate_bulk: deterministic from its seed, realistic shape, rows and history written through the ORM."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from accounts.models import User
from demo.bulk import BENCH_EXPERT, BENCH_SECRETARIAT, generate
from meetings.models import AgendaYear, Meeting, TimelineStep
from recommendations.models import Recommendation, StatusChange

TODAY = datetime.date(2026, 3, 16)
SCALE = 0.05  # one year, six meetings


def snapshot() -> dict:
    """Counts of every table written, and sample rows by natural order (never by primary key)."""
    meetings = Meeting.objects.order_by("date", "kind", "situation__name", "theme").values_list(
        "agenda_year__year", "kind", "situation__name", "theme", "date", "status", "symbol", "follows_up__date"
    )
    recs = Recommendation.objects.order_by("meeting__date", "meeting__kind", "meeting__situation__name", "order")
    recs = list(recs.values_list("meeting__date", "order", "text", "status", "target_mission__acronym", "next_review"))
    steps = TimelineStep.objects.order_by("meeting__date", "meeting__kind", "meeting__situation__name", "key")
    steps = list(steps.values_list("key", "due", "state", "done_at", "assignee__username"))
    changes = StatusChange.objects.order_by("recommendation__meeting__date", "recommendation__order", "changed_on")
    history = Recommendation.history.order_by("history_date", "meeting__date", "order", "history_type")
    return {
        "meetings": list(meetings),
        "recommendations": recs[::7],
        "steps": steps[::5],
        "changes": list(changes.values_list("from_status", "to_status", "changed_on", "resolution_symbol"))[::5],
        "history": list(history.values_list("history_date", "history_type", "status"))[::11],
        "co_chairs": list(AgendaYear.objects.values_list("year", "co_chairs__name").order_by("year", "co_chairs")),
    }


def generated(seed: int) -> tuple[dict, dict]:
    """Generate, take a snapshot, and roll it all back (so the next call starts from the same empty database)."""
    with transaction.atomic():
        counts, _seconds = generate(scale=SCALE, seed=seed, today=TODAY)
        sample = snapshot()
        transaction.set_rollback(True)
    return counts, sample


@pytest.mark.django_db
def test_same_seed_gives_the_same_data_and_another_seed_does_not():
    counts, sample = generated(seed=7)
    again_counts, again_sample = generated(seed=7)
    other_counts, other_sample = generated(seed=8)

    assert again_counts == counts
    assert again_sample == sample
    assert other_sample["recommendations"] != sample["recommendations"]
    assert other_sample["meetings"] != sample["meetings"]


@pytest.mark.django_db
def test_tiny_scale_has_the_shape_of_a_real_year():
    counts, _seconds = generate(scale=SCALE, seed=7, today=TODAY)

    # 0.05 of a decade: one IEG year of six meetings (two countries, their follow-ups, two thematic meetings).
    assert list(AgendaYear.objects.values_list("year", flat=True)) == [2026]
    assert Meeting.objects.count() == 6 == counts["meetings.Meeting"]
    assert sorted(Meeting.objects.values_list("kind", flat=True)) == [
        "country", "country", "follow_up", "follow_up", "thematic", "thematic"
    ]  # fmt: skip
    for follow_up in Meeting.objects.filter(kind="follow_up").select_related("follows_up"):
        assert 180 <= (follow_up.date - follow_up.follows_up.date).days <= 190
    assert AgendaYear.objects.get().co_chairs.count() == 2
    # Every dated meeting has its whole timeline; every history-tracked row has its '+' history row.
    assert TimelineStep.objects.count() == 13 * 6
    assert Recommendation.history.filter(history_type="+").count() == Recommendation.objects.count()
    held = Meeting.objects.filter(status__in=["held", "summary_drafted", "submitted", "issued", "published"])
    for meeting in held:
        assert 22 <= meeting.recommendations.count() <= 42
    # Steps past their due date in a finished meeting are done, with who and when.
    done = TimelineStep.objects.filter(state="done")
    assert done.exists() and not done.filter(done_at__isnull=True).exists()
    # The benches' accounts: one secretariat member, one Council expert (France).
    assert User.objects.get(username=BENCH_SECRETARIAT).groups.filter(name="Secretariat").exists()
    assert User.objects.get(username=BENCH_EXPERT).delegation.name == "France"


@pytest.mark.django_db
def test_history_rows_are_dated_and_credited_as_the_data_says():
    generate(scale=SCALE, seed=7, today=datetime.date(2026, 12, 1))  # the year's first meetings long held
    rec = Recommendation.objects.filter(status="acted_on").select_related("meeting").first()
    created, *moves = rec.history.order_by("history_date", "history_id")
    # Created as proposed a week before its meeting, then one '~' row per status move, by the secretariat.
    assert (created.history_type, created.status, created.history_user_id) == ("+", "proposed", None)
    assert created.history_date.date() == rec.meeting.date - datetime.timedelta(days=7)
    changes = list(rec.status_changes.order_by("changed_on", "pk"))
    assert [(m.history_type, m.status, m.history_date.date()) for m in moves] == [
        ("~", c.to_status, c.changed_on) for c in changes
    ]
    assert {m.history_change_reason for m in moves} == {"Status changed"}
    assert all(m.history_user.groups.filter(name="Secretariat").exists() for m in moves)
    # A step marked done: its '~' row at the moment it was done, credited to who did it.
    step = TimelineStep.objects.filter(state="done").first()
    done = step.history.get(history_type="~")
    assert (done.history_date, done.history_user_id, done.history_change_reason) == (
        step.done_at,
        step.done_by_id,
        "Marked done",
    )
    assert step.history.get(history_type="+").state == "open"


@pytest.mark.django_db
def test_rows_read_back_and_new_rows_get_fresh_keys():
    generate(scale=SCALE, seed=7, today=TODAY)
    meeting = Meeting.objects.filter(kind="country").order_by("date").first()
    # Rich text went through the field's sanitizer; dates and times read back as written.
    note = meeting.background_note
    assert all(s.body.startswith("<p>") for s in note.sections if s.kind == "text")
    assert note.sections[-1].kind == "recommendations"
    assert meeting.steps.filter(state="done").values_list("done_at", flat=True).first().tzinfo is not None
    # The database chose the keys: the ORM inserts next to them.
    extra = Meeting.objects.create(agenda_year=meeting.agenda_year, kind="thematic", theme="Added afterwards")
    assert extra.pk > max(Meeting.objects.exclude(pk=extra.pk).values_list("pk", flat=True))


@pytest.mark.django_db
def test_command_prints_counts_and_refuses_years_that_exist():
    out = StringIO()
    call_command("generate_bulk", "--scale", "0.05", "--seed", "3", "--today", "2026-03-16", stdout=out)
    assert "meetings.Meeting" in out.getvalue()
    assert "Generated" in out.getvalue()
    with pytest.raises(CommandError, match="already exist"):
        call_command("generate_bulk", "--scale", "0.05", "--today", "2026-03-16", stdout=StringIO())


@pytest.mark.django_db
def test_every_signatory_state_has_one_representative_on_every_meeting_date():
    from countries.models import MemberState, PermanentRepresentative

    # A state with a representative already recorded (as load_demo records them): kept, and the years around
    # that term filled, not overlapped.
    ireland = MemberState.objects.create(name="Ireland", iso3="IRL")
    PermanentRepresentative.objects.create(
        member_state=ireland,
        given_names="Geraldine",
        surname="Byrne Nason",
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2025, 12, 31),
    )
    generate(scale=0.15, seed=7, today=TODAY)

    years = list(AgendaYear.objects.select_related("penholder").prefetch_related("co_chairs"))
    assert len(years) >= 2
    for agenda_year in years:
        for meeting in Meeting.objects.filter(agenda_year=agenda_year, date__isnull=False):
            for state in [*agenda_year.co_chairs.all(), agenda_year.penholder]:
                in_office = PermanentRepresentative.objects.filter(member_state=state).as_of(meeting.date)
                assert in_office.count() == 1, (state, meeting.date)
    reps = PermanentRepresentative.objects.filter(member_state=ireland).order_by("start_date")
    assert "Byrne Nason" in [r.surname for r in reps]
    assert MemberState.objects.get(name="Ireland").formal_name == ""  # an existing state is left as it was
    assert MemberState.objects.get(name="United Kingdom").formal == (
        "the United Kingdom of Great Britain and Northern Ireland"
    )
    for state in MemberState.objects.all():
        spans = list(PermanentRepresentative.objects.filter(member_state=state).order_by("start_date"))
        for before, after in zip(spans, spans[1:], strict=False):
            assert before.end_date is not None
            assert after.start_date == before.end_date + datetime.timedelta(days=1), (state, before, after)
        assert spans[-1].end_date is None or spans[-1].end_date >= TODAY, state
    titles = set(PermanentRepresentative.objects.values_list("title", flat=True))
    assert titles <= {"Permanent Representative", "Chargé d'affaires a.i."}
    assert not PermanentRepresentative.objects.filter(title="Chargé d'affaires a.i.", ambassador=True).exists()
