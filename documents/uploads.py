"""What an uploaded file really is, read from its bytes: the name and the browser's type are not trusted.

Pure Python (no ORM): ``inspect_upload(fileobj, name, max_bytes)`` returns the detected kind or raises
``UploadRefused`` with a message for the person uploading.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str
    content_type: str
    extensions: frozenset[str]


PDF = FileKind("pdf", "PDF", "application/pdf", frozenset({".pdf"}))
DOCX = FileKind(
    "docx",
    "Word (DOCX)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    frozenset({".docx"}),
)
XLSX = FileKind(
    "xlsx", "Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", frozenset({".xlsx"})
)
PNG = FileKind("png", "PNG image", "image/png", frozenset({".png"}))
JPEG = FileKind("jpeg", "JPEG image", "image/jpeg", frozenset({".jpg", ".jpeg"}))
GIF = FileKind("gif", "GIF image", "image/gif", frozenset({".gif"}))
WEBP = FileKind("webp", "WebP image", "image/webp", frozenset({".webp"}))
KINDS: tuple[FileKind, ...] = (PDF, DOCX, XLSX, PNG, JPEG, GIF, WEBP)
ALLOWED_EXTENSIONS = frozenset().union(*(kind.extensions for kind in KINDS))

# Office files are zip archives: bound what they would unpack to, so a small "zip bomb" is refused.
MAX_ZIP_ENTRIES = 2000
MAX_UNPACKED_RATIO = 100
# The part each Office format must contain; macro-enabled variants carry a VBA project and are refused.
OFFICE_MAIN_PART = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml"}


class UploadRefused(ValueError):
    """The file is not accepted; the message says why."""


def _sniff(head: bytes) -> FileKind | None:
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04"):
        return DOCX  # provisional: the archive's content decides between DOCX and XLSX
    return None


def _office_kind(fileobj: BinaryIO, size: int) -> FileKind:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if len(infos) > MAX_ZIP_ENTRIES or sum(info.file_size for info in infos) > size * MAX_UNPACKED_RATIO:
                raise UploadRefused(_("This archive unpacks to far more than its size; it is refused."))
    except zipfile.BadZipFile as exc:
        raise UploadRefused(_("The file looks like an Office document but is damaged.")) from exc
    if "[Content_Types].xml" not in names:
        raise UploadRefused(_("This zip file is not an Office document."))
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise UploadRefused(_("Documents with macros are not accepted; save it as a plain DOCX or XLSX."))
    for kind, part in OFFICE_MAIN_PART.items():
        if part in names:
            return kind
    raise UploadRefused(_("Only Word (DOCX) and Excel (XLSX) Office documents are accepted."))


def inspect_upload(fileobj: BinaryIO, name: str, size: int, max_bytes: int) -> FileKind:
    """The kind of an uploaded file, checked on its content; refused when too big, unknown or mislabelled."""
    if size == 0:
        raise UploadRefused(_("The file is empty."))
    if size > max_bytes:
        raise UploadRefused(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)}
        )
    extension = PurePosixPath(name).suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise UploadRefused(
            _("Files of this type are not accepted. Upload a PDF, DOCX, XLSX, PNG, JPEG, GIF or WebP file.")
        )
    fileobj.seek(0)
    kind = _sniff(fileobj.read(16))
    if kind is DOCX:
        fileobj.seek(0)
        kind = _office_kind(fileobj, size)
    fileobj.seek(0)
    if kind is None:
        raise UploadRefused(_("The file's content is not a PDF, Office document or image."))
    if extension not in kind.extensions:
        raise UploadRefused(
            _("The file is named %(ext)s but its content is of another type (%(kind)s): upload the right file.")
            % {"ext": extension, "kind": kind.label}
        )
    return kind
