"""The tracker: every visible recommendation across years and countries, filtered, searched and paginated."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting
from meetings.tests import factories as mf
from recommendations.models import Recommendation
from recommendations.tests import factories as f

URL = reverse("recommendations:tracker")
S = Recommendation.Status
R = Recommendation


@pytest.fixture
def spread(year, other_year):
    """Recommendations across two years, three countries, a thematic meeting and two missions."""
    unmiss = f.make_mission("UNMISS", "South Sudan")
    binuh = f.make_mission("BINUH", "Haiti")
    ss = mf.make_meeting(year, "South Sudan", date=datetime.date(2026, 3, 10))
    haiti = mf.make_meeting(year, "Haiti", date=datetime.date(2026, 5, 10))
    mali = mf.make_meeting(other_year, "Mali", date=datetime.date(2019, 4, 2))
    thematic = mf.make_meeting(
        year, None, kind=Meeting.Kind.THEMATIC, date=datetime.date(2026, 11, 16), source_note="Suggestions of UN."
    )
    return {
        "ss_mandate": f.make_recommendation(
            ss,
            "Strengthen UNMISS mandate language on women's participation",
            target_mission=unmiss,
            action_type=R.ActionType.MANDATE_LANGUAGE,
            status=S.UNDER_CONSIDERATION,
        ),
        "ss_letter": f.make_recommendation(
            ss,
            "Send a letter to the host government on the national action plan",
            addressee=R.Addressee.HOST_GOVERNMENT,
            action_type=R.ActionType.LETTER_DEMARCHE,
            status=S.NOT_TAKEN_UP,
        ),
        "haiti": f.make_recommendation(
            haiti,
            "Renew BINUH with gender-responsive conflict analysis",
            target_mission=binuh,
            action_type=R.ActionType.MANDATE_LANGUAGE,
            status=S.ACTED_ON,
        ),
        "mali": f.make_recommendation(mali, "Raise women's participation in the Mali peace agreement monitoring"),
        "thematic": f.make_recommendation(
            thematic, "Fund women protection advisers from assessed budgets", addressee=R.Addressee.UN_ENTITIES
        ),
    }


def _texts(response) -> set[str]:
    return {rec.text for rec in response.context["page"].object_list}


def test_secretariat_sees_everything_newest_meeting_first(secretariat_client, spread):
    response = secretariat_client.get(URL)
    assert response.status_code == 200
    assert [r.pk for r in response.context["page"].object_list] == [
        spread["thematic"].pk,
        spread["haiti"].pk,
        spread["ss_mandate"].pk,
        spread["ss_letter"].pk,
        spread["mali"].pk,
    ]


def test_council_expert_sees_only_years_on_the_council(expert_client, spread):
    # France sits on the Council in 2026 and 2019 in the fixtures; proposed (draft) ones stay hidden.
    shown = _texts(expert_client.get(URL))
    assert shown == {rec.text for rec in spread.values() if rec.status != "proposed"}


def test_cochair_sees_only_their_year(cochair_client, spread):
    assert spread["mali"].text not in _texts(cochair_client.get(URL))
    assert len(_texts(cochair_client.get(URL))) == 4


def test_nonmember_sees_nothing_and_is_told_why(nonmember_client, spread):
    response = nonmember_client.get(URL)
    assert response.status_code == 200
    assert _texts(response) == set()
    assert "once the secretariat records them" in response.content.decode()


def test_anonymous_is_sent_to_sign_in(client):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"year": "2019"}, {"mali"}),
        ({"status": "acted_on"}, {"haiti"}),
        ({"action_type": "mandate_language"}, {"ss_mandate", "haiti"}),
        ({"addressee": "host_government"}, {"ss_letter"}),
        ({"q": "unmiss WOMEN"}, {"ss_mandate"}),
        ({"q": "women participation"}, {"ss_mandate", "mali"}),
        ({"year": "2026", "action_type": "mandate_language", "status": "under_consideration"}, {"ss_mandate"}),
    ],
)
def test_filters(secretariat_client, spread, params, expected):
    assert _texts(secretariat_client.get(URL, params)) == {spread[key].text for key in expected}


def test_country_and_mission_filters(secretariat_client, spread):
    haiti = spread["haiti"].meeting.situation
    assert _texts(secretariat_client.get(URL, {"country": haiti.pk})) == {spread["haiti"].text}
    unmiss = spread["ss_mandate"].target_mission
    assert _texts(secretariat_client.get(URL, {"mission": unmiss.pk})) == {spread["ss_mandate"].text}


@pytest.mark.parametrize(
    "params", [{"status": "adopted"}, {"year": "1999"}, {"country": "999999"}, {"action_type": "invade"}]
)
def test_bad_filter_is_reported_kept_and_not_applied(secretariat_client, spread, params):
    response = secretariat_client.get(URL, {**params, "q": "participation"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "this filter was not applied" in body
    assert "Some filters were not understood" in body
    assert 'value="participation"' in body  # what the user typed is kept
    assert _texts(response) == {spread["ss_mandate"].text, spread["mali"].text}  # the valid filter still applies


def test_empty_result_says_what_to_do(secretariat_client, spread):
    response = secretariat_client.get(URL, {"q": "zebra"})
    assert "No recommendation matches these filters." in response.content.decode()


def test_thematic_source_note_is_a_numbered_footnote(secretariat_client, spread):
    body = secretariat_client.get(URL).content.decode()
    assert '<li id="note-1">Suggestions of UN.</li>' in body
    assert 'href="#note-1"' in body


def test_pagination_keeps_filters(secretariat_client, meeting):
    f.bulk_recommendations([meeting], 120)
    response = secretariat_client.get(URL, {"q": "Bulk", "page": "3"})
    assert response.context["page"].number == 3
    assert len(response.context["page"].object_list) == 20
    assert "q=Bulk&amp;page=2" in response.content.decode()
    assert secretariat_client.get(URL, {"page": "999"}).context["page"].number == 3  # nearest valid page


@pytest.mark.parametrize("rows", [10, 200])
def test_query_count_is_constant(secretariat_client, year, rows, django_assert_max_num_queries):
    meetings = [mf.make_meeting(year, name) for name in ("South Sudan", "Haiti", "Mali")]
    owner = mf.make_user("owner")
    mission = f.make_mission()
    f.bulk_recommendations(meetings, rows, owner=owner, target_mission=mission)
    # session, user, groups; filter choices: years, countries, missions; count; page (with meeting, year,
    # country, mission, owner joined)
    with django_assert_max_num_queries(8):
        response = secretariat_client.get(URL)
    assert len(response.context["page"].object_list) == min(rows, 50)


def test_a_row_shows_each_column_and_escapes_the_text(secretariat_client, spread):
    rec = spread["ss_mandate"]
    rec.text = "Ask for <script>alert(1)</script> & more"
    rec.next_review = datetime.date(2027, 1, 15)
    rec.save()
    body = secretariat_client.get(URL).content.decode()
    row = body[body.index(f'href="{rec.get_absolute_url()}"') :].split("</tr>")[0]
    assert "Ask for &lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in row and "<script>alert" not in body
    assert '<td data-label="Mission">UNMISS</td>' in row
    assert f'<span class="badge badge--warn">{rec.get_status_display()}</span>' in row
    assert '<td data-label="Next review" class="nowrap">15 Jan 2027</td>' in row
    assert (
        f'<a href="{rec.meeting.get_absolute_url()}">South Sudan</a><br><span class="muted nowrap">10 Mar 2026' in body
    )
