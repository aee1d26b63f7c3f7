"""The summary as a Council document: the PDF's text, read back with pypdf."""

from __future__ import annotations

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from documents import compose, pdf, services
from documents.formatting import join_names
from documents.models import Summary
from documents.tests import factories as f
from meetings.tests.factories import make_meeting, make_user, make_year
from recommendations.lettering import letter_label
from recommendations.models import Recommendation

LETTER_DATE = datetime.date(2026, 12, 18)
TODAY = datetime.date(2026, 12, 20)


def pages_text(body: bytes) -> list[str]:
    """Each page's text on one line: hyphenation undone, line breaks after a hyphen joined, whitespace collapsed."""
    reader = PdfReader(io.BytesIO(body))
    return [" ".join(page.extract_text().replace("\u2010\n", "").replace("-\n", "-").split()) for page in reader.pages]


@pytest.fixture
def representatives(year):
    f.make_representative(
        "Denmark", "Old Danish Ambassador", start=datetime.date(2019, 1, 1), end=LETTER_DATE.replace(day=1)
    )
    f.make_representative("Denmark", "Martin Bille Hermann", start=LETTER_DATE.replace(day=2))
    f.make_representative("Greece", "Aglaia Balta", start=datetime.date(2024, 3, 1))


@pytest.fixture
def summary(meeting, representatives):
    meeting.source_note = "Suggestions from United Nations participants, not of the Group as a whole."
    meeting.save()
    # Created out of order: the PDF follows `order`, not creation.
    Recommendation.objects.create(meeting=meeting, order=2, text="Second: request a briefing by the SRSG.")
    Recommendation.objects.create(meeting=meeting, order=1, text="First: strengthen mandate language on WPS.")
    Recommendation.objects.create(meeting=meeting, order=3, text="Third: include women in the ceasefire body.")
    Recommendation.objects.create(
        meeting=meeting, order=4, text="Withdrawn idea.", status=Recommendation.Status.WITHDRAWN
    )
    return f.make_summary(
        meeting,
        title="Summary of the meeting of the Informal Expert Group on Women and Peace and Security on South Sudan",
        letter_date=LETTER_DATE,
        introduction="On 10 December 2026 the Group met on South Sudan.",
        council_questions="<p>Members asked about the mission's gender advisers.</p>",
        closing="<p>The Co-Chairs thanked the briefers.</p>",
    )


@pytest.fixture
def draft_pages(summary):
    return pages_text(pdf.render_summary(summary, today=TODAY))


def _issue(summary, cochairs, secretariat, symbol="S/2026/1001"):
    f.hold(summary.meeting)
    now = timezone.now()
    for user in cochairs:
        summary, _approval = services.approve_summary(summary, by=user, now=now)
    services.submit_summary(summary, by=secretariat, now=now)
    return services.issue_summary(summary, symbol, by=secretariat, now=now, issue_date=datetime.date(2026, 12, 28))


def test_draft_pdf_is_a_pdf(summary):
    assert pdf.render_summary(summary, today=TODAY).startswith(b"%PDF-")


def test_letter_title_names_the_cochairs_and_the_letter_date(draft_pages):
    assert (
        "Letter dated 18 December 2026 from the Permanent Representatives of Denmark and Greece "
        "to the United Nations addressed to the Secretary-General" in draft_pages[0]
    )
    assert "Security Council" in draft_pages[0]
    assert "Distr.: General" in draft_pages[0]
    assert "Original: English" in draft_pages[0]


def test_letter_asks_to_circulate_it_as_a_council_document(draft_pages):
    assert "transmit herewith the summary of the meeting of the Group on South Sudan" in draft_pages[0]
    assert (
        "We would be grateful if the present letter and its annex could be circulated as a document of the "
        "Security Council." in draft_pages[0]
    )


def test_one_signature_block_per_cochair_with_the_representative_in_office_on_the_letter_date(draft_pages):
    first = draft_pages[0]
    assert first.count("(Signed)") == 2
    # The "Ambassador" line: representatives are ambassadors unless recorded otherwise.
    assert "(Signed) Martin Bille Hermann Ambassador Permanent Representative of Denmark to the United Nations" in first
    assert "(Signed) Aglaia Balta Ambassador Permanent Representative of Greece to the United Nations" in first
    assert "Old Danish Ambassador" not in first


