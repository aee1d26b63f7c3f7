"""The renderer's page furniture and typography, read back from the PDF: bold surnames, footnotes at the page foot,
the job line on page 1 only, titles with no stray line breaks, formal names in the title, no split words."""

from __future__ import annotations

import dataclasses
import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from countries.models import MemberState
from documents import pdf
from documents.council import CouncilDocument, Section
from documents.models import Summary
from documents.tests import factories as f
from documents.tests import pdf_text, seeds
from meetings.tests.factories import make_meeting, make_year
from public.tests.factories import make_published

TODAY = datetime.date(2027, 3, 21)


@pytest.fixture(scope="module")
def seed_001():
    doc = seeds.seed_001()
    return doc, pdf.render_document(doc)


def test_the_title_is_one_line_of_html_with_no_stray_break():
    html = pdf.document_html(seeds.seed_001())
    title = re.search(r'<h1 class="doc-title">(.*?)</h1>', html, re.DOTALL).group(1)
    assert title == seeds.seed_001().title
    assert "\n" not in title


def test_surnames_are_bold_given_names_are_not(seed_001):
    doc, body = seed_001
    html = pdf.document_html(doc)
    assert "<em>(Signed)</em> Christoph <strong>Heusgen</strong>" in html
    assert "<em>(Signed)</em> Neville Melvin <strong>Gertze</strong>" in html
    fonts = {run.text.strip(): run.font for run in pdf_text.runs(body) if run.page == 1}
    for surname in ("Heusgen", "Gertze", "Oyarzun"):
        assert "Bold" in fonts[surname], fonts[surname]
    for given in ("Christoph", "Neville Melvin", "Román"):
        assert "Bold" not in fonts[given], fonts[given]
    assert "Italic" in fonts["(Signed)"]


def test_a_footnote_is_printed_at_the_foot_of_its_page_below_the_text(seed_001):
    doc, body = seed_001
    runs = pdf_text.runs(body)
    note = next(run for run in runs if "A/71/927-S/2017/485." in run.text)
    page = [run for run in runs if run.page == note.page]
    total = max(run.page for run in runs)
    furniture = {f"{note.page}/{total}", doc.symbol}
    text_lines = [run for run in page if abs(run.y - note.y) > 1 and run.text.strip() not in furniture]
    assert text_lines
    assert all(run.y > note.y for run in text_lines)
    # Its call is in the text, its number before it at the foot.
    assert "of the Security Council.1" in pdf_text.normalise(pdf_text.pages(body)[note.page - 1])
    assert f"1 A/71/927-S/2017/485. {doc.symbol} {note.page}/{total}" in pdf_text.normalise(
        pdf_text.pages(body)[note.page - 1]
    )


def test_footnotes_are_numbered_in_order_across_the_document():
    doc = CouncilDocument(
        title="Letter",
        body_html='<p>One.<span class="footnote">First note.</span></p>',
        sections=(
            Section("A", ('<p>Two.<span class="footnote">Second note.</span></p>',)),
            Section("B", ('<p>Three.<span class="footnote">Third note.</span></p>',)),
        ),
    )
    text = " ".join(pdf_text.normalise(page) for page in pdf_text.pages(pdf.render_document(doc)))
    assert "One.1" in text and "Two.2" in text and "Three.3" in text
    assert text.index("1 First note.") < text.index("2 Second note.") < text.index("3 Third note.")


def test_the_job_line_is_at_the_foot_of_page_one_only_once_issued(seed_001):
    doc, body = seed_001
    pages = pdf_text.pages(body)
    assert doc.job_number in pages[0]
    assert not any(doc.job_number in page for page in pages[1:])
    runs = [run for run in pdf_text.runs(body) if run.page == 1]
    job = next(run for run in runs if run.text.strip() == doc.job_number)
    assert all(run.y > job.y for run in runs if "Permanent Representative of" in run.text)
    draft = pdf.render_document(dataclasses.replace(doc, draft=True))
    assert not any(doc.job_number in page for page in pdf_text.pages(draft))


