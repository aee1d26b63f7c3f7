"""Network meetings: the timeline from the shared deadline engine (UN Headquarters days in New York), steps marked
done, key action points lettered (a) (i) as the summary prints them, and open ones reviewed at the next meeting."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from meetings.models import Holiday
from network import services
from network.models import (
    ActionPoint,
    ActionPointGroup,
    MeetingSpeaker,
    MeetingStatement,
    NetworkMeeting,
    NetworkStep,
    Partner,
)
from network.tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def new_york_meeting(coordinator_client, **fields):
    data = {
        "kind": "new_york",
        "title": "Second meeting of the Women, Peace and Security National Focal Points Network",
        "start_date": "2017-09-21",
        "city": "New York",
        "status": "planned",
        "margins_of": "the general debate of the seventy-second session of the General Assembly",
        "version": 0,
        **fields,
    }
    response = coordinator_client.post(reverse("network:meeting_create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return NetworkMeeting.objects.get()


def test_a_new_york_meeting_is_dated_in_un_headquarters_business_days(coordinator_client):
    Holiday.objects.create(date=D(2017, 9, 4), name="Labour Day")
    meeting = new_york_meeting(coordinator_client)
    due = dict(meeting.steps.values_list("key", "due"))
    assert set(due) == {"concept_note", "invitations", "speakers", "registration", "logistics", "summary", "issuance"}
    # Three business days before Thursday 21 September: Monday 18.
    assert due["logistics"] == D(2017, 9, 18)
    # Forty business days before, skipping Labour Day (4 September): Wednesday 26 July.
    assert due["concept_note"] == D(2017, 7, 26)
    assert due["summary"] == D(2017, 10, 12)


def test_a_meeting_elsewhere_counts_weekdays_and_a_new_date_moves_only_open_steps(coordinator_client, coordinator):
    Holiday.objects.create(date=D(2017, 4, 14), name="Good Friday")
    meeting = new_york_meeting(coordinator_client, kind="annual", city="Alicante, Spain", start_date="2017-04-20")
    # Ten weekdays before Thursday 20 April 2017: Thursday 6 April. Good Friday (14 April) is a UN Headquarters
    # holiday, which a meeting in Alicante does not skip (in New York it would be Wednesday 5 April).
    assert meeting.steps.get(key="speakers").due == D(2017, 4, 6)
    logistics = meeting.steps.get(key="logistics")
    assert logistics.due == D(2017, 4, 17)
    services.set_step_state(meeting.steps.get(key="concept_note"), "done", by=coordinator, today=D(2017, 3, 1))
    edit = {
        "kind": "annual",
        "title": meeting.title,
        "start_date": "2017-04-27",
        "city": "Alicante, Spain",
        "status": "planned",
        "version": meeting.version,
    }
    assert coordinator_client.post(reverse("network:meeting_edit", args=[meeting.pk]), edit).status_code == 302
    steps = {step.key: step for step in NetworkStep.objects.filter(meeting=meeting)}
    assert steps["logistics"].due == D(2017, 4, 24)
    assert steps["concept_note"].due == D(2017, 2, 23)  # done: kept where it was
    assert steps["concept_note"].history.first().history_user == coordinator


def test_steps_are_marked_done_and_opened_again(coordinator_client):
    meeting = new_york_meeting(coordinator_client)
    step = meeting.steps.get(key="speakers")
    url = reverse("network:step_action", args=[meeting.pk, step.pk])
    assert coordinator_client.post(url, {"state": "done"}).status_code == 302
    step.refresh_from_db()
    assert (step.state, step.done_on) == ("done", D(2026, 12, 1))
    coordinator_client.post(url, {"state": "open"})
    step.refresh_from_db()
    assert (step.state, step.done_on) == ("open", None)
    response = coordinator_client.post(url, {"state": "bogus"}, follow=True)
    assert "Unknown step state." in response.content.decode()


def test_action_points_are_lettered_and_reviewed_at_the_next_meeting(coordinator_client, focal_point_client):
    first = new_york_meeting(coordinator_client)
    group = ActionPointGroup.objects.create(
        meeting=first, heading="Implementation of women and peace and security commitments", order=0
    )
    second_group = ActionPointGroup.objects.create(
        meeting=first, heading="Knowledge management and information sharing", order=1
    )
    ActionPoint.objects.create(group=group, order=0, text="Increase efforts to nominate gender focal points")
    ActionPoint.objects.create(
        group=second_group,
        order=0,
        text="Secretariat to develop operational guidelines",
        owners="Secretariat",
        deadline_text="by the end of 2017",
        status="done",
    )
    ActionPoint.objects.create(
        group=second_group, order=1, text="Facilitate the participation of NGOs", owners="Secretariat and focal points"
    )
    page = focal_point_client.get(first.get_absolute_url()).content.decode()
    assert "(a) Implementation of women and peace and security commitments" in page
    assert "(b) Knowledge management" in page
    assert '<span class="muted">(ii)</span> Facilitate the participation of NGOs' in page

    berlin = NetworkMeeting.objects.create(kind="annual", title="Third meeting", start_date=D(2018, 4, 10))
    to_review = [point.text for point in services.open_points_before(berlin)]
    assert to_review == ["Increase efforts to nominate gender focal points", "Facilitate the participation of NGOs"]
    page = focal_point_client.get(berlin.get_absolute_url()).content.decode()
    assert "Open action points of earlier meetings, for review" in page and "Facilitate the participation" in page
    assert "operational guidelines" not in page  # done: not reviewed again


def test_an_action_point_is_added_in_a_group_of_its_own_meeting(coordinator_client):
    meeting = new_york_meeting(coordinator_client)
    other = NetworkMeeting.objects.create(kind="annual", title="Other", start_date=D(2018, 4, 10))
    foreign = ActionPointGroup.objects.create(meeting=other, heading="Elsewhere")
    response = coordinator_client.get(reverse("network:action_point_create", args=[meeting.pk]), follow=True)
    assert "Add a group (a lettered heading) first." in response.content.decode()
    own = ActionPointGroup.objects.create(meeting=meeting, heading="Here")
    data = {"group": foreign.pk, "order": 0, "text": "x", "status": "open", "reminded": "secretariat", "version": 0}
    response = coordinator_client.post(reverse("network:action_point_create", args=[meeting.pk]), data)
    assert "Select a valid choice" in response.content.decode()
    data["group"] = own.pk
    assert coordinator_client.post(reverse("network:action_point_create", args=[meeting.pk]), data).status_code == 302
    assert ActionPoint.objects.get().group == own


@pytest.mark.parametrize("rows", [2, 20])
def test_the_meeting_page_queries_do_not_grow(coordinator_client, rows, django_assert_max_num_queries):
    meeting = NetworkMeeting.objects.create(kind="annual", title="Annual", start_date=D(2018, 4, 10))
    services.save_meeting(meeting, expected_version=None, by=None)
    earlier = NetworkMeeting.objects.create(kind="annual", title="Earlier", start_date=D(2017, 4, 10))
    for i in range(rows):
        group = ActionPointGroup.objects.create(meeting=meeting, heading=f"Group {i}", order=i)
        old = ActionPointGroup.objects.create(meeting=earlier, heading=f"Old {i}", order=i)
        for j in range(3):
            ActionPoint.objects.create(group=group, order=j, text=f"Point {i}.{j}")
            ActionPoint.objects.create(group=old, order=j, text=f"Old point {i}.{j}")
        MeetingSpeaker.objects.create(meeting=meeting, name=f"Speaker {i}")
        member = factories.make_member(f"Member {i}", regional=bool(i % 2))
        MeetingStatement.objects.create(meeting=meeting, member=member, order=i)
    # The meeting, its steps, groups, points, open points before, documents, speakers, statements, and the
    # session, user and menu.
    with django_assert_max_num_queries(12):
        assert coordinator_client.get(meeting.get_absolute_url()).status_code == 200


def test_speakers_and_statements_are_recorded_by_who_delivered_them(coordinator_client):
    meeting = NetworkMeeting.objects.create(kind="new_york", title="Second meeting", start_date=D(2017, 9, 21))
    brazil = factories.make_member("Brazil")
    au = factories.make_member("African Union", regional=True, acronym="AU")
    wilpf = Partner.objects.create(name="Women's International League for Peace and Freedom")
    url = reverse("network:speaker_create", args=[meeting.pk])
    speaker = {"part": "panel", "name": "Lieutenant Colonel Rachel Grimes", "function": "Office of Military Affairs"}
    assert coordinator_client.post(url, {**speaker, "order": 1, "version": 0}).status_code == 302
    url = reverse("network:statement_create", args=[meeting.pk])
    # Exactly one of member, partner or another speaker.
    response = coordinator_client.post(url, {"member": brazil.pk, "partner": wilpf.pk, "order": 0, "version": 0})
    assert "Name who delivered it" in response.content.decode()
    assert not MeetingStatement.objects.exists()
    for data in ({"member": brazil.pk}, {"member": au.pk}, {"partner": wilpf.pk}):
        assert coordinator_client.post(url, {**data, "order": 0, "version": 0}).status_code == 302
    assert sorted((str(s), s.by) for s in MeetingStatement.objects.select_related("member")) == [
        ("African Union", "regional"),
        ("Brazil", "state"),
        ("Women's International League for Peace and Freedom", "civil_society"),
    ]
    page = coordinator_client.get(meeting.get_absolute_url()).content.decode()
    assert "Lieutenant Colonel Rachel Grimes" in page and "regional organization" in page
    # Removing asks first.
    statement = MeetingStatement.objects.get(member=brazil)
    delete = reverse("network:statement_delete", args=[meeting.pk, statement.pk])
    assert "Confirm: remove" in coordinator_client.post(delete).content.decode()
    coordinator_client.post(delete, {"confirm": "1"})
    assert not MeetingStatement.objects.filter(pk=statement.pk).exists()
