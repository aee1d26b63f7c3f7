"""Pages of the foundation: content, permissions, and query counts that do not grow with data."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting
from meetings.tests import factories

D = datetime.date
pytestmark = pytest.mark.django_db


def make_meetings(year, n):
    for i in range(n):
        factories.make_meeting(year, f"Situation {i}", date=D(2026, 1, 5) + datetime.timedelta(days=i))


@pytest.mark.parametrize("rows", [10, 200])
def test_meeting_list_queries_constant(secretariat_client, year, rows, django_assert_max_num_queries):
    make_meetings(year, rows)
    # session + user + groups check, count, page of meetings with next deadline, years for the filter
    with django_assert_max_num_queries(8):
        response = secretariat_client.get(reverse("meetings:list"))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == rows


@pytest.mark.parametrize("rows", [10, 200])
def test_year_page_queries_constant(secretariat_client, year, rows, django_assert_max_num_queries):
    make_meetings(year, rows)
    for i in range(min(rows, 6)):
        factories.make_entry(year, f"Situation {i}")
    # ... plus the co-chairs offered in the secretariat's form to record an approval received by email.
    with django_assert_max_num_queries(11):
        response = secretariat_client.get(reverse("meetings:year", args=[2026]))
    assert response.status_code == 200
    assert len(response.context["meetings"]) == rows


@pytest.mark.parametrize("rows", [10, 200])
def test_dashboard_queries_constant(secretariat_client, year, rows, django_assert_max_num_queries):
    make_meetings(year, rows)
    with django_assert_max_num_queries(8):
        response = secretariat_client.get(reverse("meetings:dashboard"))
    assert response.status_code == 200


def test_meeting_detail_queries_constant(secretariat_client, meeting, django_assert_max_num_queries):
    # session, user, role; meeting, steps, follow-ups; then one query per panel other apps add (notes, summary,
    # attachments, briefers, questions, goals, recommendations, outbox counts): a fixed number, whatever the rows.
    with django_assert_max_num_queries(20):
        response = secretariat_client.get(meeting.get_absolute_url())
    assert response.status_code == 200


def test_dashboard_lists_late_and_due_soon_steps(secretariat_client, secretariat_user, year, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 9, 0))
    secretariat_client.force_login(secretariat_user)  # a fresh session at the frozen time
    factories.make_meeting(year, "Haiti", date=D(2026, 12, 10))
    response = secretariat_client.get(reverse("meetings:dashboard"))
    late = [s.key for s in response.context["late"]]
    soon = [s.key for s in response.context["soon"]]
    assert "request_letter" in late  # due 26 November
    assert "background_note" in soon  # due Tuesday 8 December
    assert "draft_summary" not in soon + late
    assert b"Haiti" in response.content


def test_meeting_detail_shows_timeline_and_flags(secretariat_client, secretariat_user, year, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 9, 0))
    secretariat_client.force_login(secretariat_user)
    meeting = factories.make_meeting(year, "Haiti", date=D(2026, 12, 10))
    response = secretariat_client.get(meeting.get_absolute_url())
    html = response.content.decode()
    assert "Background note and key recommendations shared with Council members" in html
    assert "8 Dec 2026" in html
    assert "Too little time for the letter" in html  # 9 days ahead
    late = {s.key for s in response.context["steps"] if s.is_late(D(2026, 12, 1))}
    assert late == {"request_letter", "confirm_date_and_room"}  # due 26 and 27 November
    assert response.context["late_count"] == 2
    assert "2 steps are late" in html


def test_mark_step_done_with_htmx_returns_the_row(secretariat_client, secretariat_user, meeting):
    step = meeting.steps.get(key="request_letter")
    url = reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"])
    response = secretariat_client.post(url, {"version": step.version}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="step-{step.pk}"' in response.content.decode()
    step.refresh_from_db()
    assert step.state == "done" and step.done_by == secretariat_user
    again = secretariat_client.post(url, {"version": step.version}, HTTP_HX_REQUEST="true")
    assert again.status_code == 409


def test_step_action_unknown_is_404(secretariat_client, meeting):
    step = meeting.steps.first()
    assert (
        secretariat_client.post(reverse("meetings:step_action", args=[meeting.pk, step.pk, "eat"])).status_code == 404
    )


def test_only_secretariat_marks_the_secretariats_steps(cochair_client, expert_client, meeting):
    """Co-chairs mark the co-chairs' steps (meetings/tests/test_cochair_steps.py), never the secretariat's."""
    step = meeting.steps.get(key="background_note")
    url = reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"])
    assert cochair_client.post(url).status_code == 403
    assert expert_client.post(url).status_code == 403
    step.refresh_from_db()
    assert step.state == "open"


def test_create_meeting_lays_out_timeline(secretariat_client, year, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    situation = factories.make_entry(year, "Haiti").situation  # on the agenda: no warning to confirm
    response = secretariat_client.post(
        reverse("meetings:create"),
        {"agenda_year": year.pk, "kind": "country", "situation": situation.pk, "date": "2026-12-10", "room": "CR 5"},
    )
    meeting = Meeting.objects.get(situation=situation)
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert meeting.steps.count() == 13


def test_create_meeting_bad_input_keeps_what_was_typed(secretariat_client, year):
    response = secretariat_client.post(
        reverse("meetings:create"),
        {"agenda_year": year.pk, "kind": "country", "date": "2026-02-31", "room": "Trusteeship Council Chamber"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose the country or situation" in html
    assert "Enter a valid date" in html
    assert 'value="Trusteeship Council Chamber"' in html
    assert not Meeting.objects.exists()


def test_edit_meeting_date_moves_open_steps(secretariat_client, meeting, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    factories.make_entry(meeting.agenda_year, meeting.situation)  # on the agenda: no warning to confirm
    data = {
        "agenda_year": meeting.agenda_year_id,
        "kind": "country",
        "situation": meeting.situation_id,
        "date": "2027-01-14",
        "version": meeting.version,
    }
    response = secretariat_client.post(reverse("meetings:edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    assert meeting.steps.get(key="background_note").due == D(2027, 1, 12)


def test_stale_edit_refused_and_text_kept(secretariat_client, meeting):
    data = {
        "agenda_year": meeting.agenda_year_id,
        "kind": "country",
        "situation": meeting.situation_id,
        "date": "2026-12-10",
        "room": "My new room",
        "version": meeting.version,
    }
    Meeting.objects.filter(pk=meeting.pk).update(version=meeting.version + 1)  # someone else saved
    response = secretariat_client.post(reverse("meetings:edit", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert "Someone else saved this meeting" in response.content.decode()
    assert 'value="My new room"' in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.room == ""


def test_status_form_refusal_is_a_message_not_an_error(secretariat_client, meeting):
    response = secretariat_client.post(
        reverse("meetings:status", args=[meeting.pk]), {"status": "published"}, follow=True
    )
    assert response.status_code == 200
    assert "cannot become" in response.content.decode()


def test_history_page_shows_who_changed_what(secretariat_client, secretariat_user, meeting):
    meeting.room = "Conference Room 4"
    meeting.save()
    response = secretariat_client.get(reverse("meetings:history", args=[meeting.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Conference Room 4" in html and "room" in html


def test_history_page_for_secretariat_only(cochair_client, meeting):
    assert cochair_client.get(reverse("meetings:history", args=[meeting.pk])).status_code == 403


def test_experts_see_only_years_their_state_sits_on_the_council(expert_client, nonmember_client, meeting):
    assert expert_client.get(meeting.get_absolute_url()).status_code == 200
    assert nonmember_client.get(meeting.get_absolute_url()).status_code == 404
    assert nonmember_client.get(reverse("meetings:list")).context["page"].paginator.count == 0


def test_year_page_warns_about_the_agenda(secretariat_client, year):
    factories.make_entry(year, "Mali")
    response = secretariat_client.get(reverse("meetings:year", args=[2026]))
    assert "the Guidelines suggest 4 to 6" in response.content.decode()


def test_planner_page(client):
    response = client.get(reverse("meetings:planner"), {"meeting_date": "2026-12-10"})
    assert response.status_code == 200
    assert "8 Dec 2026" in response.content.decode()
    bad = client.get(reverse("meetings:planner"), {"meeting_date": "nonsense"})
    assert bad.status_code == 200 and "Enter a valid date" in bad.content.decode()


def test_anonymous_is_sent_to_sign_in(client, meeting):
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_assign_a_step(secretariat_client, secretariat_user, cochair_user, meeting):
    step = meeting.steps.get(key="request_letter")
    url = reverse("meetings:step_edit", args=[meeting.pk, step.pk])
    assert secretariat_client.get(url).status_code == 200
    response = secretariat_client.post(
        url,
        {"assignee": cochair_user.pk, "note": "Letter drafted by Denmark", "due": step.due, "version": step.version},
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.assignee, step.note) == (cochair_user, "Letter drafted by Denmark")
    assert step.history.first().history_change_reason == "Assignment or note changed"


def test_assignee_must_be_secretariat_or_cochair_of_the_year(secretariat_client, expert_user, meeting):
    step = meeting.steps.get(key="request_letter")
    url = reverse("meetings:step_edit", args=[meeting.pk, step.pk])
    response = secretariat_client.post(url, {"assignee": expert_user.pk, "note": "kept"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "kept" in response.content.decode()
    step.refresh_from_db()
    assert step.assignee is None


def test_after_a_stale_refusal_saving_again_goes_through(secretariat_client, meeting):
    data = {
        "agenda_year": meeting.agenda_year_id,
        "kind": "country",
        "situation": meeting.situation_id,
        "date": "2026-12-10",
        "room": "My new room",
        "version": meeting.version,
    }
    Meeting.objects.filter(pk=meeting.pk).update(version=meeting.version + 1, room="Their room")
    refused = secretariat_client.post(reverse("meetings:edit", args=[meeting.pk]), data)
    assert refused.status_code == 200
    # The re-rendered form carries the current version: the user has seen the warning and saves again.
    resubmit = {**data, "version": refused.context["form"]["version"].value()}
    assert str(resubmit["version"]) == str(meeting.version + 1)
    response = secretariat_client.post(reverse("meetings:edit", args=[meeting.pk]), resubmit)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.room == "My new room"


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("date", ["Haiti", "Mali", "Yemen"]),
        ("-date", ["Yemen", "Mali", "Haiti"]),
        ("subject", ["Haiti", "Mali", "Yemen"]),
    ],
)
def test_meeting_list_sorts_by_column(secretariat_client, year, sort, expected):
    factories.make_meeting(year, "Mali", date=D(2026, 5, 1))
    factories.make_meeting(year, "Yemen", date=D(2026, 9, 1))
    factories.make_meeting(year, "Haiti", date=D(2026, 2, 1))
    response = secretariat_client.get(reverse("meetings:list"), {"sort": sort})
    assert [m.situation.name for m in response.context["page"]] == expected
    assert 'aria-sort="' in response.content.decode()


def test_meeting_list_ignores_unknown_sort(secretariat_client, meeting):
    response = secretariat_client.get(reverse("meetings:list"), {"sort": "password"})
    assert response.status_code == 200 and response.context["sort"] == "-date"


def test_new_meeting_defaults_to_this_years_agenda(secretariat_client):
    from django.utils import timezone

    factories.make_year(2019)
    this_year = factories.make_year(timezone.localdate().year)
    response = secretariat_client.get(reverse("meetings:create"))
    assert response.context["form"].initial["agenda_year"] == this_year


def _fill_meeting(meeting, rows):
    """``rows`` of what the meeting page and its panels list: files, briefers, questions, goals, recommendations
    and invitation letters in the outbox (follow-up meetings and comments: their own tests below)."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from documents.models import Attachment
    from notifications.models import Notification
    from recommendations.models import Briefer, CouncilQuestion, Goal
    from recommendations.tests import factories as rf

    now = timezone.now()
    france = factories.make_state("France")
    Attachment.objects.bulk_create(
        Attachment(
            meeting=meeting,
            title=f"File {i}",
            file=f"attachments/{meeting.pk}/f{i}.pdf",
            original_name="f.pdf",
            content_type="application/pdf",
            size=10,
            uploaded_at=now,
        )
        for i in range(rows)
    )
    Briefer.objects.bulk_create(
        Briefer(meeting=meeting, name=f"B{i}", title="T", entity="E", order=i) for i in range(rows)
    )
    CouncilQuestion.objects.bulk_create(
        CouncilQuestion(meeting=meeting, delegation=france, text=f"Q{i}", order=i) for i in range(rows)
    )
    Goal.objects.bulk_create(Goal(meeting=meeting, text=f"G{i}", entity="UNMISS", order=i) for i in range(rows))
    rf.bulk_recommendations([meeting], rows, target_mission=rf.make_mission(), owner=factories.make_user("owner"))
    # Invitations sent for the meeting's date: what the meeting page's invitation panel counts.
    Notification.objects.bulk_create(
        Notification(
            kind=Notification.Kind.INVITATION,
            content_type=ContentType.objects.get_for_model(Meeting),
            object_id=meeting.pk,
            meeting=meeting,
            rule=f"rule-{i}",
            due_date=meeting.date,
            email=f"person{i}@example.org",
            scheduled_for=now,
            created_at=now,
            state=Notification.State.SENT,
            sent_at=now,
        )
        for i in range(rows)
    )


