"""Attachments are checked on their content (magic bytes, zip structure) and size, not on their name."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents import uploads
from documents.models import Attachment

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def office(main_part: str, *extra: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<document/>")
        for name in extra:
            archive.writestr(name, "x")
    return buffer.getvalue()


def inspect(data: bytes, name: str, max_bytes: int = 10_000):
    return uploads.inspect_upload(io.BytesIO(data), name, len(data), max_bytes)


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (PDF_BYTES, "note.pdf", uploads.PDF),
        (PNG_BYTES, "map.PNG", uploads.PNG),
        (JPEG_BYTES, "photo.jpeg", uploads.JPEG),
        (JPEG_BYTES, "photo.jpg", uploads.JPEG),
        (b"GIF89a" + b"\x00" * 20, "chart.gif", uploads.GIF),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "chart.webp", uploads.WEBP),
        (office("word/document.xml"), "talking-points.docx", uploads.DOCX),
        (office("xl/workbook.xml"), "data.xlsx", uploads.XLSX),
    ],
)
def test_accepted_files(data, name, kind):
    assert inspect(data, name) is kind


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (PNG_BYTES, "report.pdf", r"named .pdf but its content is of another type \(PNG image\)"),
        (PDF_BYTES, "photo.png", r"another type \(PDF\)"),
        (office("xl/workbook.xml"), "text.docx", r"another type \(Excel \(XLSX\)\)"),
        (b"<html><script>alert(1)</script></html>", "page.pdf", "not a PDF, Office document or image"),
        (b"MZ\x90\x00 executable", "setup.docx", "not a PDF, Office document or image"),
        (PDF_BYTES, "note.exe", "not accepted"),
        (b"<svg onload=alert(1)/>", "logo.svg", "not accepted"),
        (b"PK\x03\x04 broken zip", "broken.docx", "damaged"),
        (office("content.xml"), "odt.docx", "Only Word"),
        (office("word/document.xml", "word/vbaProject.bin"), "macro.docx", "macros"),
        (b"", "empty.pdf", "empty"),
    ],
)
def test_refused_files(data, name, message):
    with pytest.raises(uploads.UploadRefused, match=message):
        inspect(data, name)


def test_plain_zip_is_not_an_office_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<x/>")
    with pytest.raises(uploads.UploadRefused, match="not an Office document"):
        inspect(buffer.getvalue(), "fake.docx")


def test_size_limit():
    with pytest.raises(uploads.UploadRefused, match="the limit is 40"):
        inspect(PDF_BYTES, "note.pdf", max_bytes=40)


def test_zip_bomb_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "0" * 5_000_000)
    data = buffer.getvalue()
    assert len(data) < 10_000
    with pytest.raises(uploads.UploadRefused, match="unpacks"):
        inspect(data, "bomb.docx")


# Through the upload view.


def _upload(client, meeting, data: bytes, name: str, title: str = "Talking points"):
    return client.post(
        reverse("documents:attachment_upload", args=[meeting.pk]),
        {"title": title, "file": SimpleUploadedFile(name, data, content_type="application/pdf")},
    )


def test_upload_stores_through_the_storage_api(secretariat_client, meeting, settings):
    response = _upload(secretariat_client, meeting, office("word/document.xml"), "Points de discussion.docx")
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.original_name == "Points de discussion.docx"
    assert attachment.content_type == uploads.DOCX.content_type  # detected, not the browser's claim
    assert attachment.size == len(office("word/document.xml"))
    assert attachment.file.name.startswith(f"attachments/{meeting.pk}/")
    assert "Points" not in attachment.file.name  # a random stored name
    assert attachment.file.storage.exists(attachment.file.name)
    assert attachment.file.path.startswith(settings.MEDIA_ROOT)


def test_upload_over_the_limit_is_refused_with_the_form_kept(secretariat_client, meeting, settings):
    settings.ATTACHMENT_MAX_BYTES = 20
    response = _upload(secretariat_client, meeting, PDF_BYTES, "note.pdf", title="Kept title")
    assert response.status_code == 200
    assert "the limit is 20" in response.content.decode()
    assert 'value="Kept title"' in response.content.decode()
    assert not Attachment.objects.exists()


def test_upload_with_mismatched_content_is_refused(secretariat_client, meeting):
    response = _upload(secretariat_client, meeting, PNG_BYTES, "note.pdf")
    assert response.status_code == 200
    assert "its content is of another type (PNG image)" in response.content.decode()
    assert not Attachment.objects.exists()


@pytest.mark.parametrize("client_fixture", ["cochair_client", "expert_client"])
def test_only_the_secretariat_uploads(client_fixture, meeting, request):
    response = _upload(request.getfixturevalue(client_fixture), meeting, PDF_BYTES, "note.pdf")
    assert response.status_code == 403
    assert not Attachment.objects.exists()


def test_delete_asks_then_deletes_on_post(secretariat_client, meeting, django_capture_on_commit_callbacks):
    _upload(secretariat_client, meeting, PDF_BYTES, "note.pdf")
    attachment = Attachment.objects.get()
    url = reverse("documents:attachment_delete", args=[attachment.pk])
    page = secretariat_client.get(url)
    assert page.status_code == 200 and "Delete the file" in page.content.decode()
    assert Attachment.objects.exists()
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        assert secretariat_client.post(url).status_code == 302
    assert not Attachment.objects.exists()
    assert not storage.exists(name)
    assert Attachment.history.filter(history_type="-").count() == 1
