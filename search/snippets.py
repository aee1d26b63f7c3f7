"""Plain text of stored fields and the snippets shown under a result: everything escaped, matches in <mark>.

Stored text is never trusted as HTML: rich text is reduced to its words, then escaped; only the marks this module
adds (or the markers PostgreSQL's headline put around matches) become markup.
"""

from __future__ import annotations

import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

# Put around matches by PostgreSQL's ts_headline (StartSel/StopSel): private-use characters no typed text holds
# (any that a stored text did hold are dropped, never turned into markup of their own).
MARK_START = "\ue000"
MARK_STOP = "\ue001"
_MARKED = re.compile(f"{MARK_START}(.*?){MARK_STOP}", re.DOTALL)
_SPACES = re.compile(r"\s+")

SNIPPET_CHARS = 240


def plain(value: str, *, rich: bool = False) -> str:
    """``value`` as the words a reader sees: tags removed from rich text, entities decoded, spaces collapsed."""
    text = str(value or "")
    if rich:
        text = html.unescape(strip_tags(text.replace("<", " <")))
    return _SPACES.sub(" ", text).strip()


def from_headline(headline: str | None, *, rich: bool = False) -> SafeString:
    """A PostgreSQL headline (its matches between MARK_START and MARK_STOP) as safe HTML."""
    text = plain(headline or "", rich=rich).strip(" ·")  # the separator between fields, at either end
    parts = []
    last = 0
    for found in _MARKED.finditer(text):
        parts.append(_escape_plain(text[last : found.start()]))
        parts.append(f"<mark>{_escape_plain(found.group(1))}</mark>")
        last = found.end()
    parts.append(_escape_plain(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 (every part escaped above)


def cut(text: str, words: list[str], *, size: int = SNIPPET_CHARS) -> SafeString:
    """About ``size`` characters of ``text`` around the first word found, every word found in <mark>."""
    lowered = text.lower()
    hits = [lowered.find(word.lower()) for word in words]
    hits = [at for at in hits if at >= 0]
    first = min(hits) if hits else 0
    start = max(0, first - size // 3)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.find(" ", end)
        end = space if space >= 0 else len(text)
    window = text[start:end]
    marked = _mark_words(window, words)
    return mark_safe(("… " if start else "") + marked + (" …" if end < len(text) else ""))  # noqa: S308


def count(text: str, word: str) -> int:
    """How often ``word`` occurs in ``text``, ignoring case (the ranking of the fallback search)."""
    return text.lower().count(word.lower()) if word else 0


def _mark_words(text: str, words: list[str]) -> str:
    wanted = sorted({w for w in words if w}, key=len, reverse=True)
    if not wanted:
        return _escape_plain(text)
    pattern = re.compile("|".join(re.escape(w) for w in wanted), re.IGNORECASE)
    parts = []
    last = 0
    for found in pattern.finditer(text):
        parts.append(_escape_plain(text[last : found.start()]))
        parts.append(f"<mark>{_escape_plain(found.group(0))}</mark>")
        last = found.end()
    parts.append(_escape_plain(text[last:]))
    return "".join(parts)


def _escape_plain(text: str) -> str:
    return str(escape(text.replace(MARK_START, "").replace(MARK_STOP, "")))