def test_no_word_is_split_at_a_line_end():
    """UN documents are not hyphenated: a line may end at a hyphen the text has ("non-" / "governmental"),
    never inside a word ("wo-" / "men's")."""
    for build, original in ((seeds.seed_001, "seed_001.txt"), (seeds.seed_004, "seed_004.txt")):
        source = pdf_text.normalise((pdf_text.DATA / original).read_text(encoding="utf-8"))
        body = pdf.render_document(build())
        raw = "\n".join(page.extract_text() for page in pdf_text.pypdf_pages(body))
        assert "\u00ad" not in raw and "\u2010" not in raw
        broken = re.findall(r"(\S+)-\n(\S+)", raw)
        for before, after in broken:
            assert f"{before}-{after}" in source, f"{before}-/{after} split inside a word"
        assert not re.search(r"\bwo-?\n", raw)


def test_a_table_in_an_annex_prints():
    doc = CouncilDocument(
        title="Letter",
        sections=(
            Section(
                "Roles",
                (
                    '<table><thead><tr><th scope="col">Role</th><th scope="col">Entity</th></tr></thead>'
                    "<tbody><tr><td>Secretariat</td><td>UN-Women</td></tr></tbody></table>",
                ),
            ),
        ),
    )
    text = pdf_text.normalise(pdf_text.pages(pdf.render_document(doc))[1])
    assert "Roles Role Entity Secretariat UN-Women" in text


def test_formal_names_in_the_title_states_in_sentences_in_the_signatures(db):
    year = make_year(2027, co_chairs=["Ireland", "United Kingdom"])
    MemberState.objects.filter(name="United Kingdom").update(
        short_name="the United Kingdom", formal_name="the United Kingdom of Great Britain and Northern Ireland"
    )
    meeting = make_meeting(year, "Libya", date=datetime.date(2027, 3, 2))
    f.make_representative("United Kingdom", "Barbara Woodward", start=datetime.date(2020, 1, 1))
    summary = f.make_summary(meeting, letter_date=datetime.date(2027, 3, 20))
    text = " ".join(pdf_text.normalise(page) for page in pdf_text.pages(pdf.render_summary(summary, today=TODAY)))
    assert (
        "Letter dated 20 March 2027 from the Permanent Representatives of Ireland and the United Kingdom of Great "
        "Britain and Northern Ireland to the United Nations addressed to the Secretary-General"
    ) in text
    assert "Permanent Representative of the United Kingdom to the United Nations" in text
    html = pdf.summary_html(summary, today=TODAY)
    assert "Barbara <strong>Woodward</strong>" in html


def test_the_public_page_prints_the_pdf_text_from_the_same_template(client, year):
    """The published summary's page and its PDF share one template: the same HTML for letter, signatures, annex."""
    meeting = make_published(year, "South Sudan", symbol="S/2026/101")
    f.make_representative("Denmark", "Martin Bille Hermann", start=datetime.date(2020, 1, 1))
    f.make_recommendations(meeting, ["Ask the mission for data."])
    summary = f.make_summary(meeting, introduction="<p>The Group met.</p>")
    Summary.objects.filter(pk=summary.pk).update(status=Summary.Status.PUBLISHED, issue_date=datetime.date(2026, 4, 1))
    summary.refresh_from_db()
    doc = pdf.summary_document(summary, today=summary.issue_date)
    shared = render_to_string("pdf/_summary_text.html", {"doc": doc}).strip()
    assert "Martin Bille <strong>Hermann</strong>" in shared
    assert '<li data-label="(a)">Ask the mission for data.<span class="footnote">' in shared
    assert shared in pdf.document_html(doc)
    # The page prints a lettered item's label as text, the PDF as its list marker: the one difference.
    on_page = render_to_string("pdf/_summary_text.html", {"doc": doc, "inline_labels": True}).strip()
    assert on_page == shared.replace(
        '<li data-label="(a)">', '<li data-label="(a)"><span class="lettered__label">(a)</span> '
    )
    page = client.get(reverse("public:meeting", args=[meeting.symbol]))
    assert on_page in page.content.decode()
