"""The one search on SQLite (the fallback) and on PostgreSQL (full text): the same behaviour, both ways.

Run on PostgreSQL with ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name> pytest search``.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from documents.tests import factories as docs
from meetings.tests import factories
from network.models import ActionPoint, ActionPointGroup, NetworkMeeting
from network.tests import factories as network_factories
from recommendations.tests import factories as rec
from search import engine
from search.engine import Filters

from .factories import published_meeting

pytestmark = pytest.mark.django_db

SHARED_AT = datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC)


def titles(results) -> list[str]:
    return [r.title for r in results.page.object_list]


def urls(results) -> list[str]:
    return [r.url for r in results.page.object_list]


def test_ranking_puts_the_title_and_many_mentions_first(year, secretariat_user):
    meeting = factories.make_meeting(year, "South Sudan", date=datetime.date(2026, 5, 1))
    summary = docs.make_summary(
        meeting,
        sections=[
            ("Introduction", "text", "<p>Briefers spoke once of mediation among other things.</p>"),
            ("Mediation", "text", "<p>Mediation by women; mediation networks; funding for mediation.</p>"),
        ],
    )
    found = engine.search(secretariat_user, "mediation", Filters(kind="summary"))
    sections = [
        r
        for r in found.page.object_list
        if "Mediation by women" in str(r.snippet).replace("<mark>", "").replace("</mark>", "")
    ]
    assert found.count == 2, titles(found)
    assert sections and found.page.object_list[0] is sections[0]
    assert found.page.object_list[0].rank > found.page.object_list[1].rank
    assert all(r.url == reverse("documents:summary", args=[summary.meeting_id]) for r in found.page.object_list)


def test_snippets_mark_the_matches_and_escape_the_rest(year, secretariat_user):
    meeting = factories.make_meeting(year, "South Sudan", date=datetime.date(2026, 5, 1))
    rec.make_recommendation(meeting, "Protect women human rights <script>alert('x')</script> defenders & allies")
    docs.make_note(meeting, participation="<p>Women <strong>defenders</strong> met the &lt;mission&gt;.</p>")
    found = engine.search(secretariat_user, "defenders")
    snippets = [str(r.snippet) for r in found.page.object_list]
    assert len(snippets) == 2, titles(found)
    for snippet in snippets:
        assert "<mark>defenders</mark>" in snippet
        assert "<script" not in snippet and "<strong" not in snippet and "<p>" not in snippet
        assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0
    recommendation = next(s for s in snippets if "alert" in s)
    assert "&amp; allies" in recommendation
    if connection.vendor == "postgresql":
        assert "script" not in recommendation  # ts_headline drops what its parser reads as a tag
    else:
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in recommendation
    note = next(s for s in snippets if "mission" in s)
    assert "&lt;mission" in note and "&amp;lt;" not in note  # an entity in rich text is its character, escaped once


def test_every_word_must_match_and_case_does_not_matter(year, secretariat_user):
    meeting = factories.make_meeting(year, "South Sudan", date=datetime.date(2026, 5, 1))
    rec.make_recommendation(meeting, "Fund shelters in Juba")
    rec.make_recommendation(meeting, "Fund the radio")
    assert len(engine.search(secretariat_user, "FUND shelters").page.object_list) == 1
    assert len(engine.search(secretariat_user, "fund").page.object_list) == 2
    assert engine.search(secretariat_user, "shelters unknownword").count == 0


def test_a_restricted_note_is_found_only_by_those_who_may_read_it(
    client, year, secretariat_user, cochair_user, expert_user, nonmember_user, plain_user
):
    """A note shared with the Council's members of its year: their experts find it, an expert of a state not on
    the Council, a signed-in visitor and the public never do; a draft note only the secretariat and co-chairs."""
    shared = factories.make_meeting(year, "South Sudan", date=datetime.date(2026, 5, 1))
    docs.make_note(shared, status="shared", shared_at=SHARED_AT, participation="<p>Restricted zebrafinch text</p>")
    draft = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 6, 1))
    docs.make_note(draft, status="draft", participation="<p>Draft zebrafinch text</p>")

    def notes(user):
        return {r.url for r in engine.search(user, "zebrafinch", Filters(kind="note")).page.object_list}

    shared_url, draft_url = (reverse("documents:note", args=[m.pk]) for m in (shared, draft))
    assert notes(secretariat_user) == {shared_url, draft_url}
    assert notes(cochair_user) == {shared_url, draft_url}
    assert notes(expert_user) == {shared_url}
    assert notes(nonmember_user) == set()
    assert notes(plain_user) == set()
    assert engine.search(None, "zebrafinch", public=True).count == 0
    page = client.get(reverse("public:search"), {"q": "zebrafinch"})
    body = page.content.decode()
    assert page.status_code == 200 and "0 results" in body and "Restricted" not in body


def test_experts_search_the_text_shared_with_them_not_later_edits(year, secretariat_user, expert_user):
    meeting = factories.make_meeting(year, "South Sudan", date=datetime.date(2026, 5, 1))
    note = docs.make_note(meeting, participation="<p>Shared wording about ceasefire monitors</p>")
    docs.share(note, by=secretariat_user)
    docs.set_sections(note, docs.focus_sections(participation="<p>Later wording about quartermaster</p>"))
    assert urls(engine.search(expert_user, "ceasefire")) == [reverse("documents:note", args=[meeting.pk])]
    assert "<mark>ceasefire</mark>" in str(engine.search(expert_user, "ceasefire").page[0].snippet)
    assert engine.search(expert_user, "quartermaster").count == 0
    assert engine.search(expert_user, "heading").count == 0  # words of the stored structure, not the text
    assert engine.search(secretariat_user, "quartermaster").count == 1  # the working copy


def test_the_public_finds_what_is_published_only(client, year):
    published_meeting(year, "South Sudan", "S/2026/101", main_points="<p>Quotas for women mediators.</p>")
    draft = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 5, 5))
    docs.make_summary(draft, status="approved", main_points="<p>Quotas in an approved summary.</p>")
    rec.make_recommendation(draft, "Quotas proposed")
    found = engine.search(None, "quotas", public=True)
    assert urls(found) == [reverse("public:meeting", kwargs={"symbol": "S/2026/101"})]
    page = client.get(reverse("public:search"), {"q": "Quotas"})
    assert page.status_code == 200 and "<mark>Quotas</mark>" in page.content.decode()


def test_network_records_only_for_the_network(year, secretariat_user, expert_user, plain_user):
    network_meeting = NetworkMeeting.objects.create(title="Annual meeting", start_date=datetime.date(2026, 9, 21))
    group = ActionPointGroup.objects.create(meeting=network_meeting, heading="Knowledge")
    ActionPoint.objects.create(group=group, text="Prepare regular newsletters on peacebuilding")
    coordinator = network_factories.network_secretariat()
    assert urls(engine.search(coordinator, "newsletters")) == [reverse("network:meeting", args=[network_meeting.pk])]
    assert engine.search(secretariat_user, "newsletters").count == 1  # the IEG secretariat reads the Network
    assert engine.search(expert_user, "newsletters").count == 0
    assert engine.search(plain_user, "newsletters").count == 0
    assert engine.search(None, "newsletters", public=True).count == 0


def test_filters_by_kind_year_and_country(year, other_year, secretariat_user):
    sudan = factories.make_meeting(year, "South Sudan", date=datetime.date(2026, 5, 1))
    haiti = factories.make_meeting(other_year, "Haiti", date=datetime.date(2019, 5, 1))
    rec.make_recommendation(sudan, "Protect journalists")
    rec.make_question(haiti, text="How are journalists protected?")
    assert engine.search(secretariat_user, "journalists").count == 2
    assert [r.kind for r in engine.search(secretariat_user, "journalists", Filters(kind="question")).page] == [
        "question"
    ]
    assert [r.year for r in engine.search(secretariat_user, "journalists", Filters(year=2026)).page] == [2026]
    by_country = engine.search(secretariat_user, "journalists", Filters(country=haiti.situation_id))
    assert [r.country for r in by_country.page] == ["Haiti"]


def test_the_page_reports_bad_filters_and_keeps_the_rest(year, secretariat_client, secretariat_user):
    meeting = factories.make_meeting(year, "South Sudan", date=datetime.date(2026, 5, 1))
    rec.make_recommendation(meeting, "Protect journalists")
    url = reverse("search:search")
    for bad in ({"year": "abc"}, {"year": "99999999999999"}, {"kind": "nope"}, {"country": "x"}, {"country": "999"}):
        page = secretariat_client.get(url, {"q": "journalists", **bad})
        body = page.content.decode()
        assert page.status_code == 200, bad
        assert "error-summary" in body and "was not applied" in body, bad
        assert "<mark>journalists</mark>" in body, bad  # the search still ran, without that filter
    page = secretariat_client.get(url, {"q": "x" * 500})
    assert page.status_code == 200 and "at most" in page.content.decode()
    page = secretariat_client.get(url, {"q": "\x00journalists"})
    assert page.status_code == 200
    page = secretariat_client.get(url, {"q": 'journalists "unbalanced -'})
    assert page.status_code == 200
    page = secretariat_client.get(url, {"q": "journalists", "page": "abc"})
    assert page.status_code == 200 and "<mark>journalists</mark>" in page.content.decode()


def test_the_search_page_needs_signing_in_and_the_header_has_the_box(client, secretariat_client):
    page = client.get(reverse("search:search"), {"q": "x"})
    assert page.status_code == 302 and reverse("login") in page["Location"]
    home = secretariat_client.get(reverse("meetings:dashboard")).content.decode()
    assert f'action="{reverse("search:search")}"' in home and 'role="search"' in home


def test_pages_of_results(year, secretariat_user):
    meeting = factories.make_meeting(year, "South Sudan", date=datetime.date(2026, 5, 1))
    for i in range(engine.PAGE_SIZE + 5):
        rec.make_recommendation(meeting, f"Protect journalists {i}")
    first = engine.search(secretariat_user, "journalists", page=1)
    second = engine.search(secretariat_user, "journalists", page=2)
    assert first.count == engine.PAGE_SIZE + 5 and len(second.page.object_list) == 5
    assert not {r.url for r in first.page} & {r.url for r in second.page}


def test_the_backend(year, secretariat_user):
    """PostgreSQL stems ("women" finds "woman"); the fallback matches the letters typed."""
    meeting = factories.make_meeting(year, "South Sudan", date=datetime.date(2026, 5, 1))
    rec.make_recommendation(meeting, "Every woman mediator")
    stemmed = engine.search(secretariat_user, "mediators").count
    assert stemmed == (1 if connection.vendor == "postgresql" else 0)
