"""Rendering: nothing fetched from the network, one cached rendering per document version."""

from __future__ import annotations

import datetime
import socket

import pytest
from django.core.cache import cache

from documents import pdf, services
from documents.tests import factories as f
from documents.tests.test_summary_pdf import pages_text

TODAY = datetime.date(2026, 12, 20)


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/logo.png",
        "https://fonts.example.org/font.woff2",
        "ftp://example.org/x",
        "file:///etc/passwd",
        "file://remote-host/share/x.png",
    ],
)
def test_fetcher_refuses_network_and_files_outside_static(url):
    with pytest.raises(ValueError, match="Refused"):
        pdf.LocalOnlyFetcher().fetch(url)


def test_fetcher_serves_data_urls_and_static_files():
    assert pdf.LocalOnlyFetcher().fetch("data:text/plain,hi").read() == b"hi"
    css = pdf.STATIC_ROOT_FOR_PDF / "css" / "app.css"
    assert pdf.LocalOnlyFetcher().fetch(css.as_uri()).read().startswith(b"/*")


def test_rendering_never_opens_a_socket(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("network access while rendering")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    html = (
        '<html><head><link rel="stylesheet" href="https://example.org/x.css">'
        '<style>@import url("http://example.org/y.css"); @font-face { font-family: X; '
        'src: url("https://example.org/x.woff2"); }</style></head>'
        '<body><img src="http://example.org/z.png"><p>Offline</p></body></html>'
    )
    body = pdf.html_to_pdf(html)
    assert "Offline" in pages_text(body)[0]


def test_the_rendering_is_cached_per_version(meeting, secretariat_user, monkeypatch):
    summary = f.make_summary(meeting)
    calls = []
    real = pdf.html_to_pdf
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, **options: calls.append(html) or real(html, **options))

    first = pdf.render_summary(summary, today=TODAY)
    assert pdf.render_summary(summary, today=TODAY) == first
    assert len(calls) == 1

    summary.title = "A new title."  # (was a main point: the sections are rows now)
    services.save_summary(summary, expected_version=summary.version, by=secretariat_user)
    changed = pdf.render_summary(summary, today=TODAY)
    assert len(calls) == 2
    assert "A new title." in " ".join(pages_text(changed))


def test_a_change_outside_the_document_renders_anew(meeting, monkeypatch):
    """The key holds a digest of the HTML: a new recommendation or representative is never served stale."""
    summary = f.make_summary(meeting)
    first_key = pdf.cache_key(summary, pdf.summary_html(summary, today=TODAY))
    f.make_recommendations(meeting, ["Added after the first rendering."])
    assert pdf.cache_key(summary, pdf.summary_html(summary, today=TODAY)) != first_key
    assert first_key.startswith(f"documents:pdf:documents.summary:{summary.pk}:v{summary.version}:")


def test_cache_is_the_django_cache(meeting):
    note = f.make_note(meeting)
    body = pdf.render_background_note(note)
    assert cache.get(pdf.cache_key(note, pdf.note_html(note))) == body


def test_background_note_pdf(meeting, secretariat_user):
    note = f.make_note(
        meeting, protection_trends="<p>Reports of conflict-related sexual violence rose.</p>", early_warning="Rising."
    )
    f.make_recommendations(meeting, ["Ask the mission for data.", "Raise it at the renewal."])
    pages = pages_text(pdf.render_background_note(note))
    text = " ".join(pages)
    assert "Background note: South Sudan, meeting of 10 December 2026" in text
    assert text.index("Women's participation and leadership") < text.index("Protection trends")
    assert text.index("Protection trends") < text.index("Early-warning indicators")
    assert "Gender analysis" not in text  # empty sections are left out
    assert "(a) Ask the mission for data. (b) Raise it at the renewal." in text
    assert "Distr.: Restricted" in text
    assert all("DRAFT" in page for page in pages)
    assert all(f"{n}/{len(pages)}" in page for n, page in enumerate(pages, start=1))

    note = f.share(note, by=secretariat_user)
    shared = pages_text(pdf.render_background_note(note))
    assert not any("DRAFT" in page for page in shared)
    assert "Distr.: Restricted" in shared[0]


def test_note_pdf_is_built_once_and_never_served_stale(meeting, monkeypatch):
    """Downloads of an unchanged note reuse one PDF; any change to what it shows (here a recommendation added
    with no request and no cache rule) builds a new one: the key is the note's HTML."""
    note = f.make_note(meeting)
    built = []
    real = pdf.html_to_pdf
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, **kw: built.append(1) or real(html, **kw))
    first = pdf.render_background_note(note)
    assert pdf.render_background_note(note) == first
    assert len(built) == 1
    f.make_recommendations(meeting, ["Added later, from the shell."])
    changed = pdf.render_background_note(note)
    assert len(built) == 2
    assert "Added later" in " ".join(pages_text(changed))
