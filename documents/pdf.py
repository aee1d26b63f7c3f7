"""PDFs of Council documents and background notes: HTML templates under templates/pdf/ + print CSS -> WeasyPrint.

``render_document(doc)`` prints a ``documents.council.CouncilDocument`` (a summary from documents.compose, a
joint General Assembly / Security Council letter, a seed re-entered for a test). Every PDF is tagged (a structure
tree of headings, paragraphs, lists, tables and footnotes in reading order, the language, the title shown instead
of the file name); an issued document is PDF/A-2a (accessible level) with XMP metadata naming its symbol, dates,
authors and subject. WeasyPrint tags a CSS footnote as NonStruct; ``_finish_structure`` makes each one a Note with
its number as Lbl (and gives list items an LBody), on WeasyPrint's own PDF objects just before they are written
(its ``finisher`` hook).

The only module that imports WeasyPrint. Nothing is fetched over the network while rendering: fonts come
from the system (fontconfig: DejaVu / Liberation from Debian packages), the CSS is inlined in the HTML, and
the URL fetcher refuses every URL except ``data:`` and files under the project's static directory.

Rendering is cached per document version: the key names the model, the row, its version, the PDF variant and a
digest of the HTML, so any change (the text, the meeting, a recommendation, a representative) renders anew.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pydyf
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.pdf.metadata import NS as XMP_NS
from weasyprint.pdf.metadata import DocumentMetadata
from weasyprint.urls import URLFetcher

from . import formatting
from .compose import summary_document
from .council import CouncilDocument, Organs
from .models import BackgroundNote, Summary

PDF_CACHE_SECONDS = 60 * 60 * 24 * 7
STATIC_ROOT_FOR_PDF = Path(settings.BASE_DIR) / "static"


class LocalOnlyFetcher(URLFetcher):
    """Serves ``data:`` URLs and files under static/; refuses everything else (no network at render time)."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, fail_on_errors=False)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and not parts.netloc:
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(STATIC_ROOT_FOR_PDF.resolve()):
                return super().fetch(url, headers)
        raise ValueError(f"Refused to fetch {url[:200]!r} while rendering a PDF: only local static files.")


# The variant an issued document is written as: PDF/A-2, accessible level (tagged). pdf/a-3a is the same with
# embedded files allowed (none here); pdf/ua-1 declares PDF/UA instead of PDF/A. Drafts are tagged, not PDF/A.
ISSUED_VARIANT = "pdf/a-2a"
DRAFT_VARIANT = ""


@dataclass(frozen=True)
class PdfMetadata:
    """What the PDF says about itself beyond its <title>: XMP Dublin Core (PDF/A files only)."""

    identifier: str = ""  # the symbol
    dates: tuple[datetime.date, ...] = ()  # the letter's date, then the date of issue
    subjects: tuple[str, ...] = ()  # keywords: the symbol, the organs


class CouncilMetadata(DocumentMetadata):
    """WeasyPrint's document metadata plus dc:identifier, dc:date, dc:language and dc:subject in the XMP."""

    def __init__(self, extra: PdfMetadata, **fields):
        super().__init__(**fields)
        self.extra = extra

    def generate_rdf_metadata(self, variant, version, conformance):
        rdf = ElementTree.fromstring(super().generate_rdf_metadata(variant, version, conformance))
        description = ElementTree.SubElement(rdf, f"{{{XMP_NS['rdf']}}}Description")
        description.attrib[f"{{{XMP_NS['rdf']}}}about"] = ""

        def rdf_list(name: str, kind: str, values) -> None:
            container = ElementTree.SubElement(
                ElementTree.SubElement(description, f"{{{XMP_NS['dc']}}}{name}"), f"{{{XMP_NS['rdf']}}}{kind}"
            )
            for value in values:
                ElementTree.SubElement(container, f"{{{XMP_NS['rdf']}}}li").text = value

        if self.extra.identifier:
            ElementTree.SubElement(description, f"{{{XMP_NS['dc']}}}identifier").text = self.extra.identifier
        if self.extra.dates:
            rdf_list("date", "Seq", [day.isoformat() for day in self.extra.dates])
        if self.lang:
            rdf_list("language", "Bag", [self.lang])
        if self.extra.subjects:
            rdf_list("subject", "Bag", self.extra.subjects)
        return ElementTree.tostring(rdf, encoding="utf-8")


