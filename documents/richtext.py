"""Rich text for notes and summaries: a small allow-list of tags, sanitized with nh3 whenever it is saved.

Plain text (no tags) is accepted too: blank lines make paragraphs. Whatever the input, nothing that
can run script (tags, event attributes, ``javascript:`` links) or fetch a resource (images, styles)
survives, so the stored HTML is safe to print on a page or in a PDF.
"""

from __future__ import annotations

import re

import nh3
from django.db import models
from django.template.defaultfilters import linebreaks_filter

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "b", "em", "i", "u", "sup", "sub", "ul", "ol", "li", "blockquote", "h3", "h4", "a"}
)
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start", "type"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Removed together with their content, not just unwrapped.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "noscript", "title"})

_TAG = re.compile(r"<[a-zA-Z/!]")


def sanitize(value: str) -> str:
    """Safe HTML from what a person typed: plain text becomes paragraphs, HTML keeps only allowed markup."""
    value = (value or "").strip()
    if not value:
        return ""
    if not _TAG.search(value):
        value = linebreaks_filter(value, autoescape=True)
    return nh3.clean(
        value,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
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
