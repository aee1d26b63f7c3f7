"""Reading a rendered PDF back for tests: its text normalised, its text runs with their font and height, its
structure tree, and the original seed texts as paragraphs to compare with."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

DATA = Path(__file__).parent / "data"

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2010": "-"})
_SUPERSCRIPTS = str.maketrans("\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u2070", "1234567890")


def normalise(text: str) -> str:
    """One line of plain words: quotes straightened, soft hyphens dropped, a label one space from its text."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).translate(_SUPERSCRIPTS).replace("\u00ad", "")
    text = re.sub(r"(?m)^\s*[\u2022\u25aa-]\s+", "", text)  # bullets
    text = " ".join(text.split())
    return re.sub(r"(\((?:[a-z]{1,3}|[ivx]+)\))(?=\S)", r"\1 ", text)


def original_paragraphs(name: str) -> list[str]:
    """A seed text (as converted from the issued PDF: page breaks split paragraphs, markdown bold and headings,
    footnotes where the page ended) as its normalised paragraphs, footnotes and rules left out."""
    kept = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped == "---" or re.match(r"^(<sup>\d+</sup>|[\u00b9\u00b2\u00b3\u2074-\u2079])", stripped):
            continue  # a footnote, printed at the foot of its page: compared on its own
        line = re.sub(r"<sup>(\d+)</sup>", r"\1", line)
        line = re.sub(r"^\s*#+\s*", "", line).replace("**", " ").replace("*", "")
        kept.append(re.sub(r"^\s*-\s+", "", line))
    chunks = re.split(r"\n\s*\n", "\n".join(kept))
    return [normalise(chunk) for chunk in chunks if normalise(chunk)]


def pypdf_pages(body: bytes):
    return PdfReader(io.BytesIO(body)).pages


def pages(body: bytes) -> list[str]:
    """Each page's text as extracted, line breaks after a hyphen or a slash joined (a line may end at a word's own
    hyphen, or at the slash of "leaders/representatives")."""
    return [page.extract_text().replace("-\n", "-").replace("/\n", "/") for page in PdfReader(io.BytesIO(body)).pages]


def body_text(body: bytes, *, symbol: str, job_number: str = "", footnotes: tuple[str, ...] = ()) -> str:
    """The document's running text: page furniture (the masthead's "United Nations" and symbol, the running
    symbol, page numbers, the job number) and the footnotes at the page foot taken out, pages joined."""
    texts = pages(body)
    total = len(texts)
    cleaned = []
    for number, text in enumerate(texts, start=1):
        text = normalise(text)
        text = _drop_last(text, f"{number}/{total}")
        if number == 1:
            text = text.replace(f"United Nations {symbol}", "", 1)
            if job_number:
                text = _drop_last(text, job_number)
        else:
            text = _drop_last(text, symbol)
        cleaned.append(text)
    text = " ".join(cleaned)
    for index, footnote in enumerate(footnotes, start=1):
        text = text.replace(f" {index} {normalise(footnote)}", "", 1)
    return " ".join(text.split())


def _drop_last(text: str, needle: str) -> str:
    head, found, tail = text.rpartition(needle)
    return head + tail if found else text


@dataclass(frozen=True)
class Run:
    """A piece of text as drawn: its page, its font's name and its height from the page's bottom, in points."""

    page: int
    text: str
    font: str
    y: float


def runs(body: bytes) -> list[Run]:
    found = []
    for number, page in enumerate(PdfReader(io.BytesIO(body)).pages, start=1):

        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append(Run(number, text, str(font.get("/BaseFont", "")) if font else "", y))

        page.extract_text(visitor_text=visit)
    return found


def structure(body: bytes) -> list[str]:
    """The structure tree's element types, depth first (the reading order), "/Document" first."""
    reader = PdfReader(io.BytesIO(body))
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    found: list[str] = []

    def walk(node) -> None:
        node = node.get_object()
        found.append(str(node["/S"]))
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object()
            if hasattr(kid, "get") and "/S" in kid:
                walk(kid)

    kids = root["/K"]
    for kid in kids if isinstance(kids, list) else [kids]:
        walk(kid)
    return found


def xmp(body: bytes) -> str:
    reader = PdfReader(io.BytesIO(body))
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