def _pdf_object(pdf, reference):
    """The object a pydyf reference (``b"12 0 R"``) points to; None for a marked-content id (an int)."""
    if not isinstance(reference, (bytes, str)):
        return None
    return pdf.objects[int(reference.split()[0])]


def _kids(pdf, element) -> list:
    return [kid for kid in (_pdf_object(pdf, reference) for reference in element.get("K", ())) if kid is not None]


def _finish_structure(document, pdf) -> None:
    """Footnotes as Note elements with their number as Lbl; list items as Lbl and LBody (WeasyPrint 70 tags the
    first NonStruct and leaves the second without LBody). Runs on WeasyPrint's PDF objects before they are
    written (its ``finisher`` hook)."""
    if "StructTreeRoot" not in pdf.catalog:
        return
    root = _pdf_object(pdf, pdf.catalog["StructTreeRoot"])
    documents = _kids(pdf, root)
    _tag_footnotes(pdf, documents)
    _tag_list_bodies(pdf, documents)


def _tag_footnotes(pdf, documents) -> None:
    """WeasyPrint puts a page's footnote area, a box of no element, at the Document level of the structure tree
    as a NonStruct; in it each footnote (its ``span``) is a Span whose first child is the ::footnote-marker,
    NonStruct. Our templates put nothing else at that level as NonStruct (no <header>/<footer>: templates/pdf/)."""
    number = 0
    for area in (kid for document in documents for kid in _kids(pdf, document)):
        if area.get("S") != "/NonStruct":
            continue
        for note in _kids(pdf, area):
            kids = _kids(pdf, note)
            if note.get("S") != "/Span" or not kids or kids[0].get("S") != "/NonStruct":
                continue
            number += 1
            note["S"] = "/Note"
            note["ID"] = pydyf.String(f"footnote-{number}")
            kids[0]["S"] = "/Lbl"


def _tag_list_bodies(pdf, elements) -> None:
    """A list item whose marker is inside its first line (a lettered item: templates/pdf/print.css) comes out as
    LI > Lbl, Span, Span ...: the Spans after the label go into an LBody, as for a marker outside."""
    for element in elements:
        kids = _kids(pdf, element)
        if element.get("S") == "/LI" and kids and kids[0].get("S") == "/Lbl" and len(element["K"]) > 1:
            if not any(kid.get("S") == "/LBody" for kid in kids):
                body = pydyf.Dictionary(
                    {"Type": "/StructElem", "S": "/LBody", "K": pydyf.Array(element["K"][1:]), "P": element.reference}
                )
                pdf.add_object(body)
                for kid in kids[1:]:
                    kid["P"] = body.reference
                element["K"] = pydyf.Array([element["K"][0], body.reference])
        _tag_list_bodies(pdf, kids)


def html_to_pdf(
    html: str, *, variant: str = DRAFT_VARIANT, tagged: bool = True, metadata: PdfMetadata | None = None
) -> bytes:
    """Render self-contained HTML (its CSS inlined) to PDF bytes: tagged, and written as ``variant`` if given."""
    options = {"pdf_variant": variant or None, "pdf_tags": tagged}
    document = HTML(string=html, base_url=STATIC_ROOT_FOR_PDF.as_uri() + "/", url_fetcher=LocalOnlyFetcher()).render(
        **options
    )
    if metadata is not None:
        document.metadata = CouncilMetadata(metadata, **vars(document.metadata))
    return document.write_pdf(finisher=_finish_structure if tagged else None, **options)


def cache_key(document: BackgroundNote | Summary, html: str, variant: str = DRAFT_VARIANT) -> str:
    digest = hashlib.sha256(html.encode()).hexdigest()[:24]
    stamp = f"{document.updated_at:%Y%m%d%H%M%S%f}" if document.updated_at else "new"
    kind = (variant or "tagged").replace("/", "")
    return f"documents:pdf:{document._meta.label_lower}:{document.pk}:v{document.version}:{stamp}:{kind}:{digest}"


