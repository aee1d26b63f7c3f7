"""A background note is an ordered list of sections (issue 12, item 5): the nine focus areas by default for a
country meeting, free sections, the recommendations first and an annex for a thematic one; reordered, renamed,
added and removed in one versioned form; shared versions keep their sections; the masthead carries the note's
own date and the Group's name of its year."""

from __future__ import annotations

import datetime

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from documents import note_texts, pdf, services
from documents.models import BackgroundNote, NoteSection
from documents.note_texts import ANNEX, RECOMMENDATIONS, SectionText, changed_headings
from documents.tests import factories as f
from meetings.models import Meeting
from meetings.tests.factories import make_meeting, make_year
from recommendations.models import Recommendation, RecommendationGroup

pytestmark = pytest.mark.django_db
PARTICIPATION = "Women's participation and leadership: data and trends"


def _edit_url(meeting) -> str:
    return reverse("documents:note_edit", args=[meeting.pk])


def _rows(note) -> list[tuple[int, SectionText]]:
    return [(row.pk, row.as_text()) for row in NoteSection.objects.filter(note=note)]


def _headings(note) -> list[str]:
    return list(NoteSection.objects.filter(note=note).values_list("heading", flat=True))


@pytest.fixture
def thematic(year):
    return make_meeting(year, kind=Meeting.Kind.THEMATIC, date=datetime.date(2026, 10, 20))


# Defaults per meeting kind.


def test_a_country_note_starts_with_the_nine_focus_areas_then_the_recommendations(secretariat_client, meeting):
    initial = secretariat_client.get(_edit_url(meeting)).context["formset"].initial
    assert [row["focus_area"] for row in initial[:9]] == list(note_texts.FOCUS_AREA_KEYS)
    assert initial[0]["heading"] == PARTICIPATION
    assert initial[8]["heading"] == "Early-warning indicators"
    assert initial[9]["kind"] == RECOMMENDATIONS and initial[9]["heading"] == "Key recommendations"
    assert all(row["part"] == "body" for row in initial)


def test_a_thematic_note_starts_with_the_recommendations_free_sections_and_an_annex(secretariat_client, thematic):
    page = secretariat_client.get(_edit_url(thematic))
    initial = page.context["formset"].initial
    assert initial[0]["kind"] == RECOMMENDATIONS
    assert [row["heading"] for row in initial[1:3]] == ["Purpose", "Normative framework"]
    assert not any(row["focus_area"] for row in initial)
    assert initial[-1]["part"] == ANNEX
    assert "A thematic note has its own sections" in page.content.decode()


# Reorder, rename, add, remove.


def test_moving_a_section_shows_the_form_again_unsaved_with_the_new_order(secretariat_client, meeting):
    note = f.make_note(meeting, un_plans="<p>Plans</p>")
    data = f.note_post(note, participation="Typed but not saved")
    response = secretariat_client.post(_edit_url(meeting), {**data, "move": "down-0"})
    assert response.status_code == 200
    formset = response.context["formset"]
    assert [form["focus_area"].value() for form in formset.forms[:2]] == ["un_plans", "participation"]
    assert "Typed but not saved" in response.content.decode()  # the input is kept
    assert _headings(note)[0] == PARTICIPATION  # nothing saved yet

    saved = secretariat_client.post(_edit_url(meeting), formset.data)
    assert saved.status_code == 302
    assert [s.focus_area for s in BackgroundNote.objects.get(pk=note.pk).sections][:2] == [
        "un_plans",
        "participation",
    ]
    assert list(NoteSection.objects.filter(note=note).values_list("order", flat=True)) == [1, 2, 3]


def test_moving_past_either_end_or_with_a_bad_value_changes_nothing(secretariat_client, meeting):
    note = f.make_note(meeting)
    for move in ("up-0", "down-1", "down-99", "up-abc", "sideways-1", "down-99999999999999999999"):
        response = secretariat_client.post(_edit_url(meeting), {**f.note_post(note), "move": move})
        assert response.status_code == 200, move
        assert [form["heading"].value() for form in response.context["formset"].forms] == _headings(note)


def test_renaming_a_focus_area_keeps_its_key(secretariat_client, meeting):
    note = f.make_note(meeting)
    rows = _rows(note)
    pk, text = rows[0]
    rows[0] = (pk, SectionText("Women in the peace talks", text.body, focus_area=text.focus_area))
    assert secretariat_client.post(_edit_url(meeting), f.section_post(rows, version=note.version)).status_code == 302
    row = NoteSection.objects.get(pk=pk)
    assert (row.heading, row.focus_area) == ("Women in the peace talks", "participation")
    assert row.history.count() == 2  # created, renamed


