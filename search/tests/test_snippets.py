"""Snippets: stored text is escaped, only the marks around matches are markup (no database)."""

from search import snippets
from search.snippets import MARK_START, MARK_STOP


def test_a_headline_is_escaped_except_its_marks():
    headline = f"<script>alert(1)</script> women {MARK_START}mediators{MARK_STOP} & {MARK_START}<b>x</b>{MARK_STOP}"
    assert str(snippets.from_headline(headline)) == (
        "&lt;script&gt;alert(1)&lt;/script&gt; women <mark>mediators</mark> &amp; <mark>&lt;b&gt;x&lt;/b&gt;</mark>"
    )


def test_stray_markers_make_no_markup():
    assert str(snippets.from_headline(f"a {MARK_START}b and {MARK_STOP}{MARK_STOP} c")) == "a <mark>b and </mark> c"
    assert str(snippets.from_headline(f"{MARK_START}open")) == "open"


def test_rich_text_is_reduced_to_its_words():
    assert snippets.plain("<p>Women&nbsp;<strong>lead</strong></p><p>peace &amp; security</p>", rich=True) == (
        "Women\xa0lead peace & security".replace("\xa0", " ")
    )


def test_cut_marks_every_word_around_the_first_match():
    text = "word " * 100 + "Mediation by women, mediation again. " + "tail " * 100
    snippet = str(snippets.cut(text, ["mediation", "WOMEN"]))
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "<mark>Mediation</mark> by <mark>women</mark>, <mark>mediation</mark>" in snippet
    assert len(snippet) < snippets.SNIPPET_CHARS + 100


def test_cut_escapes_the_text_and_its_matches():
    snippet = str(snippets.cut("a <script>x</script> & b", ["<script>"]))
    assert snippet == "a <mark>&lt;script&gt;</mark>x&lt;/script&gt; &amp; b"