@pytest.mark.parametrize("rows", [10, 200])
def test_meeting_detail_queries_constant_as_rows_grow(secretariat_client, meeting, rows, django_assert_max_num_queries):
    _fill_meeting(meeting, rows)
    # session, user, role; meeting, steps, follow-ups; then a fixed number per panel other apps add (outbox
    # counts, note, summary, attachments; briefers, questions, goals, recommendations and their letters (the
    # meeting's groups of recommendations, its recommendations), follow-up review; the review comments)
    with django_assert_max_num_queries(17):
        response = secretariat_client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("/documents/attachments/") >= rows
    assert f"For this date: {rows} sent" in response.content.decode()


def _comments(meeting, author, rows):
    """``rows`` review comments on the meeting, and as many on the year's agenda, by a co-chair."""
    from approvals.models import Comment

    now = datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC)
    Comment.objects.bulk_create(
        Comment(agenda_year=meeting.agenda_year, meeting=m, author=author, text=f"Remark {i}", created_at=now)
        for i in range(rows)
        for m in (meeting, None)
    )


# meeting_detail.html prints {{ f }} (Meeting.__str__ -> subject -> situation): the view selects the follow-ups'
# countries with them.
@pytest.mark.parametrize("rows", [10, 200])
def test_meeting_follow_ups_queries_constant(secretariat_client, meeting, rows, django_assert_max_num_queries):
    Meeting.objects.bulk_create(
        Meeting(agenda_year=meeting.agenda_year, situation=meeting.situation, follows_up=meeting, date=D(2027, 6, 1))
        for _ in range(rows)
    )
    # the meeting page's own queries (as above), with the follow-ups and their countries in one query
    with django_assert_max_num_queries(17):
        response = secretariat_client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("Follow-up</dt>") == rows