def test_three_cochairs_three_signature_blocks(db):
    agenda_year = make_year(2027, co_chairs=["Ireland", "Mexico", "Norway"])
    meeting = make_meeting(agenda_year, "Libya", date=datetime.date(2027, 3, 2))
    f.make_representative("Ireland", "Irish PR", start=datetime.date(2020, 1, 1))
    f.make_representative("Mexico", "Mexican PR", start=datetime.date(2020, 1, 1))
    summary = f.make_summary(meeting, letter_date=datetime.date(2027, 3, 20))
    first = pages_text(pdf.render_summary(summary, today=TODAY))[0]
    assert "Permanent Representatives of Ireland, Mexico and Norway to the United Nations" in first
    assert first.count("(Signed)") == 3
    # Norway has no representative on record: its block is there, with a blank to fill.
    assert "(Signed) [name of the Permanent Representative] Permanent Representative of Norway" in first


def test_annex_starts_on_a_new_page(draft_pages):
    heading = (
        "Annex to the letter dated 18 December 2026 from the Permanent Representatives of Denmark and Greece "
        "to the United Nations addressed to the Secretary-General"
    )
    assert heading not in draft_pages[0]
    assert heading in draft_pages[1]
    assert (
        "Summary of the meeting of the Informal Expert Group on Women and Peace and Security on South Sudan"
        in (draft_pages[1])
    )


def test_sections_and_recommendations_lettered_in_order_with_their_source_footnote(draft_pages):
    annex = " ".join(draft_pages[1:])
    # The sections' text is the renderer's to print from compose.summary_document (documents/tests/test_compose.py
    # checks the sections); the renderer on this branch still reads the old fixed fields.
    first = annex.index("(a) First: strengthen mandate language on WPS.")
    second = annex.index("(b) Second: request a briefing by the SRSG.")
    third = annex.index("(c) Third: include women in the ceasefire body.")
    assert first < second < third
    assert "Withdrawn idea" not in annex
    assert "(d)" not in annex
    assert "Suggestions from United Nations participants, not of the Group as a whole." in annex


def test_pages_are_numbered(draft_pages):
    total = len(draft_pages)
    assert total >= 2
    for number, text in enumerate(draft_pages, start=1):
        assert f"{number}/{total}" in text


def test_draft_watermark_on_every_page_until_issued(summary, cochair_user, secretariat_user, draft_pages):
    assert all("DRAFT" in text for text in draft_pages)
    assert "Symbol to be assigned" in draft_pages[0]
    greek = make_user("greek", delegation="Greece")
    issued = _issue(summary, [cochair_user, greek], secretariat_user)
    issued.refresh_from_db()
    assert issued.status == Summary.Status.ISSUED
    with issued.issued_pdf.open("rb") as stored:
        pages = pages_text(stored.read())
    assert not any("DRAFT" in text for text in pages)
    assert "United Nations S/2026/1001" in pages[0]
    assert "Distr.: General 28 December 2026 Original: English" in pages[0]
    # Later pages carry the symbol in their running header.
    assert all("S/2026/1001" in text for text in pages[1:])
    total = len(pages)
    assert all(f"{n}/{total}" in text for n, text in enumerate(pages, start=1))


def test_default_source_note_names_the_sources_when_the_meeting_has_none(meeting):
    f.make_recommendations(meeting, ["From the note."], source=Recommendation.Source.BACKGROUND_NOTE)
    f.make_recommendations(meeting, ["From the briefers."], source=Recommendation.Source.UN_PARTICIPANTS)
    note = compose.source_disclaimer(set(meeting.recommendations.values_list("source", flat=True)))
    assert note == (
        "The recommendations are suggestions from United Nations participants and the secretariat's background "
        "note; they are not recommendations of the Informal Expert Group as a whole."
    )


@pytest.mark.parametrize(
    ("index", "label"), [(0, "(a)"), (1, "(b)"), (25, "(z)"), (26, "(aa)"), (27, "(bb)"), (52, "(aaa)")]
)
def test_letter_labels(index, label):
    assert letter_label(index) == label


@pytest.mark.parametrize(
    ("names", "phrase"),
    [([], ""), (["Spain"], "Spain"), (["Spain", "Uruguay"], "Spain and Uruguay"), (["A", "B", "C"], "A, B and C")],
)
def test_join_names(names, phrase):
    assert join_names(names) == phrase
