"""How Council documents print dates, ordinals and lists of states: "4 December 2026" (the app's own pages say
"4 Dec 2026"), "Seventy-second session", "Germany, Namibia and Spain"."""

from __future__ import annotations

import datetime
import functools

from django.utils import formats, translation
from num2words import num2words

from iegwps.formats.en.formats import COUNCIL_DOCUMENT_DATE_FORMAT

# The language the app's documents are written and issued in (Council documents, background notes, the Network's
# documents and newsletters): they keep it whatever language the reader's pages are in.
DOCUMENT_LANGUAGE = "en"


def in_document_language(build):
    """Compose a document in its language, not the reader's: every date, label and lazy text it holds is made
    inside. The renderer (documents.pdf) overrides the language again for the template."""

    @functools.wraps(build)
    def wrapper(*args, **kwargs):
        with translation.override(DOCUMENT_LANGUAGE):
            return build(*args, **kwargs)

    return wrapper


def council_date(value: datetime.date | None) -> str:
    return formats.date_format(value, COUNCIL_DOCUMENT_DATE_FORMAT) if value else ""


def ordinal_words(number: int | None) -> str:
    """72 -> "Seventy-second": a General Assembly session or a Council year as a masthead spells it."""
    if not number:
        return ""
    words = num2words(number, to="ordinal", lang="en")
    return words[:1].upper() + words[1:]


def join_names(names: list[str] | tuple[str, ...]) -> str:
    """'Spain', 'Spain and Uruguay', 'Ireland, Mexico and the United Kingdom': as the Council's letters list
    states. English, whatever the reader's language: the documents are issued in their original English."""
    names = [name for name in names if name]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
