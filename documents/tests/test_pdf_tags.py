"""Issue 19: every PDF tagged (structure tree in reading order, language, title shown), issued ones PDF/A-2a with
XMP metadata. Read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from documents import pdf, services
from documents.council import CouncilDocument, ListBlock, ListItem, Section
from documents.tests import factories as f
from documents.tests import pdf_text, seeds
from meetings.tests.factories import make_user

TABLE = (
    '<p>Roles in the Network.<span class="footnote">As agreed in December 2017.</span></p>'
    '<table><thead><tr><th scope="col">Role</th><th scope="col">Who</th></tr></thead>'
    "<tbody><tr><td>Chair</td><td>Germany</td></tr></tbody></table>"
)


def subsequence(expected: list[str], found: list[str]) -> bool:
    it = iter(found)
    return all(any(item == name for item in it) for name in expected)


@pytest.fixture(scope="module")
def seed_004():
    doc = seeds.seed_004()
    doc = dataclasses.replace(doc, sections=(*doc.sections, Section("Roles", (TABLE,))))
    return doc, pdf.render_document(doc)


def test_the_structure_tree_has_headings_paragraphs_lists_tables_and_notes_in_reading_order(seed_004):
    _doc, body = seed_004
    tree = pdf_text.structure(body)
    assert tree[0] == "/Document"
    assert subsequence(
        [
            "/H1",  # the title
            "/P",  # the letter
            "/H2",  # "Annex to the letter dated ..."
            "/H3",  # "Background and objectives"
            "/P",
            "/Note",  # footnote 1, at the foot of the page that calls it
            "/Lbl",
            "/H3",  # "Focus areas"
            "/L",
            "/LI",
            "/H3",  # "Roles"
            "/Table",
            "/THead",
            "/TR",
            "/TH",
            "/TBody",
            "/TD",
            "/Note",
        ],
        tree,
    ), tree
    # Each footnote is a Note whose first child is its number.
    assert tree.count("/Note") == 2
    assert all(tree[i + 1] == "/Lbl" for i, name in enumerate(tree) if name == "/Note")


def test_footnote_notes_carry_distinct_ids(seed_004):
    _doc, body = seed_004
    reader = PdfReader(io.BytesIO(body))
    ids = []

    def walk(node):
        node = node.get_object()
        if node.get("/S") == "/Note":
            ids.append(str(node["/ID"]))
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object()
            if hasattr(kid, "get") and "/S" in kid:
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0])
    assert ids == ["footnote-1", "footnote-2"]


def test_language_title_and_display_doc_title(seed_004):
    doc, body = seed_004
    reader = PdfReader(io.BytesIO(body))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 - a pypdf BooleanObject
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert reader.metadata.title == f"{doc.symbol} \u2014 {doc.title}"
    assert reader.metadata.author == "Germany, Namibia and Spain"


def test_an_issued_document_is_pdf_a_2a_with_xmp_metadata(seed_004):
    doc, body = seed_004
    xmp = pdf_text.xmp(body)
    assert 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="A"' in xmp
    assert f"<dc:identifier>{doc.symbol}</dc:identifier>" in xmp
    assert f"{doc.symbol} \u2014 Letter dated 1 March 2018" in xmp  # dc:title
    assert "<rdf:li>Germany, Namibia and Spain</rdf:li>" in xmp  # dc:creator
    assert "Technical Operative Guidelines</rdf:li>" in xmp  # dc:description, the subject
    assert "<dc:date><rdf:Seq><rdf:li>2018-03-01</rdf:li><rdf:li>2018-03-09</rdf:li></rdf:Seq></dc:date>" in xmp
    assert "<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>" in xmp
    assert PdfReader(io.BytesIO(body)).trailer["/Root"]["/OutputIntents"]


def test_a_draft_is_tagged_but_not_pdf_a():
    doc = CouncilDocument(title="Letter dated ...", body_html="<p>Text.</p>", draft=True)
    body = pdf.render_document(doc)
    reader = PdfReader(io.BytesIO(body))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert "/Metadata" not in reader.trailer["/Root"]
    assert "DRAFT" in pdf_text.pages(body)[0]


def test_an_issued_summary_is_stored_as_pdf_a(meeting, cochair_user, secretariat_user):
    f.make_representative("Denmark", "Martin Bille Hermann", start=datetime.date(2020, 1, 1))
    summary = f.make_summary(meeting, main_points='<p>Point.<span class="footnote">A source.</span></p>')
    f.hold(meeting)
    now = timezone.now()
    for user in (cochair_user, make_user("greek", delegation="Greece")):
        summary, _approval = services.approve_summary(summary, by=user, now=now)
    services.submit_summary(summary, by=secretariat_user, now=now)
    summary = services.issue_summary(
        summary, "S/2026/1001", by=secretariat_user, now=now, issue_date=datetime.date(2026, 12, 28)
    )
    with summary.issued_pdf.open("rb") as stored:
        body = stored.read()
    xmp = pdf_text.xmp(body)
    assert 'pdfaid:part="2"' in xmp and "<dc:identifier>S/2026/1001</dc:identifier>" in xmp
    assert "/Note" in pdf_text.structure(body)
    assert PdfReader(io.BytesIO(body)).metadata.title.startswith("S/2026/1001 \u2014 Letter dated")


def test_the_background_note_is_tagged(meeting):
    note = f.make_note(meeting, protection_trends="<p>Reports rose.</p>")
    tree = pdf_text.structure(pdf.render_background_note(note))
    assert {"/H1", "/H3", "/P"} <= set(tree)


def test_the_cache_keys_on_the_variant(meeting):
    summary = f.make_summary(meeting)
    html = pdf.summary_html(summary, today=datetime.date(2026, 12, 20))
    assert pdf.cache_key(summary, html, pdf.ISSUED_VARIANT) != pdf.cache_key(summary, html, pdf.DRAFT_VARIANT)


def test_the_draft_watermark_is_on_every_page_and_not_in_the_structure_tree():
    """A page background (an artifact): screen readers do not hear "DRAFT" on every page."""
    doc = CouncilDocument(title="Letter dated ...", body_html="<p>Text.</p>", sections=(Section("A", ("<p>B</p>",)),))
    draft = pdf.render_document(doc)
    assert all("DRAFT" in page for page in pdf_text.pages(draft))
    final = pdf.html_to_pdf(pdf.document_html(dataclasses.replace(doc, draft=False)))
    assert not any("DRAFT" in page for page in pdf_text.pages(final))
    assert pdf_text.structure(draft) == pdf_text.structure(final)


def test_a_lettered_item_is_its_letter_as_lbl_then_its_body():
    items = (ListItem("(a)", "<p>First.</p>"), ListItem("(b)", "<p>Second, <em>emphasis</em>.</p>"))
    doc = CouncilDocument(
        title="Letter", sections=(Section("R", (ListBlock(lead_in_html="<p>Lead.</p>", items=items),)),)
    )
    body = pdf.render_document(doc)
    tree = pdf_text.structure(body)
    start = tree.index("/L")
    assert tree[start : start + 6] == ["/L", "/LI", "/Lbl", "/Span", "/LBody", "/Span"]
    assert tree.count("/Lbl") == 2 and tree.count("/LBody") == 2
    text = pdf_text.normalise(pdf_text.pages(body)[1])
    assert "Lead. (a) First. (b) Second, emphasis." in text
