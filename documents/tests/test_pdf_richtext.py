"""Rich text for the renderer: footnotes and tables survive sanitizing; nothing else new does."""

from __future__ import annotations

import pytest

from documents.richtext import sanitize


def test_a_footnote_span_is_kept():
    html = '<p>Text.<span class="footnote">A/71/927-S/2017/485.</span></p>'
    assert sanitize(html) == html


@pytest.mark.parametrize(
    "typed",
    [
        '<p>x<span class="other">n</span></p>',
        '<p>x<span class="footnote other">n</span></p>',
        '<p>x<span class="footnote" style="color:red" id="f1">n</span></p>',
        '<p>x<span onclick="alert(1)">n</span></p>',
    ],
)
def test_no_other_class_or_attribute_on_a_span(typed):
    clean = sanitize(typed)
    assert "other" not in clean and "style" not in clean and "onclick" not in clean and "id=" not in clean
    assert "n" in clean


def test_a_plain_table_is_kept_with_scope_and_spans_only():
    typed = (
        '<table class="x" style="width:100%" border="1"><thead><tr><th scope="col" colspan="2" class="y">Role</th>'
        '<th scope="sideways">Bad</th></tr></thead><tbody><tr><td rowspan="2" onclick="x()">Chair</td></tr></tbody>'
        "</table>"
    )
    assert sanitize(typed) == (
        '<table><thead><tr><th scope="col" colspan="2">Role</th><th>Bad</th></tr></thead>'
        '<tbody><tr><td rowspan="2">Chair</td></tr></tbody></table>'
    )


def test_blank_lines_inside_a_typed_table_do_not_make_paragraphs():
    typed = "Intro\n\n<table>\n<tr><td>a</td></tr>\n\n<tr><td>b</td></tr>\n</table>\n\nEnd"
    clean = sanitize(typed)
    assert clean.startswith("<p>Intro</p>") and clean.endswith("<p>End</p>")
    assert "<p><table>" not in clean and "<td><p>" not in clean
