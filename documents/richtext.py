"""Rich text for notes and summaries: a small allow-list of tags, sanitized with nh3 whenever it is saved.

Footnotes (``<span class="footnote">``) and plain tables (``table``, ``tr``, ``th`` with ``scope``, ``td``) are
kept; any other class or attribute is dropped.

Plain text is accepted too: blank lines make paragraphs, also between lines carrying a tag. Whatever the
input, nothing that can run script (tags, event attributes, ``javascript:`` links) or fetch a resource (images, styles)
survives, so the stored HTML is safe to print on a page or in a PDF.
"""

from __future__ import annotations

import re

import nh3
from django.db import models
from django.template.defaultfilters import linebreaks_filter

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "b", "em", "i", "u", "sup", "sub", "ul", "ol", "li", "blockquote", "h3", "h4", "a", "span"}
    # Tables (an annex may carry one): no attributes but a header's scope and the spans.
    | {"table", "thead", "tbody", "tr", "th", "td"}
)
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "ol": {"start", "type"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
# Attributes kept only with one of these values. A footnote is ``<span class="footnote">…</span>`` (printed at
# the foot of the page, numbered in order): the one class rich text may carry.
ALLOWED_ATTRIBUTE_VALUES = {
    "span": {"class": {"footnote"}},
    "th": {"scope": {"col", "row", "colgroup", "rowgroup"}},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Removed together with their content, not just unwrapped.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "noscript", "title"})

_TAG = re.compile(r"<[a-zA-Z/!]")
_BLOCKS = "p|ul|ol|li|blockquote|h3|h4|table"
_BLOCK_START = re.compile(rf"<(?:{_BLOCKS})\b", re.IGNORECASE)
_BLOCK_OPEN = re.compile(rf"<(?:{_BLOCKS})\b[^>]*>", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(rf"</(?:{_BLOCKS})\s*>", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(value: str) -> str:
    """Blank lines make paragraphs in text that carries tags: a stretch of text between blank lines becomes a
    ``<p>`` (its line breaks ``<br>``) unless it starts with a block of its own (``<p>``, a list, a heading);
    a blank line inside an open block (a list typed over several lines) does not cut it. Text with no blank
    line is left as typed."""
    chunks: list[str] = []
    depth = 0
    for chunk in _BLANK_LINE.split(value.replace("\r\n", "\n")):
        if depth > 0:
            chunks[-1] += "\n\n" + chunk
        else:
            chunks.append(chunk)
        depth = max(0, depth + len(_BLOCK_OPEN.findall(chunk)) - len(_BLOCK_CLOSE.findall(chunk)))
    chunks = [chunk.strip() for chunk in chunks if chunk.strip()]
    if len(chunks) < 2:
        return value
    return "\n\n".join(
        chunk if _BLOCK_START.match(chunk) else "<p>" + chunk.replace("\n", "<br>") + "</p>" for chunk in chunks
    )


def sanitize(value: str) -> str:
    """Safe HTML from what a person typed: plain text becomes paragraphs, HTML keeps only allowed markup."""
    value = (value or "").strip()
    if not value:
        return ""
    value = paragraphs(value) if _TAG.search(value) else linebreaks_filter(value, autoescape=True)
    return nh3.clean(
        value,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        tag_attribute_values={
            tag: {name: set(values) for name, values in attrs.items()}
            for tag, attrs in ALLOWED_ATTRIBUTE_VALUES.items()
        },
        url_schemes=set(URL_SCHEMES),
        url_relative="deny",
        strip_comments=True,
    ).strip()


class RichTextField(models.TextField):
    """A TextField whose value is sanitized every time the row is saved, whatever the code path."""

    def pre_save(self, model_instance, add):
        value = sanitize(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