def test_adding_a_section_and_an_annex_section(secretariat_client, meeting):
    note = f.make_note(meeting)
    data = f.note_post(note)
    data = secretariat_client.post(_edit_url(meeting), {**data, "add": "text"}).context["formset"].data
    data = secretariat_client.post(_edit_url(meeting), {**data.dict(), "add": "annex"}).context["formset"].data
    data = data.dict()
    assert data["sections-TOTAL_FORMS"] == "4"
    data.update({"sections-2-heading": "Elections", "sections-2-body": "Quotas."})
    data.update({"sections-3-heading": "Roles of the entities", "sections-3-body": "UN-Women leads."})
    assert secretariat_client.post(_edit_url(meeting), data).status_code == 302
    sections = BackgroundNote.objects.get(pk=note.pk).sections
    assert [(s.heading, s.part) for s in sections[2:]] == [("Elections", "body"), ("Roles of the entities", "annex")]
    page = secretariat_client.get(reverse("documents:note", args=[meeting.pk])).content.decode()
    assert page.index("Elections") < page.index("Annex") < page.index("Roles of the entities")


def test_removing_a_section_is_confirmed_first_and_kept_in_history(secretariat_client, meeting):
    note = f.make_note(meeting, un_plans="<p>Plans to remove</p>")
    rows = _rows(note)
    data = f.section_post(rows, version=note.version, deleted=(1,))
    response = secretariat_client.post(_edit_url(meeting), data)
    page = response.content.decode()
    assert response.status_code == 200 and "Remove sections from the background note?" in page
    assert "United Nations plans on women and peace and security" in page
    assert NoteSection.objects.filter(note=note, focus_area="un_plans").exists()  # not yet

    assert secretariat_client.post(_edit_url(meeting), {**data, "confirm": "1"}).status_code == 302
    assert not NoteSection.objects.filter(note=note, focus_area="un_plans").exists()
    removed = NoteSection.history.filter(note_id=note.pk, focus_area="un_plans", history_type="-").get()
    assert removed.body == "<p>Plans to remove</p>"
    history = secretariat_client.get(reverse("documents:note_history", args=[meeting.pk])).content.decode()
    assert "United Nations plans on women and peace and security" in history


def test_an_empty_section_is_removed_without_asking(secretariat_client, meeting):
    note = f.make_note(meeting)
    rows = [*_rows(note), (None, SectionText("To fill later"))]
    secretariat_client.post(_edit_url(meeting), f.section_post(rows, version=note.version))
    note.refresh_from_db()
    rows = _rows(note)
    assert rows[-1][1].heading == "To fill later"
    data = f.section_post(rows, version=note.version, deleted=(len(rows) - 1,))
    assert secretariat_client.post(_edit_url(meeting), data).status_code == 302
    assert "To fill later" not in _headings(note)


def test_a_save_that_changes_nothing_writes_no_section_history(secretariat_user, meeting):
    note = f.make_note(meeting)
    before = NoteSection.history.filter(note_id=note.pk).count()
    services.save_note(note, sections=_rows(note), expected_version=note.version, by=secretariat_user)
    assert NoteSection.history.filter(note_id=note.pk).count() == before


# Bad input, stale saves.


