"""A meeting's recommendations in groups, as the documents print them: managing the groups, choosing a
recommendation's group (within its meeting only), and the letters every app page shows (from lettering)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meetings.tests import factories as mf
from recommendations.lettering import labelled_groups, labelled_groups_of, labels
from recommendations.models import Recommendation, RecommendationGroup
from recommendations.services import changes
from recommendations.tests import factories as f

D = datetime.date
S = Recommendation.Status
BULLETS = RecommendationGroup.Numbering.BULLETS


def _outcomes(meeting):
    return reverse("recommendations:meeting", args=[meeting.pk])


def _groups_page(meeting):
    return reverse("recommendations:groups", args=[meeting.pk])


def _shown_labels(body: str) -> dict[str, str]:
    """Text of each recommendation on an app page → the label printed before it ("" for a bullet)."""
    found = {}
    for label, text in re.findall(
        r'<span class="rec-list__letter">(.*?)</span>(?:</span>)?\s*<div>\s*'
        r'<p class="rec-list__text">(.*?)(?:<sup>|</p>)',
        body,
        flags=re.S,
    ):
        found[text.strip()] = "" if "aria-hidden" in label else label.strip()
    return found


def _document_labels(meeting) -> dict[str, str]:
    return {rec.text: label for group in labelled_groups(meeting) for label, rec in group.items}


@pytest.fixture
def grouped(meeting):
    """Three groups: bullets (two), lettered (three, one withdrawn), lettered (two); one recommendation in none."""
    intro = f.make_group(meeting, heading="The briefers suggested", numbering=BULLETS)
    council = f.make_group(meeting, heading="To the Security Council", lead_in="The Council could:")
    members = f.make_group(meeting, heading="To Council members")
    recs = {
        "b1": f.make_recommendation(meeting, "Bullet one", group=intro, status=S.PRESENTED),
        "loose": f.make_recommendation(meeting, "In no group", status=S.PRESENTED),
        "c1": f.make_recommendation(meeting, "Council one", group=council, status=S.PRESENTED),
        "gone": f.make_recommendation(meeting, "Council withdrawn", group=council, status=S.WITHDRAWN),
        "c2": f.make_recommendation(meeting, "Council two", group=council, status=S.PRESENTED),
        "c3": f.make_recommendation(meeting, "Council three", group=council, status=S.PRESENTED),
        "m1": f.make_recommendation(meeting, "Members one", group=members, status=S.PRESENTED),
        "m2": f.make_recommendation(meeting, "Members two", group=members, status=S.PRESENTED),
    }
    return {"intro": intro, "council": council, "members": members, **recs}


# --- Lettering --------------------------------------------------------------------------------------------------


def test_letters_restart_per_lettered_group_bullets_unlabelled_withdrawn_unlettered(grouped, meeting):
    groups = labelled_groups(meeting)
    assert [g.heading for g in groups] == ["The briefers suggested", "To the Security Council", "To Council members"]
    assert [[(label, rec.text) for label, rec in g.items] for g in groups] == [
        [("", "Bullet one"), ("", "In no group")],  # ungrouped: the first group (here bullets)
        [("(a)", "Council one"), ("(b)", "Council two"), ("(c)", "Council three")],  # withdrawn: no letter
        [("(a)", "Members one"), ("(b)", "Members two")],
    ]
    assert groups[1].lead_in == "The Council could:"


def test_a_meeting_without_groups_prints_one_lettered_list(meeting):
    f.make_recommendation(meeting, "One")
    f.make_recommendation(meeting, "Two", status=S.WITHDRAWN)
    f.make_recommendation(meeting, "Three")
    (only,) = labelled_groups(meeting)
    assert only.group is None and only.lettered
    assert [(label, rec.text) for label, rec in only.items] == [("(a)", "One"), ("(b)", "Three")]


def test_several_meetings_letter_as_each_alone_in_two_queries(grouped, meeting, year, django_assert_num_queries):
    other = mf.make_meeting(year, "Haiti", date=D(2026, 11, 5))
    f.make_recommendation(other, "Haiti one")
    empty = mf.make_meeting(year, "Mali", date=D(2026, 11, 6))
    with django_assert_num_queries(2):  # the groups, the recommendations
        together = labelled_groups_of([meeting.pk, other.pk, empty.pk])
    for m in (meeting, other, empty):
        alone = labelled_groups(m)
        assert [(g.heading, [(lbl, r.pk) for lbl, r in g.items]) for g in together[m.pk]] == [
            (g.heading, [(lbl, r.pk) for lbl, r in g.items]) for g in alone
        ]
    assert labels(together[other.pk]) == {other.recommendations.get().pk: "(a)"}


# --- A group of the recommendation's own meeting only -------------------------------------------------------------


def test_a_recommendation_cannot_join_another_meetings_group(grouped, meeting, year):
    other = mf.make_meeting(year, "Haiti", date=D(2026, 11, 5))
    foreign = f.make_group(other, heading="Haiti's group")
    with pytest.raises(ValidationError) as raised:
        f.make_recommendation(meeting, "Sneaked in", group=foreign)
    assert "this meeting's groups" in str(raised.value)
    rec = grouped["c1"]
    rec.group = foreign
    with pytest.raises(ValidationError):
        rec.full_clean()
    with pytest.raises(ValidationError):
        changes.save_edit(rec, expected_version=None, by=None)
    rec.refresh_from_db()
    assert rec.group == grouped["council"]


def test_the_form_offers_only_the_meetings_groups_and_refuses_another_with_a_message(
    secretariat_client, grouped, meeting, year
):
    other = mf.make_meeting(year, "Haiti", date=D(2026, 11, 5))
    foreign = f.make_group(other, heading="Haiti's group")
    url = reverse("recommendations:edit", args=[grouped["c1"].pk])
    form = secretariat_client.get(url).context["form"]
    assert list(form.fields["group"].queryset) == [grouped["intro"], grouped["council"], grouped["members"]]
    data = {
        "text": "Council one, revised",
        "group": foreign.pk,
        "source": "background_note",
        "addressee": "security_council",
        "action_type": "other",
        "order": grouped["c1"].order,
        "version": grouped["c1"].version,
    }
    response = secretariat_client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Choose one of this meeting&#x27;s groups of recommendations." in body
    assert "Council one, revised" in body  # the input is kept
    grouped["c1"].refresh_from_db()
    assert (grouped["c1"].text, grouped["c1"].group) == ("Council one", grouped["council"])


def test_choosing_a_group_in_the_form_moves_the_recommendation_and_its_letter(
    secretariat_client, secretariat_user, grouped, meeting
):
    rec = grouped["loose"]
    data = {
        "text": rec.text,
        "group": grouped["members"].pk,
        "source": rec.source,
        "addressee": rec.addressee,
        "action_type": rec.action_type,
        "order": rec.order,
        "version": rec.version,
    }
    response = secretariat_client.post(reverse("recommendations:edit", args=[rec.pk]), data)
    assert response.status_code == 302
    assert _document_labels(meeting)["In no group"] == "(a)"  # now first of "To Council members" by order
    assert rec.history.latest().history_user == secretariat_user


def test_adding_a_recommendation_says_its_letter_in_its_group(secretariat_client, grouped, meeting):
    data = {
        "text": "Council four",
        "group": grouped["council"].pk,
        "source": "background_note",
        "addressee": "security_council",
        "action_type": "other",
    }
    response = secretariat_client.post(reverse("recommendations:add", args=[meeting.pk]), data, follow=True)
    assert "Recommendation (d) added." in response.content.decode()


# --- Managing the groups ------------------------------------------------------------------------------------------


def test_add_and_edit_a_group(secretariat_client, secretariat_user, meeting):
    add = reverse("recommendations:group_add", args=[meeting.pk])
    response = secretariat_client.post(add, {"heading": "  To the Council ", "lead_in": "", "numbering": "lettered"})
    assert response.status_code == 302 and response["Location"] == _groups_page(meeting)
    group = meeting.recommendation_groups.get()
    assert (group.heading, group.order, group.numbering) == ("To the Council", 1, "lettered")
    assert group.history.get().history_user == secretariat_user
    edit = reverse("recommendations:group_edit", args=[meeting.pk, group.pk])
    data = {"heading": "Recommendations", "lead_in": "The IEG suggested:", "numbering": "bullets"}
    assert secretariat_client.post(edit, {**data, "version": group.version}).status_code == 302
    group.refresh_from_db()
    assert (group.heading, group.lead_in, group.numbering, group.version) == (
        "Recommendations",
        "The IEG suggested:",
        "bullets",
        2,
    )
    assert group.history.latest().history_user == secretariat_user


def test_bad_numbering_is_refused_with_a_message_and_the_input_kept(secretariat_client, meeting):
    add = reverse("recommendations:group_add", args=[meeting.pk])
    response = secretariat_client.post(add, {"heading": "My heading", "numbering": "roman"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "“roman” is not a numbering" in body
    assert 'value="My heading"' in body
    assert not RecommendationGroup.objects.exists()


def test_a_stale_group_edit_is_refused(secretariat_client, colleague_client, meeting):
    group = f.make_group(meeting, heading="Original")
    edit = reverse("recommendations:group_edit", args=[meeting.pk, group.pk])
    opened = group.version
    colleague_client.post(edit, {"heading": "Theirs", "numbering": "lettered", "version": opened})
    response = secretariat_client.post(edit, {"heading": "Mine", "numbering": "lettered", "version": opened})
    assert response.status_code == 200
    assert "Someone else saved this group of recommendations" in response.content.decode()
    group.refresh_from_db()
    assert group.heading == "Theirs"


def test_reorder_groups_up_and_down(secretariat_client, secretariat_user, grouped, meeting):
    intro, council, members = grouped["intro"], grouped["council"], grouped["members"]
    up = reverse("recommendations:group_up", args=[meeting.pk, members.pk])
    assert secretariat_client.post(up).status_code == 302
    assert list(meeting.recommendation_groups.order_by("order")) == [intro, members, council]
    members.refresh_from_db()
    assert members.history.latest().history_user == secretariat_user
    down = reverse("recommendations:group_down", args=[meeting.pk, intro.pk])
    secretariat_client.post(down)
    assert list(meeting.recommendation_groups.order_by("order")) == [members, intro, council]
    # The first group now is "To Council members": the ungrouped recommendation is lettered there, by its order.
    assert _document_labels(meeting)["In no group"] == "(a)"
    assert _document_labels(meeting)["Members one"] == "(b)"
    # Already first: nothing moves, and the page says so.
    response = secretariat_client.post(reverse("recommendations:group_up", args=[meeting.pk, members.pk]), follow=True)
    assert "is already where it can go" in response.content.decode()
    assert [g.order for g in meeting.recommendation_groups.order_by("order")] == [1, 2, 3]


def test_moving_is_only_by_post_and_only_for_the_secretariat(
    client, expert_client, secretariat_client, grouped, meeting
):
    up = reverse("recommendations:group_up", args=[meeting.pk, grouped["members"].pk])
    assert secretariat_client.get(up).status_code == 405
    assert expert_client.post(up).status_code == 403
    assert client.post(up).status_code == 302  # to the sign-in page
    assert grouped["members"].order == RecommendationGroup.objects.get(pk=grouped["members"].pk).order


def test_delete_a_group_asks_first_then_returns_its_recommendations_to_the_first_group(
    secretariat_client, secretariat_user, grouped, meeting
):
    council = grouped["council"]
    url = reverse("recommendations:group_delete", args=[meeting.pk, council.pk])
    page = secretariat_client.post(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Delete the group “To the Security Council”?" in body
    assert "move to the first group, “The briefers suggested”" in body
    assert RecommendationGroup.objects.filter(pk=council.pk).exists()
    response = secretariat_client.post(url, {"confirm": "1"})
    assert response.status_code == 302
    assert not RecommendationGroup.objects.filter(pk=council.pk).exists()
    moved = Recommendation.objects.get(pk=grouped["c1"].pk)
    assert moved.group == grouped["intro"]
    assert moved.history.latest().history_user == secretariat_user
    assert [g.order for g in meeting.recommendation_groups.order_by("order")] == [1, 2]
    assert RecommendationGroup.history.filter(id=council.pk, history_type="-").get().history_user == secretariat_user


def test_deleting_the_first_group_moves_its_recommendations_to_the_next(grouped, meeting):
    changes.delete_group(grouped["intro"], by=None)
    assert Recommendation.objects.get(pk=grouped["b1"].pk).group == grouped["council"]
    assert _document_labels(meeting)["Bullet one"] == "(a)"


def test_deleting_the_last_group_leaves_one_lettered_list(meeting):
    group = f.make_group(meeting, numbering=BULLETS)
    rec = f.make_recommendation(meeting, "Alone", group=group)
    assert changes.delete_group(group, by=None) is None
    rec.refresh_from_db()
    assert rec.group is None
    assert _document_labels(meeting) == {"Alone": "(a)"}


def test_group_pages_are_the_secretariats(expert_client, cochair_client, grouped, meeting):
    for url in (_groups_page(meeting), reverse("recommendations:group_add", args=[meeting.pk])):
        assert expert_client.get(url).status_code == 403
        assert cochair_client.get(url).status_code == 403
    delete = reverse("recommendations:group_delete", args=[meeting.pk, grouped["council"].pk])
    assert cochair_client.post(delete, {"confirm": "1"}).status_code == 403
    assert RecommendationGroup.objects.filter(pk=grouped["council"].pk).exists()


def test_a_group_of_another_meeting_is_not_found_under_this_one(secretariat_client, meeting, year):
    other = mf.make_meeting(year, "Haiti", date=D(2026, 11, 5))
    foreign = f.make_group(other)
    assert (
        secretariat_client.get(reverse("recommendations:group_edit", args=[meeting.pk, foreign.pk])).status_code == 404
    )
    delete = reverse("recommendations:group_delete", args=[meeting.pk, foreign.pk])
    assert secretariat_client.post(delete, {"confirm": "1"}).status_code == 404


# --- The app's pages show the documents' letters ------------------------------------------------------------------


def test_app_pages_show_the_labels_of_labelled_groups(secretariat_client, grouped, meeting):
    expected = _document_labels(meeting)
    for url in (_outcomes(meeting), reverse("meetings:detail", args=[meeting.pk])):
        body = secretariat_client.get(url).content.decode()
        shown = _shown_labels(body)
        assert {text: shown[text] for text in expected} == expected
        for heading in ("The briefers suggested", "To the Security Council", "To Council members"):
            assert f'<h3 class="rec-group__heading">{heading}</h3>' in body
        assert "The Council could:" in body
        assert shown["Council withdrawn"] == ""  # listed as withdrawn, with no letter
    groups_body = secretariat_client.get(_groups_page(meeting)).content.decode()
    assert "(c)</span> <a" in groups_body


def test_the_recommendation_page_names_its_letter_and_group(secretariat_client, grouped, meeting):
    meeting.symbol = "S/2026/123"
    meeting.save()
    body = secretariat_client.get(grouped["c2"].get_absolute_url()).content.decode()
    assert "Recommendation (b), South Sudan" in body
    assert "(b) of S/2026/123" in body and "To the Security Council" in body
    assert "An unnumbered bullet" in secretariat_client.get(grouped["b1"].get_absolute_url()).content.decode()
    withdrawn = secretariat_client.get(grouped["gone"].get_absolute_url()).content.decode()
    assert "withdrawn recommendations take no letter" in withdrawn


def test_the_follow_up_review_shows_the_earlier_meetings_letters(secretariat_client, grouped, meeting):
    follow_up = f.make_follow_up(meeting, date=D(2027, 6, 10))
    body = secretariat_client.get(reverse("recommendations:review", args=[follow_up.pk])).content.decode()
    assert "Recommendation (c) ·" in body  # Council three
    panel = secretariat_client.get(reverse("meetings:detail", args=[follow_up.pk])).content.decode()
    assert "Recommendation (b):" in panel


def test_an_expert_sees_the_documents_letters_and_never_a_proposed_recommendation(
    expert_client, secretariat_client, meeting
):
    """The note is not shared: a proposed recommendation is a draft for Council experts. They see the others with
    the letters the document gives them, gaps and all; a group with only drafts is not shown at all."""
    council = f.make_group(meeting, heading="To the Council")
    drafts = f.make_group(meeting, heading="Draft ideas", numbering=BULLETS)
    f.make_recommendation(meeting, "Presented first", group=council, status=S.PRESENTED)
    f.make_recommendation(meeting, "Still proposed", group=council)
    f.make_recommendation(meeting, "Presented third", group=council, status=S.PRESENTED)
    f.make_recommendation(meeting, "Only a draft", group=drafts)
    for url in (_outcomes(meeting), reverse("meetings:detail", args=[meeting.pk])):
        body = expert_client.get(url).content.decode()
        assert _shown_labels(body) == {"Presented first": "(a)", "Presented third": "(c)"}
        assert "Still proposed" not in body and "Only a draft" not in body and "Draft ideas" not in body
        secretariat = _shown_labels(secretariat_client.get(url).content.decode())
        assert secretariat == {
            "Presented first": "(a)",
            "Still proposed": "(b)",
            "Presented third": "(c)",
            "Only a draft": "",
        }


@pytest.mark.parametrize("rows", [10, 200])
def test_grouped_pages_query_count_is_constant(secretariat_client, meeting, rows, django_assert_max_num_queries):
    groups = [f.make_group(meeting, heading=f"Group {i}", numbering=BULLETS if i % 2 else "lettered") for i in range(5)]
    Recommendation.objects.bulk_create(
        Recommendation(meeting=meeting, order=i + 1, text=f"Grouped {i}", group=groups[i % 5]) for i in range(rows)
    )
    # session, user, groups (secretariat), meeting; briefers, questions, goals, recommendations; lettering's two
    with django_assert_max_num_queries(10):
        response = secretariat_client.get(_outcomes(meeting))
    assert response.content.decode().count('<p class="rec-list__text">Grouped ') == rows
    with django_assert_max_num_queries(10):
        response = secretariat_client.get(_groups_page(meeting))
    assert response.content.decode().count("Grouped ") == rows
    rec = meeting.recommendations.last()
    # session, user, groups, recommendation (joined), lettering's two, changes, reviews
    with django_assert_max_num_queries(8):
        assert secretariat_client.get(rec.get_absolute_url()).status_code == 200
    # session, user, groups, recommendation, missions, owners, the meeting's groups (read, then offered)
    with django_assert_max_num_queries(8):
        assert secretariat_client.get(reverse("recommendations:edit", args=[rec.pk])).status_code == 200
