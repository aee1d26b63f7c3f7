"""Two secretariat members write the same meeting's background note or summary (core.concurrency).

Both open the page while there is no note yet: the first one's text is saved, the second one's save is refused
with a clear message and the second text stays on the page (neither merged nor silently overwritten). Saving
again after reading the refusal deliberately replaces the first text.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from documents.models import BackgroundNote, Summary

from . import factories as f


def _page(response) -> str:
    return response.content.decode()


def _area(meeting, key: str) -> list[str]:
    return [s.body for s in BackgroundNote.objects.get(meeting=meeting).sections if s.focus_area == key]


@pytest.fixture
def held(meeting):
    return f.hold(meeting)


def test_creating_a_note_a_colleague_created_meanwhile_is_refused_and_keeps_the_text(
    secretariat_client, colleague_client, meeting
):
    url = reverse("documents:note_edit", args=[meeting.pk])
    opened = secretariat_client.get(url).context["form"]
    assert colleague_client.get(url).context["form"].initial["version"] == opened.initial["version"]
    version = opened.initial["version"]
    first_post = f.section_post([(None, t) for t in f.focus_sections(participation="First text")], version=version)
    assert secretariat_client.post(url, first_post).status_code == 302

    theirs = f.focus_sections(participation="The colleague's own text")
    second = colleague_client.post(url, f.section_post([(None, t) for t in theirs], version=version))

    assert second.status_code == 200
    page = _page(second)
    assert "Someone else created this background note while you were writing" in page
    assert "The colleague&#x27;s own text" in page
    assert _area(meeting, "participation") == ["<p>First text</p>"]
    # Having read the refusal, saving again replaces the colleague's text on purpose: their sections are
    # removed, which is confirmed first.
    again = colleague_client.post(url, second.context["form"].data)
    assert again.status_code == 200 and "Remove sections from the background note?" in _page(again)
    assert colleague_client.post(url, {**second.context["form"].data.dict(), "confirm": "1"}).status_code == 302
    assert _area(meeting, "participation") == ["<p>The colleague's own text</p>"]


# A new country summary has five sections (introduction, main points, questions, recommendations, closing);
# make_summary's has two (main points, recommendations).
DEFAULT_HEADINGS = ["", "Main points raised", "Questions from Council members", "Recommendations", ""]


def test_creating_a_summary_a_colleague_created_meanwhile_is_refused_and_keeps_the_text(
    secretariat_client, colleague_client, held
):
    url = reverse("documents:summary_edit", args=[held.pk])
    version = secretariat_client.get(url).context["form"].initial["version"]
    assert colleague_client.get(url).context["form"].initial["version"] == version
    first = f.summary_post(version, ["", "First points", "", "", ""], headings=DEFAULT_HEADINGS)
    assert secretariat_client.post(url, first).status_code == 302

    theirs = f.summary_post(version, ["", "The colleague's points", "", "", ""], headings=DEFAULT_HEADINGS)
    second = colleague_client.post(url, theirs)

    assert second.status_code == 200
    page = _page(second)
    assert "Someone else created this summary while you were writing" in page
    assert "The colleague&#x27;s points" in page
    assert f.section(Summary.objects.get(meeting=held), "Main points raised").body == "<p>First points</p>"


def test_a_stale_summary_edit_is_refused_and_keeps_the_text(secretariat_client, colleague_client, held):
    summary = f.make_summary(held)
    url = reverse("documents:summary_edit", args=[held.pk])
    headings = ["Main points raised", "Recommendations"]
    opened = secretariat_client.get(url).context["form"].initial["version"]
    mine = f.summary_post(opened, ["Signed by both", ""], headings=headings)
    assert secretariat_client.post(url, mine).status_code == 302

    second = colleague_client.post(url, f.summary_post(opened, ["The colleague's points", ""], headings=headings))

    assert second.status_code == 200
    assert "Someone else saved this summary while you were editing it" in _page(second)
    assert "The colleague&#x27;s points" in _page(second)
    assert f.section(summary, "Main points raised").body == "<p>Signed by both</p>"


def test_a_note_edit_posted_without_a_version_does_not_overwrite(secretariat_client, meeting):
    note = f.make_note(meeting, un_plans="<p>Kept</p>")

    blind = f.note_post(note, un_plans="Blind")
    del blind["version"]
    response = secretariat_client.post(reverse("documents:note_edit", args=[meeting.pk]), blind)

    assert response.status_code == 200
    assert "Blind" in _page(response)
    assert _area(meeting, "un_plans") == ["<p>Kept</p>"]