@pytest.mark.parametrize(
    "change, message",
    [
        ({"sections-0-heading": "x" * 301}, "Ensure this value has at most 300 characters"),
        ({"sections-0-part": "appendix"}, "Select a valid choice"),
        ({"sections-0-kind": "poem"}, "Select a valid choice"),
        ({"sections-0-id": "99999999999999999999"}, "Ensure this value is less than or equal to"),
        (
            {"sections-TOTAL_FORMS": "3", "sections-2-kind": "recommendations", "sections-2-part": "body"},
            "keep one recommendations block",
        ),
    ],
)
def test_bad_input_is_refused_with_a_message_and_kept(secretariat_client, meeting, change, message):
    note = f.make_note(meeting)
    data = {**f.note_post(note, participation="My paragraph"), **change}
    response = secretariat_client.post(_edit_url(meeting), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page and "My paragraph" in page
    assert "<title>Error: " in page
    assert NoteSection.objects.get(note=note, focus_area="participation").body != "<p>My paragraph</p>"


def test_a_section_of_another_note_posted_by_id_is_never_touched(secretariat_client, meeting, year):
    other = f.make_note(make_meeting(year, "Haiti", date=datetime.date(2026, 5, 5)), un_plans="<p>Haiti plans</p>")
    foreign = NoteSection.objects.get(note=other, focus_area="un_plans")
    note = f.make_note(meeting)
    data = {
        **f.note_post(note),
        "sections-TOTAL_FORMS": "3",
        "sections-2-id": str(foreign.pk),
        "sections-2-heading": "Taken over",
        "sections-2-body": "Overwritten",
        "sections-2-part": "body",
        "sections-2-kind": "text",
    }
    assert secretariat_client.post(_edit_url(meeting), data).status_code == 302
    foreign.refresh_from_db()
    assert (foreign.note_id, foreign.heading, foreign.body) == (
        other.pk,
        "United Nations plans on women and peace and security",
        "<p>Haiti plans</p>",
    )
    assert "Taken over" in _headings(note)  # saved as a new section of this note


@pytest.mark.parametrize("total", ["", "abc", "-3", "100000", "99999999999999999999"])
def test_a_broken_management_form_does_not_crash(secretariat_client, meeting, total):
    note = f.make_note(meeting)
    data = {**f.note_post(note), "sections-TOTAL_FORMS": total}
    assert secretariat_client.post(_edit_url(meeting), data).status_code == 200
    assert secretariat_client.post(_edit_url(meeting), {**data, "move": "up-1"}).status_code == 200


def test_a_stale_save_of_the_sections_is_refused_and_keeps_the_text(secretariat_client, colleague_client, meeting):
    note = f.make_note(meeting)
    mine = f.note_post(note, participation="My version")
    theirs = f.note_post(note, participation="Their version")
    assert colleague_client.post(_edit_url(meeting), theirs).status_code == 302
    response = secretariat_client.post(_edit_url(meeting), mine)
    page = response.content.decode()
    assert "Someone else saved this background note while you were editing it" in page
    assert "My version" in page
    assert NoteSection.objects.get(note=note, focus_area="participation").body == "<p>Their version</p>"


# Shared versions: what changed, what the experts read.


def _share_again(note, by):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.share_note(BackgroundNote.objects.get(pk=note.pk), by=by, now=timezone.now())


@pytest.fixture
def shared(meeting, secretariat_user):
    note = f.make_note(meeting, un_plans="<p>Plans.</p>")
    with TestCase.captureOnCommitCallbacks(execute=True):
        f.share(note, by=secretariat_user)
    note.refresh_from_db()
    return note


def test_a_shared_version_keeps_its_sections_as_a_list(shared):
    version = services.latest_shared_version(shared)
    assert [item["heading"] for item in version.sections] == [
        PARTICIPATION,
        "United Nations plans on women and peace and security",
        "Key recommendations",
    ]
    assert version.sections[0] == {
        "heading": PARTICIPATION,
        "body": f"<p>{f.LOREM}</p>",
        "part": "body",
        "kind": "text",
        "focus_area": "participation",
    }


def test_changed_headings_after_a_rename_an_addition_and_an_edit(shared, secretariat_user):
    rows = _rows(shared)
    rows[1] = (rows[1][0], SectionText("UN plans", "<p>New plans.</p>", focus_area="un_plans"))
    rows.append((None, SectionText("Elections", "<p>Quotas.</p>")))
    services.save_note(shared, sections=rows, expected_version=shared.version, by=secretariat_user)
    assert services.changed_sections(shared, services.latest_shared_version(shared)) == ["UN plans", "Elections"]
    _share_again(shared, secretariat_user)
    version = services.latest_shared_version(shared)
    assert version.number == 2 and version.changed_headings == ["UN plans", "Elections"]


def test_removing_and_reordering_read_as_changes():
    a, b = SectionText("A", "<p>a</p>"), SectionText("B", "<p>b</p>")
    assert changed_headings([a, b], [a]) == ["B"]
    assert changed_headings([a, b], [b, a]) == ["Order of the sections"]
    assert changed_headings([a, b], [a, b]) == []
    assert changed_headings(None, [a, SectionText("Empty")]) == ["A"]
    # A free section renamed is a new section and a removed one; a focus area renamed is the same section.
    assert changed_headings([a], [SectionText("A2", "<p>a</p>")]) == ["A2", "A"]
    p = SectionText("P", "<p>p</p>", focus_area="participation")
    assert changed_headings([p], [SectionText("P2", "<p>p</p>", focus_area="participation")]) == ["P2"]


def test_experts_never_read_the_working_copy(shared, secretariat_client, expert_client, expert_user):
    rows = [*_rows(shared), (None, SectionText("Unshared section", "<p>Working copy only.</p>"))]
    rows[0] = (rows[0][0], SectionText("Renamed", "<p>Rewritten.</p>", focus_area="participation"))
    response = secretariat_client.post(_edit_url(shared.meeting), f.section_post(rows, version=shared.version))
    assert response.status_code == 302
    url = reverse("documents:note", args=[shared.meeting_id])
    expert_page = expert_client.get(url).content.decode()
    assert f.LOREM in expert_page and PARTICIPATION.replace("'", "&#x27;") in expert_page
    assert "Working copy only." not in expert_page and "Rewritten." not in expert_page
    html = pdf.note_html(services.for_reader(BackgroundNote.objects.get(pk=shared.pk), expert_user))
    assert "Working copy only." not in html and "Rewritten." not in html and "Plans." in html
    staff_page = secretariat_client.get(url).content.decode()
    assert "Working copy only." in staff_page and "Renamed; Unshared section" in staff_page


# Recommendations in groups, placed where the secretariat wants.


def test_a_thematic_note_prints_grouped_recommendations_first_and_the_annex_last(thematic, secretariat_user):
    immediate = RecommendationGroup.objects.create(
        meeting=thematic, order=1, heading="Immediate steps", lead_in="Council members could:"
    )
    context = RecommendationGroup.objects.create(
        meeting=thematic, order=2, heading="Context", numbering=RecommendationGroup.Numbering.BULLETS
    )
    Recommendation.objects.create(meeting=thematic, order=1, text="Ask for data.", group=immediate)
    Recommendation.objects.create(meeting=thematic, order=2, text="Raise it at the renewal.", group=immediate)
    Recommendation.objects.create(meeting=thematic, order=3, text="Advocacy matters.", group=context)
    sections = [
        SectionText("Recommendations", kind=RECOMMENDATIONS),
        SectionText("Purpose", "<p>Why we meet.</p>"),
        SectionText("Normative framework", "<p>Resolution 1325 (2000).</p>"),
        SectionText("Context", ""),  # empty: not printed
        SectionText("Roles and responsibilities", "<p>UN-Women leads.</p>", part=ANNEX),
    ]
    note = f.make_note(thematic, sections=sections)
    html = pdf.note_html(BackgroundNote.objects.with_sections().get(pk=note.pk))
    order = [
        "Recommendations",
        "Immediate steps",
        "Council members could:",
        "(a)",
        "Ask for data.",
        "(b)",
        "Advocacy matters.",
        "Purpose",
        "Normative framework",
        "Annex",
        "Roles and responsibilities",
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert "(c)" not in html  # the bullets take no letter
    assert "Women&#x27;s participation" not in html and "Early-warning" not in html


# The masthead: the note's own date and the Group's name of its year.


def test_the_note_is_dated_the_day_it_is_first_shared_and_keeps_that_date(meeting, secretariat_user):
    note = f.make_note(meeting)
    services.submit_for_review(note, by=secretariat_user)
    first = timezone.make_aware(datetime.datetime(2026, 12, 7, 10))
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.share_note(note, by=secretariat_user, now=first)
    note.refresh_from_db()
    assert note.note_date == datetime.date(2026, 12, 7)
    services.save_note(
        note, sections=f.edit_areas(note, un_plans="<p>More</p>"), expected_version=note.version, by=secretariat_user
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.share_note(note, by=secretariat_user, now=first + datetime.timedelta(days=2))
    note.refresh_from_db()
    assert note.note_date == datetime.date(2026, 12, 7)
    assert "7 December 2026" in pdf.note_html(note)


def test_the_secretariat_dates_a_past_note(secretariat_client, meeting):
    note = f.make_note(meeting)
    data = f.note_post(note, note_date="2016-06-10")
    assert secretariat_client.post(_edit_url(meeting), data).status_code == 302
    note.refresh_from_db()
    assert note.note_date == datetime.date(2016, 6, 10)
    assert "10 June 2016" in pdf.note_html(note)
    bad = secretariat_client.post(_edit_url(meeting), {**f.note_post(note), "note_date": "10/06/20166"})
    assert bad.status_code == 200 and "Enter a valid date" in bad.content.decode()


def test_a_new_date_after_sharing_waits_for_the_next_sharing(shared, secretariat_client, expert_user):
    shared_on = shared.note_date
    data = f.note_post(shared, note_date="2026-11-30")
    assert secretariat_client.post(_edit_url(shared.meeting), data).status_code == 302
    note = BackgroundNote.objects.get(pk=shared.pk)
    assert services.changed_sections(note, services.latest_shared_version(note)) == ["Date of the note"]
    assert services.for_reader(note, expert_user).note_date == shared_on
    assert "30 November 2026" in pdf.note_html(note)


@pytest.mark.parametrize(
    "year, name",
    [
        (2016, "Informal Expert Group on Women and Peace and Security"),
        (2017, "Informal Expert Group on Women, Peace and Security"),
        (2021, "Informal Expert Group on Women, Peace and Security"),
    ],
)
def test_the_masthead_names_the_group_as_it_was_named_that_year(year, name):
    agenda_year = make_year(year, co_chairs=["Ireland", "Mexico"])
    meeting = make_meeting(agenda_year, "Libya", date=datetime.date(year, 11, 3))
    note = f.make_note(meeting, note_date=datetime.date(year, 10, 30))
    html = pdf.note_html(note)
    assert f'<div class="masthead__organ"><p>{name}</p><small>' in html
    assert f"30 October {year}" in html


def test_a_year_s_own_group_name_setting_wins(meeting):
    meeting.agenda_year.group_name = "Informal Expert Group of the Security Council on Women, Peace and Security"
    meeting.agenda_year.save()
    note = f.make_note(meeting)
    assert "Informal Expert Group of the Security Council on Women, Peace and Security" in pdf.note_html(note)


# Queries on the note page, whatever the number of sections and recommendations.


def _grow(note, meeting, groups, n: int, *, by) -> None:
    """Give the note ``n`` more sections and the meeting ``n`` more recommendations, and share the result."""
    start = Recommendation.objects.filter(meeting=meeting).count()
    for i in range(start, start + n):
        Recommendation.objects.create(meeting=meeting, order=i, text=f"Recommendation {i}", group=groups[i % 3])
    rows = _rows(note) + [(None, SectionText(f"Section {i}", f"<p>Text {i}</p>")) for i in range(start, start + n)]
    note = BackgroundNote.objects.get(pk=note.pk)
    services.save_note(note, sections=rows, expected_version=note.version, by=by)
    with TestCase.captureOnCommitCallbacks(execute=True):
        if note.status == BackgroundNote.Status.DRAFT:
            f.share(note, by=by)
        else:
            services.share_note(note, by=by, now=timezone.now())


@pytest.mark.parametrize("reader", ["secretariat", "expert"])
def test_the_note_page_queries_are_constant(reader, request, meeting, secretariat_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    groups = [RecommendationGroup.objects.create(meeting=meeting, order=i, heading=f"Group {i}") for i in range(3)]
    note = f.make_note(meeting)
    client = request.getfixturevalue(f"{reader}_client")
    url = reverse("documents:note", args=[meeting.pk])
    counts = []
    for n in (3, 50):
        _grow(note, meeting, groups, n, by=secretariat_user)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).content.decode()
        last = Recommendation.objects.filter(meeting=meeting).count() - 1
        assert f"Section {last}" in page and f"Recommendation {last}" in page
        counts.append(len(queries))
    # The note with its meeting, then its sections in one query (or the shared version's JSON); the
    # recommendations and their groups in two: the same number for 3 sections and for 53.
    assert counts[0] == counts[1]


def test_the_public_search_reads_a_published_note_s_sections(client, year):
    published = make_meeting(year, kind=Meeting.Kind.THEMATIC, date=datetime.date(2026, 3, 3))
    f.make_note(
        published,
        status="published",
        shared_at=timezone.now(),
        sections=[SectionText("Normative framework", "<p>Resolution 2467 on survivors.</p>")],
    )
    draft = make_meeting(year, "Haiti", date=datetime.date(2026, 5, 5))
    f.make_note(draft, sections=[SectionText("Draft heading", "<p>Resolution 2467 in a draft.</p>")])

    def found(q):
        return client.get(reverse("public:search"), {"q": q}).content.decode()

    assert "protection advisers" in found("resolution 2467 survivors")
    assert "protection advisers" in found("normative framework")
    assert "Haiti" not in found("resolution 2467") and "Haiti" not in found("draft heading")