# approvals/_comments.html prints comment.author.delegation: approvals_tags.review_comments selects it with
# the comments.


@pytest.mark.parametrize("rows", [10, 200])
def test_meeting_comments_queries_constant(cochair_client, cochair_user, meeting, rows, django_assert_max_num_queries):
    _comments(meeting, cochair_user, rows)
    # the meeting page's own queries, with the comments and their authors' delegations in one query
    with django_assert_max_num_queries(20):  # +1: the menu asks if the user is a Network focal point
        response = cochair_client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("Remark ") == rows


@pytest.mark.parametrize("rows", [10, 200])
def test_year_comments_queries_constant(cochair_client, cochair_user, meeting, rows, django_assert_max_num_queries):
    _comments(meeting, cochair_user, rows)
    # the year page's own queries, with the agenda's comments and their authors' delegations in one query
    with django_assert_max_num_queries(14):  # +1: the menu asks if the user is a Network focal point
        response = cochair_client.get(reverse("meetings:year", args=[2026]))
    assert response.status_code == 200
    assert response.content.decode().count("Remark ") == rows


@pytest.mark.parametrize("rows", [10, 200])
def test_meeting_history_queries_constant(
    secretariat_client, secretariat_user, meeting, rows, django_assert_max_num_queries
):
    steps = list(meeting.steps.all())
    for i in range(rows):
        meeting._history_user = secretariat_user
        meeting.room = f"Room {i}"
        meeting.save()
        step = steps[i % len(steps)]
        step._history_user = secretariat_user
        step.note = f"Step note {i}"
        step.assignee = secretariat_user if i % 2 else None
        step.save()
    # session, user, role; the meeting; the meeting's history and its steps' history (one query each), with who
    # changed them; the meeting's country for its label; the users named in the changes
    with django_assert_max_num_queries(8):
        response = secretariat_client.get(reverse("meetings:history", args=[meeting.pk]))
    assert response.status_code == 200
    assert f"Room {rows - 1}" in response.content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_planner_queries_constant(client, rows, django_assert_max_num_queries):
    factories.make_holidays(*(D(2026, 1, 1) + datetime.timedelta(days=i) for i in range(rows)))
    # the holidays, once
    with django_assert_max_num_queries(1):
        response = client.get(reverse("meetings:planner"), {"meeting_date": "2026-12-10"})
    assert response.status_code == 200
    with django_assert_max_num_queries(1):
        response = client.get(reverse("api:timeline"), {"meeting_date": "2026-12-10"})
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [10, 200])
def test_form_pages_queries_constant(secretariat_client, meeting, rows, django_assert_max_num_queries):
    from django.contrib.auth.models import Group

    from accounts.permissions import SECRETARIAT_GROUP
    from countries.models import MemberState

    # The rows the forms offer as choices: states (co-chairs, penholder), countries (agenda, meeting), earlier
    # meetings (follows up) and secretariat staff (a step's assignee).
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    MemberState.objects.bulk_create(
        MemberState(name=f"State {i}", iso3="Z" + letters[i // 26] + letters[i % 26]) for i in range(rows)
    )
    situations = [factories.make_situation(f"Situation {i}") for i in range(rows)]
    Meeting.objects.bulk_create(
        Meeting(agenda_year=meeting.agenda_year, situation=s, date=D(2026, 2, 1)) for s in situations
    )
    staff = Group.objects.get(name=SECRETARIAT_GROUP)
    for i in range(rows):
        factories.make_user(f"staff{i}").groups.add(staff)
    entry = factories.make_entry(meeting.agenda_year, "Haiti")
    step = meeting.steps.first()
    pages = {
        # session, user, role; the states, once per field (co-chairs, penholder); the year when editing, with its
        # co-chairs
        reverse("meetings:year_create"): 5,
        reverse("meetings:year_edit", args=[2026]): 7,
        # session, user, role; the year; the countries not yet on its agenda; the entry when editing
        reverse("meetings:entry_create", args=[2026]): 5,
        reverse("meetings:entry_edit", args=[2026, entry.pk]): 7,
        # session, user, role; the years, the countries, the meetings it may follow up (country and year joined);
        # the meeting when editing
        reverse("meetings:create"): 7,
        reverse("meetings:edit", args=[meeting.pk]): 8,
        # session, user, role; the step (meeting, year); the staff and co-chairs' experts who may take it
        reverse("meetings:step_edit", args=[meeting.pk, step.pk]): 6,
    }
    for url, bound in pages.items():
        with django_assert_max_num_queries(bound):
            response = secretariat_client.get(url)
        assert response.status_code == 200, url