def cached_pdf(
    document: BackgroundNote | Summary, html: str, *, variant: str = DRAFT_VARIANT, metadata: PdfMetadata | None = None
) -> bytes:
    key = cache_key(document, html, variant)
    pdf = cache.get(key)
    if pdf is None:
        pdf = html_to_pdf(html, variant=variant, metadata=metadata)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf


# Council documents.


def document_title(doc: CouncilDocument) -> str:
    """The PDF's title, shown by readers instead of the file name: "S/2016/673 — Letter dated ..."."""
    return f"{doc.symbol} \u2014 {doc.title}" if doc.symbol else doc.title


def document_context(doc: CouncilDocument) -> dict:
    joint = doc.organs == Organs.GENERAL_ASSEMBLY_AND_SECURITY_COUNCIL
    return {
        "doc": doc,
        "draft": doc.draft,
        "lang": doc.language,
        "joint": joint,
        "pdf_title": document_title(doc),
        "ga_session": formatting.ordinal_words(doc.ga_session) if joint else "",
        "council_year": formatting.ordinal_words(doc.council_year),
        "keywords": ", ".join(document_metadata(doc).subjects),
    }


def document_metadata(doc: CouncilDocument) -> PdfMetadata:
    joint = doc.organs == Organs.GENERAL_ASSEMBLY_AND_SECURITY_COUNCIL
    organs = ("General Assembly", "Security Council") if joint else ("Security Council",)
    return PdfMetadata(
        identifier=doc.symbol,
        dates=tuple(day for day in (doc.letter_date, doc.issue_date) if day),
        subjects=tuple(filter(None, (doc.symbol, *organs))),
    )


def document_html(doc: CouncilDocument) -> str:
    """In the document's language, whatever the reader's: an issued document reads as it was issued."""
    with translation.override(doc.language or formatting.DOCUMENT_LANGUAGE):
        return render_to_string("pdf/council_document.html", document_context(doc))


def document_variant(doc: CouncilDocument) -> str:
    return DRAFT_VARIANT if doc.draft else ISSUED_VARIANT


def render_document(doc: CouncilDocument) -> bytes:
    """The document as DGACM issues it; a draft is watermarked DRAFT, an issued one written as PDF/A."""
    return html_to_pdf(document_html(doc), variant=document_variant(doc), metadata=document_metadata(doc))


def summary_html(summary: Summary, *, today: datetime.date) -> str:
    return document_html(summary_document(summary, today=today))


def render_summary(summary: Summary, *, today: datetime.date) -> bytes:
    """The Council document: letter, signatures, annex with the summary; watermarked DRAFT until issued."""
    doc = summary_document(summary, today=today)
    return cached_pdf(summary, document_html(doc), variant=document_variant(doc), metadata=document_metadata(doc))


# Background notes.


def note_context(note: BackgroundNote) -> dict:
    return {
        "note": note,
        "meeting": note.meeting,
        "draft": note.is_draft,
        "restricted": note.status != BackgroundNote.Status.PUBLISHED,
    }


def note_html(note: BackgroundNote) -> str:
    """Notes are written in English (their masthead says "Original: English"), whatever the reader's language."""
    with translation.override(formatting.DOCUMENT_LANGUAGE):
        return render_to_string("pdf/note.html", note_context(note))


def render_background_note(note: BackgroundNote) -> bytes:
    """The note's PDF: tagged always; written as PDF/A once shared (the version experts keep). Served from the
    cache keyed on its HTML (``cached_pdf``), so no change to the note can be hidden."""
    shared = note.shared_at.date() if note.shared_at else None
    metadata = PdfMetadata(dates=(shared,) if shared else (), subjects=("Background note",))
    return cached_pdf(
        note, note_html(note), variant=DRAFT_VARIANT if note.is_draft else ISSUED_VARIANT, metadata=metadata
    )
