"""Editing pages, the documents list, the meeting panel, the public links, and query counts."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from documents import services
from documents.models import BackgroundNote, DownloadLog, Summary
from documents.note_texts import SectionText
from documents.querysets import public_documents_related
from documents.tests import factories as f
from meetings.models import Meeting
from meetings.tests.factories import make_meeting, make_user


def test_the_secretariat_starts_and_edits_a_note(secretariat_client, meeting):
    # No note yet: the note page leads to the form.
    response = secretariat_client.get(reverse("documents:note", args=[meeting.pk]))
    assert response.status_code == 302 and response.url == reverse("documents:note_edit", args=[meeting.pk])
    form = secretariat_client.get(reverse("documents:note_edit", args=[meeting.pk])).context["formset"]
    rows = [(None, SectionText(**row)) for row in form.initial]  # the defaults: the nine focus areas
    rows[0] = (None, SectionText(rows[0][1].heading, "Women hold 12% of seats.", focus_area="participation"))
    rows[8] = (None, SectionText(rows[8][1].heading, "<p>Rising <b>tension</b></p>", focus_area="early_warning"))
    response = secretariat_client.post(reverse("documents:note_edit", args=[meeting.pk]), f.section_post(rows))
    assert response.status_code == 302
    note = BackgroundNote.objects.get(meeting=meeting)
    bodies = {s.focus_area: s.body for s in note.sections}
    assert bodies["participation"] == "<p>Women hold 12% of seats.</p>"
    assert bodies["early_warning"] == "<p>Rising <b>tension</b></p>"
    page = secretariat_client.get(reverse("documents:note", args=[meeting.pk])).content.decode()
    assert "Women hold 12% of seats." in page and "Early-warning indicators" in page


def test_a_stale_note_edit_keeps_the_users_text(secretariat_client, meeting, secretariat_user):
    note = f.make_note(meeting)
    opened = note.version
    mine = f.note_post(note, version=opened, un_plans="My careful paragraph")
    services.save_note(
        note,
        sections=f.edit_areas(note, un_plans="Someone else's change"),
        expected_version=opened,
        by=secretariat_user,
    )
    response = secretariat_client.post(reverse("documents:note_edit", args=[meeting.pk]), mine)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this background note while you were editing it" in page
    assert "My careful paragraph" in page
    note.refresh_from_db()
    assert [s.body for s in note.sections if s.focus_area == "un_plans"] == ["<p>Someone else's change</p>"]


def test_invitation_choices_leave_out_council_members_and_invited_states(secretariat_client, meeting):
    from documents.forms import InvitationForm
    from meetings.tests.factories import make_state

    note = f.make_note(meeting)
    sweden, chile = make_state("Sweden"), make_state("Chile")
    url = reverse("documents:note_invite", args=[meeting.pk])
    response = secretariat_client.post(url, {"member_state": sweden.pk})
    assert response.status_code == 200 and "experts of Sweden can read" in response.content.decode()
    assert not note.invitations.exists()  # not confirmed: nothing changed
    response = secretariat_client.post(url, {"member_state": sweden.pk, "confirm": "1"})
    assert response.status_code == 302
    choices = {state.name for state in InvitationForm(note=note).fields["member_state"].queryset}
    assert chile.name in choices
    assert not choices & {"Sweden", "France", "Denmark", "Greece"}
    assert note.invitations.get().invited_by.username == "sec"


def test_note_workflow_buttons(secretariat_client, meeting):
    note = f.make_note(meeting)
    url = reverse("documents:note_action", args=[meeting.pk, "review"])
    secretariat_client.post(url)
    share = reverse("documents:note_action", args=[meeting.pk, "share"])
    response = secretariat_client.post(share)
    assert response.status_code == 200 and "What will happen" in response.content.decode()
    note.refresh_from_db()
    assert note.status == "in_review" and not note.shared_versions.exists()  # not confirmed: nothing changed
    secretariat_client.post(share, {"confirm": "1"})
    note.refresh_from_db()
    assert note.status == "shared"
    assert meeting.steps.get(key="background_note").state == "done"
    response = secretariat_client.post(share, follow=True)
    assert "Nothing changed since version 1 was shared" in response.content.decode()


def test_the_secretariat_drafts_the_summary_and_a_change_resets_approvals(secretariat_client, cochair_client, meeting):
    f.hold(meeting)
    form = secretariat_client.get(reverse("documents:summary_edit", args=[meeting.pk])).content.decode()
    # The Group's name is the year's (from 2017: "Women, Peace and Security").
    assert "Summary of the meeting of the Informal Expert Group on Women, Peace and Security on South Sudan" in form
    data = f.summary_post("", ["Intro", "Points", "", "", ""])
    del data["version"]
    assert secretariat_client.post(reverse("documents:summary_edit", args=[meeting.pk]), data).status_code == 302
    summary = Summary.objects.get(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SUMMARY_DRAFTED
    cochair_client.post(reverse("documents:summary_approve", args=[meeting.pk]), {"version": summary.version})
    assert summary.approvals.count() == 1
    response = secretariat_client.post(
        reverse("documents:summary_edit", args=[meeting.pk]),
        {**data, "version": summary.version, "sections-1-body": "Corrected points"},
        follow=True,
    )
    assert "approvals were reset" in response.content.decode()
    assert not summary.approvals.exists()


def test_issue_form_errors_keep_the_input(secretariat_client, meeting, cochair_user, secretariat_user):
    f.hold(meeting)
    summary = f.make_summary(meeting)
    greek = make_user("greek", delegation="Greece")
    for user in (cochair_user, greek):
        summary, _approval = services.approve_summary(summary, by=user, now=timezone.now())
    services.submit_summary(summary, by=secretariat_user, now=timezone.now())
    response = secretariat_client.post(
        reverse("documents:summary_issue", args=[meeting.pk]), {"symbol": "S/2025/77", "issue_date": "2026-12-28"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "S/2026/" in page and 'value="S/2025/77"' in page
    response = secretariat_client.post(
        reverse("documents:summary_issue", args=[meeting.pk]), {"symbol": "S/2026/77", "issue_date": "2026-12-28"}
    )
    assert response.status_code == 200 and "cannot be undone" in response.content.decode()
    summary.refresh_from_db()
    assert summary.status == "submitted"  # not confirmed: nothing changed
    response = secretariat_client.post(
        reverse("documents:summary_issue", args=[meeting.pk]),
        {"symbol": "S/2026/77", "issue_date": "2026-12-28", "confirm": "1"},
    )
    assert response.status_code == 302
    summary.refresh_from_db()
    assert summary.status == "issued"
    page = secretariat_client.get(reverse("documents:summary", args=[meeting.pk])).content.decode()
    assert "S/2026/77" in page and "Publish on the public site" in page
    # No representative is on record in this test: the page says whose signature blocks are blank.
    assert "No permanent representatives on record on 18 Dec 2026 for Denmark, Greece" in page


def test_meeting_page_shows_the_documents_panel(secretariat_client, expert_client, meeting, secretariat_user):
    page = secretariat_client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("documents:note_edit", args=[meeting.pk]) in page
    assert reverse("documents:attachment_upload", args=[meeting.pk]) in page
    note = f.make_note(meeting)
    page = expert_client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("documents:note", args=[meeting.pk]) not in page  # a draft: not for experts
    assert reverse("documents:attachment_upload", args=[meeting.pk]) not in page
    f.share(note, by=secretariat_user)
    page = expert_client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("documents:note", args=[meeting.pk]) in page


def test_documents_nav_and_list(expert_client, secretariat_client, meeting, secretariat_user, year):
    note = f.make_note(meeting)
    other = f.make_note(make_meeting(year, "Mali", date=datetime.date(2026, 5, 5)))
    f.share(other, by=secretariat_user)
    page = expert_client.get(reverse("documents:index")).content.decode()
    assert reverse("documents:index") in page
    assert reverse("documents:note", args=[other.meeting_id]) in page
    assert reverse("documents:note", args=[note.meeting_id]) not in page
    page = secretariat_client.get(reverse("documents:index")).content.decode()
    assert reverse("documents:note", args=[note.meeting_id]) in page
    f.make_summary(other.meeting, title="Summary of the meeting on Mali", status="approved")
    page = expert_client.get(reverse("documents:index")).content.decode()
    assert "Summary of the meeting on Mali" in page


def test_public_documents_tag_shows_published_material_only(meeting, secretariat_user, cochair_user):
    template = Template("{% load documents_tags %}{% public_documents meeting %}")
    f.hold(meeting)
    summary = f.make_summary(meeting)
    note = f.make_note(meeting)
    from django.core.files.uploadedfile import SimpleUploadedFile

    from documents import uploads

    attachment = services.add_attachment(
        meeting,
        title="Programme",
        upload=SimpleUploadedFile("p.pdf", b"%PDF-1.4 x"),
        kind=uploads.PDF,
        by=secretariat_user,
        now=timezone.now(),
    )
    assert template.render(Context({"meeting": meeting})).strip() == ""
    greek = make_user("greek", delegation="Greece")
    f.issue(summary, approvers=[cochair_user, greek], by=secretariat_user, publish=True)
    note = f.share(note, by=secretariat_user)
    services.publish_note(note, by=secretariat_user)
    meeting = public_documents_related(Meeting.objects.filter(pk=meeting.pk)).get()
    html = template.render(Context({"meeting": meeting}))
    assert reverse("documents:public_summary_pdf", args=[meeting.pk]) in html
    assert reverse("documents:public_note_pdf", args=[meeting.pk]) in html
    assert reverse("documents:public_attachment", args=[attachment.pk]) in html
    assert "S/2026/900" in html


# Query counts: the same bound with 10 and 200 rows.


@pytest.mark.parametrize("rows", [10, 200])
def test_documents_list_queries(rows, expert_client, year, secretariat_user, django_assert_max_num_queries):
    meetings = [
        Meeting(agenda_year=year, kind="thematic", theme=f"Theme {i}", date=datetime.date(2026, 1, 1))
        for i in range(rows)
    ]
    Meeting.objects.bulk_create(meetings)
    BackgroundNote.objects.bulk_create(
        BackgroundNote(meeting=m, status="shared", shared_at=timezone.now()) for m in Meeting.objects.all()
    )
    # session, user, secretariat group, co-chair years, council years, the header's delegation, count, page
    with django_assert_max_num_queries(9):  # +1: the menu asks if the user is a Network focal point
        response = expert_client.get(reverse("documents:index"))
    assert response.status_code == 200
    assert response.content.decode().count('href="/documents/meetings/') == min(rows, 50)


@pytest.mark.parametrize("rows", [10, 200])
def test_note_page_queries(rows, secretariat_client, meeting, expert_user, django_assert_max_num_queries):
    note = f.make_note(meeting)
    f.make_recommendations(meeting, [f"Recommendation {i}" for i in range(rows)])
    DownloadLog.objects.bulk_create(
        DownloadLog(note=note, user=expert_user, downloaded_at=timezone.now(), ip="192.0.2.1") for _ in range(rows)
    )
    # ... plus the co-chairs' approval panel (co-chairs, current approvals, the co-chairs offered in the form to
    # record an approval received by email) and the review comments: four more, whatever the rows.
    with django_assert_max_num_queries(16):
        response = secretariat_client.get(reverse("documents:note", args=[meeting.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("192.0.2.1") == min(rows, 20)


@pytest.mark.parametrize("rows", [10, 200])
def test_summary_page_queries(rows, cochair_client, meeting, django_assert_max_num_queries):
    summary = f.make_summary(meeting)
    f.make_recommendations(meeting, [f"Recommendation {i}" for i in range(rows)])
    # session, user, groups; the summary (meeting, year, country); approvals; co-chairs; the signatories (states,
    # chosen representatives) and the representatives in office; the sections; the recommendation groups and
    # the recommendations; the year's co-chairs once more (compose checks each signatory's role): the same whatever
    # the rows.
    with django_assert_max_num_queries(15):  # +1: the menu asks if the user is a Network focal point
        response = cochair_client.get(reverse("documents:summary", args=[summary.meeting_id]))
    assert response.status_code == 200
    assert f"Recommendation {rows - 1}" in response.content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_meeting_panel_queries(rows, rf, secretariat_user, meeting, django_assert_max_num_queries):
    from documents.models import Attachment

    Attachment.objects.bulk_create(
        Attachment(
            meeting=meeting,
            title=f"File {i}",
            file=f"attachments/{meeting.pk}/x{i}.pdf",
            original_name="x.pdf",
            content_type="application/pdf",
            size=10,
            uploaded_at=timezone.now(),
        )
        for i in range(rows)
    )
    request = rf.get("/")
    request.user = secretariat_user
    meeting = Meeting.objects.select_related("agenda_year").get(pk=meeting.pk)
    template = Template("{% load documents_tags %}{% meeting_documents meeting %}")
    # secretariat group, note, summary, attachments
    with django_assert_max_num_queries(4):
        html = template.render(Context({"meeting": meeting, "request": request}))
    assert html.count("/documents/attachments/") == 2 * rows  # download and delete links


@pytest.mark.parametrize("rows", [10, 200])
def test_note_downloads_page_queries(rows, secretariat_client, meeting, django_assert_max_num_queries):
    note = f.make_note(meeting)
    readers = [make_user(f"reader{i}", delegation=name) for i, name in enumerate(("France", "Ireland", "Chile"))]
    DownloadLog.objects.bulk_create(
        DownloadLog(note=note, user=readers[i % 3], downloaded_at=timezone.now(), ip="192.0.2.1") for i in range(rows)
    )
    # session, user, secretariat group; the note (meeting, year, country); count; the page of downloads (their
    # users and delegations joined)
    with django_assert_max_num_queries(6):
        response = secretariat_client.get(reverse("documents:note_downloads", args=[meeting.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("192.0.2.1") == min(rows, 50)


@pytest.mark.parametrize("rows", [10, 200])
def test_note_history_queries(rows, secretariat_client, secretariat_user, meeting, django_assert_max_num_queries):
    note = f.make_note(meeting)
    section = note.section_rows.get(focus_area="participation")
    for i in range(rows):
        section._history_user = secretariat_user
        section.body = f"<p>Participation {i}</p>"
        section.save()
    # session, user, secretariat group; the note (meeting, year, country); its history, its sections' and its
    # invitations', with who changed them; the note's label (its meeting, the meeting's country); its approvals'
    # history (a section's label is its heading: no query)
    with django_assert_max_num_queries(10):
        response = secretariat_client.get(reverse("documents:note_history", args=[meeting.pk]))
    assert response.status_code == 200
    assert f"Participation {rows - 1}" in response.content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_note_history_queries_as_invitations_grow(
    rows, secretariat_client, secretariat_user, meeting, django_assert_max_num_queries
):
    from countries.models import MemberState
    from documents.models import NoteInvitation

    note = f.make_note(meeting)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for i in range(rows):  # create(), not bulk_create(): each invitation a history record
        state = MemberState.objects.create(name=f"State {i}", iso3="Z" + letters[i // 26] + letters[i % 26])
        NoteInvitation.objects.create(
            note=note, member_state=state, invited_by=secretariat_user, invited_at=timezone.now()
        )
    # as above, and what the invitations' names read, once for all of them: states, note, meeting, country
    with django_assert_max_num_queries(14):
        response = secretariat_client.get(reverse("documents:note_history", args=[meeting.pk]))
    assert response.status_code == 200
    assert f"State {rows - 1}" in response.content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_summary_history_queries(rows, secretariat_client, secretariat_user, meeting, django_assert_max_num_queries):
    summary = f.make_summary(meeting)
    for i in range(rows):
        summary._history_user = secretariat_user
        summary.title = f"Point {i}"
        summary.save()
        summary.sections.create(order=10 + i, heading=f"Section {i}")
    # session, user, secretariat group; the summary (meeting, year, country); its history and its approvals',
    # sections' and signatories', with who changed them; each model's labels (the summary, its meeting, the
    # meeting's country; the signatories' states): the same whatever the rows.
    with django_assert_max_num_queries(17):
        response = secretariat_client.get(reverse("documents:summary_history", args=[meeting.pk]))
    assert response.status_code == 200
    assert f"Point {rows - 1}" in response.content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_form_pages_queries(rows, secretariat_client, meeting, django_assert_max_num_queries):
    from documents.models import Attachment

    # What the forms show or offer: the meeting's recommendations and files.
    f.make_note(meeting)
    f.make_summary(meeting)
    f.make_recommendations(meeting, [f"Recommendation {i}" for i in range(rows)])
    Attachment.objects.bulk_create(
        Attachment(
            meeting=meeting,
            title=f"File {i}",
            file=f"attachments/{meeting.pk}/x{i}.pdf",
            original_name="x.pdf",
            content_type="application/pdf",
            size=10,
            uploaded_at=timezone.now(),
        )
        for i in range(rows)
    )
    attachment = meeting.attachments.first()
    # session, user, secretariat group; the meeting (year, country) or the file; the note or the summary
    pages = {
        reverse("documents:note_edit", args=[meeting.pk]): 6,  # and the note's sections
        # ... plus its sections, signatories, representatives in office, approvals, the states and
        # representatives offered to add a signatory, and (a letter never written: an old summary) the formula's
        # signatories, the year's co-chairs and penholder.
        reverse("documents:summary_edit", args=[meeting.pk]): 16,
        reverse("documents:attachment_upload", args=[meeting.pk]): 4,
        reverse("documents:attachment_delete", args=[attachment.pk]): 4,
    }
    for url, bound in pages.items():
        with django_assert_max_num_queries(bound):
            response = secretariat_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("text", ["", "   ", "<p> </p>", "<p><br></p>"])
def test_a_blank_note_is_refused_with_a_message(secretariat_client, meeting, text):
    rows = [(None, s) for s in f.focus_sections(participation=text or " ", un_plans=text or " ")]
    response = secretariat_client.post(reverse("documents:note_edit", args=[meeting.pk]), f.section_post(rows))
    assert response.status_code == 200
    assert not BackgroundNote.objects.exists()
    page = response.content.decode()
    assert "Write at least one section: an empty background note is not saved." in page
    assert "<title>Error: " in page
