"""Rich text is sanitized on save; no script ever reaches a page or a PDF."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.urls import reverse

from documents import pdf
from documents.models import NoteSection
from documents.richtext import sanitize
from documents.tests import factories as f

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src="http://attacker.example/x.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<p onclick="alert(1)" style="background:url(http://attacker.example)">text</p>',
    '<iframe src="https://attacker.example"></iframe>',
    "<style>@import url(http://attacker.example/x.css);</style>",
    '<link rel="stylesheet" href="http://attacker.example/x.css">',
    "<svg><script>alert(1)</script></svg>",
    "<!-- <script>alert(1)</script> -->",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_sanitize_removes_anything_that_runs_or_fetches(attack):
    clean = sanitize(f"<p>Before</p>{attack}<p>After</p>").lower()
    for needle in ("<script", "alert", "javascript:", "onerror", "onclick", "<img", "<iframe", "<style", "<link"):
        assert needle not in clean
    assert "attacker.example" not in clean
    assert "<p>before</p>" in clean and "<p>after</p>" in clean


def test_allowed_markup_is_kept():
    html = '<p><strong>Bold</strong> <em>it</em> <a href="https://www.un.org/">UN</a></p><ul><li>one</li></ul>'
    clean = sanitize(html)
    assert "<strong>Bold</strong>" in clean
    assert '<a href="https://www.un.org/" rel="noopener noreferrer">UN</a>' in clean
    assert "<ul><li>one</li></ul>" in clean


def test_plain_text_becomes_paragraphs_and_is_escaped():
    assert sanitize("First & foremost\n\nSecond\nline") == "<p>First &amp; foremost</p>\n\n<p>Second<br>line</p>"
    assert sanitize("   ") == ""


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # A tag inside a paragraph does not stop blank lines from making paragraphs.
        (
            "First <strong>point</strong>.\n\nSecond point.",
            "<p>First <strong>point</strong>.</p>\n\n<p>Second point.</p>",
        ),
        ("One\nline <em>two</em>\n\n\nThree", "<p>One<br>line <em>two</em></p>\n\n<p>Three</p>"),
        # Blocks typed as HTML stay as they are, between paragraphs typed as text.
        ("Intro <b>x</b>\n\n<ul><li>a</li></ul>\n\nEnd", "<p>Intro <b>x</b></p>\n\n<ul><li>a</li></ul>\n\n<p>End</p>"),
        # A blank line inside an open block does not cut it in two.
        ("<ul>\n<li>a</li>\n\n<li>b</li>\n</ul>", "<ul>\n<li>a</li>\n\n<li>b</li>\n</ul>"),
        ("<p>Already a paragraph</p>\n\n<p>And another</p>", "<p>Already a paragraph</p>\n\n<p>And another</p>"),
        ("A &amp; B <i>and</i> 3 < 4\n\nnext", "<p>A &amp; B <i>and</i> 3 &lt; 4</p>\n\n<p>next</p>"),
    ],
)
def test_blank_lines_make_paragraphs_even_with_tags(typed, expected):
    assert sanitize(typed) == expected


def test_every_rich_field_is_sanitized_on_save(meeting):
    note = f.make_note(meeting, early_warning="<p>Warn</p><script>alert(1)</script>")
    note.refresh_from_db()
    assert note.section_rows.get(focus_area="early_warning").body == "<p>Warn</p>"
    summary = f.make_summary(meeting, closing='<p onmouseover="x()">Thanks</p>')
    assert summary.sections.get(kind="text", heading="").body == "<p>Thanks</p>"


def test_rows_written_around_the_model_are_sanitized_at_output(meeting, secretariat_client):
    note = f.make_note(meeting)
    NoteSection.objects.filter(note=note, focus_area="participation").update(
        body="<p>Plans</p><script>alert('x')</script>"
    )
    page = secretariat_client.get(reverse("documents:note", args=[meeting.pk])).content.decode()
    assert "<p>Plans</p>" in page
    assert "alert(&#x27;x&#x27;)" not in page and "alert('x')" not in page
    note.refresh_from_db()
    assert "<script" not in pdf.note_html(note)
    rendered = Template("{% load documents_tags %}{{ v|rich }}").render(Context({"v": "<b onclick=1>x</b>"}))
    assert rendered == "<b>x</b>"


def test_no_script_in_the_summary_html(meeting):
    summary = f.make_summary(meeting, title="<script>alert(1)</script>Title")
    summary.sections.filter(heading="Main points raised").update(body="<script>alert(2)</script>")
    summary.refresh_from_db()
    html = pdf.summary_html(summary, today=meeting.date)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Title" in html  # the plain-text title is escaped
