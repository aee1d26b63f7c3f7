"""Seeds 001 and 004, re-entered as CouncilDocuments (seeds.py), render to the originals' text, paragraph by
paragraph: masthead, title, letter, closing request, signatures, annex heading and title, every section."""

from __future__ import annotations

import re

import pytest

from documents import pdf
from documents.tests import pdf_text, seeds

SEEDS = {"001": (seeds.seed_001, "seed_001.txt"), "004": (seeds.seed_004, "seed_004.txt")}
FOOTNOTES = {
    "001": ("A/71/927-S/2017/485.",),
    "004": (re.sub(r"<[^>]+>", "", seeds.SEED_004_SECTIONS[1].blocks[1].split('class="footnote">')[1]),),
}


@pytest.fixture(scope="module", params=sorted(SEEDS))
def rendered(request):
    build, original = SEEDS[request.param]
    doc = build()
    return request.param, doc, pdf.render_document(doc), original


def test_the_rendered_text_matches_the_original_paragraph_by_paragraph(rendered):
    name, doc, body, original = rendered
    text = pdf_text.body_text(body, symbol=doc.symbol, job_number=doc.job_number, footnotes=FOOTNOTES[name])
    position = 0
    paragraphs = pdf_text.original_paragraphs(original)
    assert len(paragraphs) > 30
    for paragraph in paragraphs:
        found = text.find(paragraph, position)
        assert found >= 0, f"not found: {paragraph!r}\nnext in the PDF: {text[position:][:400]!r}"
        position = found + len(paragraph)
    # Nothing printed that the original does not have, once its paragraphs are taken out in order.
    rest = text
    for paragraph in paragraphs:
        rest = rest.replace(paragraph, "", 1)
    assert rest.split() == []


def test_the_footnotes_are_the_originals(rendered):
    name, doc, body, _original = rendered
    text = " ".join(pdf_text.normalise(page) for page in pdf_text.pages(body))
    for number, footnote in enumerate(FOOTNOTES[name], start=1):
        assert f" {number} {pdf_text.normalise(footnote)}" in text


def test_joint_masthead_and_closing_request(rendered):
    name, doc, body, _original = rendered
    first = pdf_text.normalise(pdf_text.pages(body)[0])
    year = {"001": "Seventy-second year", "004": "Seventy-third year"}[name]
    assert first.startswith(f"United Nations {doc.symbol} General Assembly Security Council Distr.: General")
    assert (
        "General Assembly Seventy-second session Agenda item 65 Peacebuilding and sustaining peace "
        f"Security Council {year} Letter dated"
    ) in first
    assert "as a document of the General Assembly, under agenda item 65, and of the Security Council." in first
