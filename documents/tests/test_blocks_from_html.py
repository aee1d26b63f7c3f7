"""A section's lists become the Council's lettered list blocks; the text around them stays as typed."""

from __future__ import annotations

from documents.council import ListBlock, ListItem, blocks_from_html


def test_an_ordered_list_is_lettered_and_the_text_around_it_kept():
    html = "<p>The panel included:</p><ol><li>Rachel Grimes;</li><li>Dariia <em>Malakhova</em>.</li></ol><p>After.</p>"
    assert blocks_from_html(html) == (
        "<p>The panel included:</p>",
        ListBlock(items=(ListItem("(a)", "Rachel Grimes;"), ListItem("(b)", "Dariia <em>Malakhova</em>."))),
        "<p>After.</p>",
    )


def test_a_bulleted_list_has_no_labels_and_a_nested_list_stays_inside_its_item():
    html = "<ul><li>One<ol><li>inner</li></ol></li><li>Two</li></ul>"
    assert blocks_from_html(html) == (
        ListBlock(items=(ListItem("", "One<ol><li>inner</li></ol>"), ListItem("", "Two"))),
    )


def test_text_without_lists_is_one_block_and_nothing_is_nothing():
    assert blocks_from_html("<p>Only text.</p>") == ("<p>Only text.</p>",)
    assert blocks_from_html("") == ()
