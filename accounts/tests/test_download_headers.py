"""Uploaded files and PDFs are served with safe headers: always a download, the stored type, no sniffing."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from meetings.models import Meeting

pytest.importorskip("documents.models")

from documents.models import Attachment  # noqa: E402

WHEN = datetime.datetime(2026, 12, 1, 15, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _attach(meeting, original_name="briefing.pdf", content_type="application/pdf", body=b"%PDF-1.4\n%%EOF\n"):
    attachment = Attachment(
        meeting=meeting,
        title="Briefing pack",
        original_name=original_name,
        content_type=content_type,
        size=len(body),
        uploaded_at=WHEN,
    )
    attachment.file.save(original_name, ContentFile(body), save=False)
    attachment.save()
    return attachment


def _assert_safe_download(response, content_type: str):
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_restricted_attachment_is_a_private_download(expert_client, meeting):
    attachment = _attach(meeting)

    response = expert_client.get(reverse("documents:attachment_download", args=[attachment.pk]))

    _assert_safe_download(response, "application/pdf")
    assert 'filename="briefing.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_an_html_file_is_still_only_a_download(expert_client, meeting):
    attachment = _attach(meeting, "notes.html", "text/html", b"<script>alert(1)</script>")

    response = expert_client.get(reverse("documents:attachment_download", args=[attachment.pk]))

    _assert_safe_download(response, "text/html")


def test_a_crafted_file_name_cannot_add_headers(expert_client, meeting):
    attachment = _attach(meeting, 'report".pdf\r\nSet-Cookie: x=1')

    response = expert_client.get(reverse("documents:attachment_download", args=[attachment.pk]))

    _assert_safe_download(response, "application/pdf")
    assert "Set-Cookie" not in response
    assert "\n" not in response["Content-Disposition"]


def test_published_attachment_is_a_public_download(client, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED, symbol="S/2026/77")
    attachment = _attach(meeting)

    response = client.get(reverse("documents:public_attachment", args=[attachment.pk]))

    _assert_safe_download(response, "application/pdf")
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_draft_summary_pdf_is_a_private_download(cochair_client, meeting):
    docs = pytest.importorskip("documents.tests.factories")
    docs.make_summary(meeting)

    response = cochair_client.get(reverse("documents:summary_pdf", args=[meeting.pk]))

    _assert_safe_download(response, "application/pdf")
    assert "no-store" in response["Cache-Control"]
