"""Each role lands where its work is (sign-in and /work/): the secretariat on this week, a co-chair on what
awaits its approval, a Council expert on the notes shared with it."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from approvals import services
from documents.tests.factories import make_note, make_summary
from meetings.tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


def shared(days_ago: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days_ago)


def test_sign_in_lands_on_the_dashboard(client, cochair_user):
    response = client.post(
        reverse("login"), {"username": "cochair", "password": "correct horse battery staple"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("meetings:dashboard")
    assert "Awaiting your approval" in response.content.decode()


def test_secretariat_lands_on_this_week(secretariat_client, meeting):
    response = secretariat_client.get(reverse("meetings:dashboard"))
    assert response.templates[0].name == "meetings/dashboard.html"


def test_cochair_lands_on_what_awaits_its_approval(cochair_client, cochair_user, year, meeting):
    factories.make_entry(year, "South Sudan")
    note = make_note(meeting, status="in_review")
    haiti = factories.make_meeting(year, "Haiti", date=D(2026, 12, 14))
    summary = make_summary(haiti)
    draft_only = factories.make_meeting(year, "Libya", date=D(2026, 12, 15))
    make_note(draft_only, status="draft")  # not yet sent to the co-chairs
    html = cochair_client.get(reverse("meetings:dashboard")).content.decode()
    assert "Awaiting the approval of Denmark" in html
    assert "The agenda of 2026" in html
    assert f'href="{note.get_absolute_url()}#note-approval"' in html
    assert f'href="{summary.get_absolute_url()}"' in html
    assert "Libya" not in html.split("cochair-steps-heading")[0]
    letter = meeting.steps.get(key="request_letter")
    assert f"#step-{letter.pk}" in html  # the co-chairs' open steps
    assert f"#step-{meeting.steps.get(key='background_note').pk}" not in html  # not the secretariat's


def test_what_denmark_approved_leaves_its_list(cochair_client, cochair_user, year, meeting):
    factories.make_entry(year, "South Sudan")
    note = make_note(meeting, status="in_review")
    now = timezone.now()
    services.approve_agenda(year, by=cochair_user, now=now, seen_fingerprint=services.agenda_status(year).fingerprint)
    services.approve_note(note, by=cochair_user, now=now, seen_fingerprint=services.note_fingerprint(note))
    html = cochair_client.get(reverse("meetings:dashboard")).content.decode()
    assert "Nothing awaits your approval." in html


def test_expert_lands_on_shared_notes_newest_first_new_marked(expert_client, year):
    old = make_note(factories.make_meeting(year, "Haiti", date=D(2026, 3, 10)), status="shared", shared_at=shared(40))
    new = make_note(factories.make_meeting(year, "Libya", date=D(2026, 12, 14)), status="shared", shared_at=shared(1))
    draft = make_note(factories.make_meeting(year, "Mali", date=D(2026, 12, 20)), status="in_review")
    response = expert_client.get(reverse("meetings:dashboard"))
    html = response.content.decode()
    assert response.templates[0].name == "meetings/dashboard_expert.html"
    assert html.index(new.get_absolute_url()) < html.index(old.get_absolute_url())
    assert draft.get_absolute_url() not in html
    item_new = html[html.index(new.get_absolute_url()) - 120 : html.index(new.get_absolute_url())]
    item_old = html[html.index(old.get_absolute_url()) - 120 : html.index(old.get_absolute_url())]
    assert ">New<" in item_new and ">New<" not in item_old


def test_expert_of_another_year_sees_none_of_them(nonmember_client, year, client, plain_user):
    make_note(factories.make_meeting(year, "Haiti", date=D(2026, 3, 10)), status="shared", shared_at=shared(1))
    published = make_note(
        factories.make_meeting(year, "Mali", date=D(2026, 2, 10)), status="published", shared_at=shared(30)
    )
    html = nonmember_client.get(reverse("meetings:dashboard")).content.decode()
    assert "No background note has been shared with you yet." in html
    client.force_login(plain_user)  # published notes are everyone's, not "shared with you"
    assert published.get_absolute_url() not in client.get(reverse("meetings:dashboard")).content.decode()


def test_a_delegation_invited_to_a_note_finds_it(nonmember_client, nonmember_user, year):
    from documents.models import NoteInvitation

    note = make_note(factories.make_meeting(year, "Haiti", date=D(2026, 3, 10)), status="shared", shared_at=shared(1))
    NoteInvitation.objects.create(note=note, member_state=nonmember_user.delegation, invited_at=shared(1))
    assert note.get_absolute_url() in nonmember_client.get(reverse("meetings:dashboard")).content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_expert_landing_queries_constant(expert_client, year, rows, django_assert_max_num_queries):
    for i in range(rows):
        meeting = factories.make_meeting(year, f"Situation {i}", date=D(2026, 1, 5) + datetime.timedelta(days=i % 300))
        make_note(meeting, status="shared", shared_at=shared(i % 20))
    # session, user, groups, council years, co-chair years, the notes (with meetings)
    with django_assert_max_num_queries(8):
        response = expert_client.get(reverse("meetings:dashboard"))
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [10, 200])
def test_cochair_landing_queries_constant(cochair_client, cochair_user, year, rows, django_assert_max_num_queries):
    factories.make_entry(year, "South Sudan")
    for i in range(rows):
        meeting = factories.make_meeting(year, f"Situation {i}", date=D(2026, 1, 5) + datetime.timedelta(days=i % 300))
        note = make_note(meeting, status="in_review")
        make_summary(meeting)
        if i % 2:
            services.approve_note(
                note, by=cochair_user, now=timezone.now(), seen_fingerprint=services.note_fingerprint(note)
            )
    # session, user, groups, co-chair years; the agenda (year, co-chairs, entries, approvals); notes, their
    # sections, their approvals; summaries; steps
    with django_assert_max_num_queries(16):  # +1: the menu asks if the user is a Network focal point
        response = cochair_client.get(reverse("meetings:dashboard"))
    assert response.status_code == 200
