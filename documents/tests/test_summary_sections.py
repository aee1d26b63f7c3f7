"""The annex's sections and the letter's signatories on the summary's form: renamed with the text, moved up and
down, added and removed (confirmed) by the secretariat; co-chairs and experts cannot; a change meanwhile is
refused; approvals reset."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from documents import services
from documents.models import Summary, SummarySection
from documents.tests import factories as f
from meetings.tests import factories as mf

pytestmark = pytest.mark.django_db


@pytest.fixture
def summary(meeting):
    f.hold(meeting)
    return f.make_summary(meeting, introduction="Intro", closing="Thanks")


def _headings(summary):
    return [(s.heading, s.kind) for s in summary.sections.order_by("order", "pk")]


def _url(summary, section, action):
    return reverse("documents:summary_section", args=[summary.meeting_id, section.pk, action])


def test_sections_are_renamed_with_the_text(summary, secretariat_client):
    url = reverse("documents:summary_edit", args=[summary.meeting_id])
    data = f.summary_post(
        summary.version,
        ["Intro", "Points", "", "Thanks"],
        headings=["Introduction", "What was said", "Recommendations to the Council", ""],
    )
    assert secretariat_client.post(url, data).status_code == 302
    assert _headings(summary) == [
        ("Introduction", "text"),
        ("What was said", "text"),
        ("Recommendations to the Council", "recommendations"),
        ("", "text"),
    ]
    page = secretariat_client.get(reverse("documents:summary", args=[summary.meeting_id])).content.decode()
    assert page.index("What was said") < page.index("Recommendations to the Council")


def test_moving_a_section_up_and_down(summary, secretariat_client):
    recommendations = summary.sections.get(kind="recommendations")
    response = secretariat_client.post(_url(summary, recommendations, "up"), {"version": summary.version})
    assert response.status_code == 302
    assert [kind for _h, kind in _headings(summary)] == ["text", "recommendations", "text", "text"]
    summary.refresh_from_db()
    secretariat_client.post(_url(summary, recommendations, "down"), {"version": summary.version})
    assert [h for h, _kind in _headings(summary)] == ["", "Main points raised", "Recommendations", ""]


def test_the_first_section_cannot_move_up(summary, secretariat_client):
    first = summary.sections.order_by("order").first()
    response = secretariat_client.post(_url(summary, first, "up"), {"version": summary.version}, follow=True)
    assert "cannot move further" in response.content.decode()


def test_adding_and_removing_a_section_with_confirmation(summary, secretariat_client):
    add = reverse("documents:summary_section_add", args=[summary.meeting_id])
    secretariat_client.post(add, {"version": summary.version, "heading": "Briefers", "kind": "briefers"})
    assert _headings(summary)[-1] == ("Briefers", "briefers")
    summary.refresh_from_db()
    added = summary.sections.get(heading="Briefers")
    asked = secretariat_client.post(_url(summary, added, "delete"), {"version": summary.version})
    assert asked.status_code == 200 and "Remove the section “Briefers”?" in asked.content.decode()
    assert summary.sections.filter(pk=added.pk).exists()  # nothing removed before confirming
    secretariat_client.post(_url(summary, added, "delete"), {"version": summary.version, "confirm": "1"})
    assert not summary.sections.filter(pk=added.pk).exists()
    assert [s.order for s in summary.sections.order_by("order")] == [1, 2, 3, 4]


def test_a_bad_kind_is_refused_without_a_crash(summary, secretariat_client):
    add = reverse("documents:summary_section_add", args=[summary.meeting_id])
    response = secretariat_client.post(add, {"version": summary.version, "kind": "script"}, follow=True)
    assert response.status_code == 200 and "Choose a kind of section." in response.content.decode()
    assert summary.sections.count() == 4


def test_a_structure_change_on_a_stale_page_is_refused(summary, secretariat_client, secretariat_user):
    opened = summary.version
    fresh = Summary.objects.get(pk=summary.pk)
    fresh.title = "Changed by a colleague"
    services.save_summary(fresh, expected_version=opened, by=secretariat_user)
    first = summary.sections.order_by("order").last()
    response = secretariat_client.post(_url(summary, first, "up"), {"version": opened}, follow=True)
    assert "changed since you opened it" in response.content.decode()
    assert _headings(summary)[-1] == ("", "text")


def test_a_form_posted_after_sections_changed_is_refused_and_keeps_the_text(summary, secretariat_client):
    url = reverse("documents:summary_edit", args=[summary.meeting_id])
    opened = summary.version
    secretariat_client.post(
        reverse("documents:summary_section_add", args=[summary.meeting_id]),
        {"version": opened, "heading": "Annex", "kind": "text"},
    )
    response = secretariat_client.post(url, f.summary_post(opened, ["My intro", "", "", ""]))
    assert response.status_code == 200
    assert "My intro" in response.content.decode()
    assert summary.sections.order_by("order").first().body == "<p>Intro</p>"


def test_a_structure_change_resets_approvals(summary, cochair_user, secretariat_user):
    greek = mf.make_user("greek", delegation="Greece")
    for user in (cochair_user, greek):
        summary, _approval = services.approve_summary(summary, by=user, now=timezone.now())
    summary.refresh_from_db()
    assert summary.status == Summary.Status.APPROVED
    section = summary.sections.order_by("order").last()
    services.move_section(section, direction=-1, expected_version=summary.version, by=secretariat_user)
    summary.refresh_from_db()
    assert summary.status == Summary.Status.DRAFT and not summary.approvals.exists()


@pytest.mark.parametrize("who", ["cochair_client", "expert_client"])
def test_only_the_secretariat_changes_sections_and_signatories(summary, request, who):
    client = request.getfixturevalue(who)
    section = summary.sections.order_by("order").last()
    assert client.post(_url(summary, section, "up"), {"version": summary.version}).status_code == 403
    add = reverse("documents:summary_signatory_add", args=[summary.meeting_id])
    assert client.post(add, {"version": summary.version}).status_code == 403
    assert client.get(reverse("documents:summary_edit", args=[summary.meeting_id])).status_code == 403
    assert _headings(summary)[-1] == ("", "text")


def test_anonymous_is_sent_to_sign_in(summary, client):
    section = summary.sections.order_by("order").last()
    assert client.post(_url(summary, section, "up"), {"version": summary.version}).status_code == 302
    assert _headings(summary)[-1] == ("", "text")


def test_signatories_are_added_moved_and_removed_on_the_page(summary, secretariat_client):
    norway = mf.make_state("Norway")
    add = reverse("documents:summary_signatory_add", args=[summary.meeting_id])
    secretariat_client.post(add, {"version": summary.version, "member_state": norway.pk, "role": "other"})
    assert [s.member_state.name for s in summary.signatories.all()] == ["Denmark", "Greece", "Norway"]
    summary.refresh_from_db()
    assert "Denmark, together with Greece and Norway, has the honour" in summary.letter_body
    row = summary.signatories.get(member_state=norway)
    url = reverse("documents:summary_signatory", args=[summary.meeting_id, row.pk, "up"])
    secretariat_client.post(url, {"version": summary.version})
    assert [s.member_state.name for s in summary.signatories.all()] == ["Denmark", "Norway", "Greece"]
    summary.refresh_from_db()
    url = reverse("documents:summary_signatory", args=[summary.meeting_id, row.pk, "delete"])
    secretariat_client.post(url, {"version": summary.version})
    summary.refresh_from_db()
    assert [s.member_state.name for s in summary.signatories.all()] == ["Denmark", "Greece"]
    assert "Denmark and Greece, as Co-Chairs" in summary.letter_body


def test_a_signatory_as_cochair_that_is_not_one_is_refused_on_the_page(summary, secretariat_client):
    norway = mf.make_state("Norway")
    add = reverse("documents:summary_signatory_add", args=[summary.meeting_id])
    response = secretariat_client.post(
        add, {"version": summary.version, "member_state": norway.pk, "role": "co_chair"}, follow=True
    )
    assert "Norway does not co-chair 2026: it cannot sign as Co-Chair." in response.content.decode()
    assert summary.signatories.count() == 2


def test_the_letter_edited_by_hand_is_kept_until_reset_with_confirmation(summary, secretariat_client):
    url = reverse("documents:summary_edit", args=[summary.meeting_id])
    data = f.summary_post(summary.version, ["Intro", "Points", "", "Thanks"], letter_body="<p>Our own words.</p>")
    data["sections-2-heading"] = "Recommendations"
    assert secretariat_client.post(url, data).status_code == 302
    summary.refresh_from_db()
    assert summary.letter_body == "<p>Our own words.</p>" and summary.letter_body_edited
    reset = reverse("documents:summary_letter_reset", args=[summary.meeting_id])
    asked = secretariat_client.post(reset, {"version": summary.version})
    assert asked.status_code == 200 and "Replace the letter with the formula" in asked.content.decode()
    summary.refresh_from_db()
    assert summary.letter_body == "<p>Our own words.</p>"
    secretariat_client.post(reset, {"version": summary.version, "confirm": "1"})
    summary.refresh_from_db()
    assert summary.letter_body.startswith("<p>Denmark and Greece, as Co-Chairs") and not summary.letter_body_edited


def test_a_bad_job_number_is_refused_with_the_input_kept(summary, secretariat_client, cochair_user, secretariat_user):
    greek = mf.make_user("greek", delegation="Greece")
    for user in (cochair_user, greek):
        summary, _approval = services.approve_summary(summary, by=user, now=timezone.now())
    services.submit_summary(summary, by=secretariat_user, now=timezone.now())
    response = secretariat_client.post(
        reverse("documents:summary_issue", args=[summary.meeting_id]),
        {"symbol": "S/2026/901", "issue_date": "2026-12-28", "job_number": "2611410"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter a job number like 21-17311 (E)." in page and 'value="2611410"' in page


def test_sections_kinds_default_for_a_new_summary_are_kept_whatever_is_posted(meeting, secretariat_client):
    f.hold(meeting)
    data = f.summary_post("", ["", "", "", "", ""])
    del data["version"]
    data["sections-0-kind"] = "recommendations"  # a tampered post
    assert secretariat_client.post(reverse("documents:summary_edit", args=[meeting.pk]), data).status_code == 302
    kinds = list(SummarySection.objects.filter(summary__meeting=meeting).values_list("kind", flat=True))
    assert kinds == ["text", "text", "questions", "recommendations", "text"]


def test_the_group_s_name_is_set_on_the_year_and_enters_the_letter(summary, secretariat_client):
    year = summary.meeting.agenda_year
    data = {
        "year": year.year,
        "co_chairs": [s.pk for s in year.co_chairs.all()],
        "penholder": year.penholder_id,
        "group_name": "Informal Expert Group on Women, Peace and Security (test)",
        "notes": "",
        "version": year.version,
    }
    assert secretariat_client.post(reverse("meetings:year_edit", args=[year.year]), data).status_code == 302
    summary.refresh_from_db()
    reset = reverse("documents:summary_letter_reset", args=[summary.meeting_id])
    Summary.objects.filter(pk=summary.pk).update(letter_body_edited=True)
    secretariat_client.post(reset, {"version": summary.version, "confirm": "1"})
    summary.refresh_from_db()
    assert "as Co-Chairs of the Informal Expert Group on Women, Peace and Security (test)," in summary.letter_body


def test_a_new_summary_with_the_penholder_ticked_gets_its_formula_though_the_form_showed_the_cochairs(
    meeting, secretariat_client
):
    f.hold(meeting)
    url = reverse("documents:summary_edit", args=[meeting.pk])
    shown = secretariat_client.get(url).context["form"]["letter_body"].value()
    assert shown.startswith("<p>Denmark and Greece, as Co-Chairs")
    data = f.summary_post("", ["", "", "", "", ""], letter_body=shown, penholder_signs="on")
    del data["version"]
    assert secretariat_client.post(url, data).status_code == 302
    summary = Summary.objects.get(meeting=meeting)
    assert "in close cooperation with United Kingdom, as penholder" in summary.letter_body
    assert not summary.letter_body_edited


def test_saving_an_old_summary_s_form_unchanged_keeps_the_approvals(summary, secretariat_client, cochair_user):
    greek = mf.make_user("greek", delegation="Greece")
    for user in (cochair_user, greek):
        summary, _approval = services.approve_summary(summary, by=user, now=timezone.now())
    assert summary.letter_body == ""  # stored before letters were
    url = reverse("documents:summary_edit", args=[summary.meeting_id])
    page = secretariat_client.get(url).context
    data = f.summary_post(
        summary.version,
        [form["body"].value() for form in page["sections"].forms],
        headings=[form["heading"].value() for form in page["sections"].forms],
        title=summary.title,
        letter_date=summary.letter_date.isoformat(),
        letter_body=page["form"]["letter_body"].value(),
    )
    assert secretariat_client.post(url, data).status_code == 302
    summary.refresh_from_db()
    assert summary.status == Summary.Status.APPROVED and summary.approvals.count() == 2
