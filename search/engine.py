"""The one search: ``search(user, text, filters)`` returns a page of results a reader may see.

On PostgreSQL each source's rows are matched with full-text search (``websearch_to_tsquery`` in English, so
"women" finds "woman", quotes a phrase, ``-word`` excludes), ranked with ``ts_rank`` (a title's words weigh more),
and cut into a headline around the matches; the vectors are those of the GIN indexes (search/migrations). On SQLite
(the embedded default) every word must appear in one of the source's fields (``icontains``), the rank counts the
matches (four for a word in the title), and the snippet is cut around the first match in Python.

One query per source the reader may search, each bounded to ``PER_SOURCE`` rows: the number of queries does not
grow with the rows. Results of all sources are merged by rank, then paginated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, Func, Q, QuerySet, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.safestring import SafeString

from . import snippets
from .sources import CONFIG, KINDS, SOURCES, Source

PER_SOURCE = 50  # the best rows of each source that a search looks at
PAGE_SIZE = 20
MAX_WORDS = 10
MAX_LENGTH = 200
# One excerpt around the best match (fragment mode would cut hyphenated words, "MARKER-PROPOSED-2026", short).
HEADLINE = {
    "start_sel": snippets.MARK_START,
    "stop_sel": snippets.MARK_STOP,
    "max_words": 35,
    "min_words": 12,
}


@dataclass(frozen=True)
class Filters:
    """What the reader narrowed the search to (already validated: see search.forms)."""

    kind: str = ""
    year: int | None = None
    country: int | None = None  # a countries.Situation's id


@dataclass(frozen=True)
class Result:
    kind: str
    kind_label: str
    title: str
    url: str
    snippet: SafeString
    year: int | None
    country: str
    rank: float


@dataclass
class Results:
    page: Page
    words: list[str]
    capped: bool = False  # some source had more matches than it looked at: narrow the search to see them
    kinds: dict = field(default_factory=dict)

    @property
    def count(self) -> int:
        return self.page.paginator.count


def words_of(text: str) -> list[str]:
    """The words typed (quotes and a leading minus are the full-text syntax, not part of a word)."""
    words = []
    for word in text.split():
        word = word.strip("\"'").lstrip("-")
        if word and word.upper() != "OR":
            words.append(word)
    return words[:MAX_WORDS]


def kinds_for(user, *, public: bool) -> dict[str, str]:
    """The kinds this reader can search (the filter's choices), in the order of KINDS."""
    available = {source.kind for source in SOURCES if source.rows(user, public) is not None}
    return {key: label for key, label in KINDS.items() if key in available}


def search(user, text: str, filters: Filters = Filters(), *, public: bool = False, page: int | None = 1) -> Results:
    """The results for ``text`` that ``user`` may see (with ``public``: what is published, for anyone)."""
    text = text[:MAX_LENGTH]
    words = words_of(text)
    found: list[Result] = []
    capped = False
    if words:
        for source in SOURCES:
            rows = _scoped(source, user, filters, public=public)
            if rows is None:
                continue
            matches = (
                _postgresql(source, rows, text, public) if _full_text() else _fallback(source, rows, words, public)
            )
            capped = capped or len(matches) >= PER_SOURCE
            found.extend(matches)
    found.sort(key=lambda r: (-r.rank, -(r.year or 0), r.title))
    return Results(
        page=Paginator(found, PAGE_SIZE).get_page(page),
        words=words,
        capped=capped,
        kinds=kinds_for(user, public=public),
    )


def _full_text() -> bool:
    return connection.vendor == "postgresql"


def _scoped(source: Source, user, filters: Filters, *, public: bool) -> QuerySet | None:
    if filters.kind and source.kind != filters.kind:
        return None
    rows = source.rows(user, public)
    if rows is None:
        return None
    if filters.year is not None:
        if source.year is None:
            return None
        rows = rows.filter(**{source.year: filters.year})
    if filters.country is not None:
        if source.country is None:
            return None
        rows = rows.filter(**{f"{source.country}_id": filters.country})
    if source.related:
        rows = rows.select_related(*source.related)
    if source.expressions:
        rows = rows.annotate(**source.expressions)
    return rows


def _postgresql(source: Source, rows: QuerySet, text: str, public: bool) -> list[Result]:
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    rows = (
        rows.annotate(search_vector=source.vector())
        .filter(search_vector=query)
        .annotate(search_rank=SearchRank(F("search_vector"), query))
    )
    if source.words is None:
        rows = rows.annotate(search_headline=_headline(source, query))
    found = []
    for row in rows.order_by("-search_rank", "-pk")[:PER_SOURCE]:
        if source.words is None:
            snippet = snippets.from_headline(row.search_headline, rich=source.rich)
        else:
            title, body = source.words(row)
            if not _holds_loosely(f"{title} {body}", words_of(text)):
                continue  # matched the stored structure (a JSON key), not the words a reader sees
            snippet = snippets.cut(body or title, words_of(text))
        found.append(_result(source, row, snippet, float(row.search_rank), public))
    return found


class _StripTags(Func):
    """Rich text without its tags, for the headline only (the index reads the stored text: tags are no words)."""

    function = "REGEXP_REPLACE"
    output_field = TextField()

    def __init__(self, expression):
        super().__init__(expression, Value("<[^>]*>"), Value(" "), Value("g"))


def _headline(source: Source, query: SearchQuery):
    parts = []
    for name in source.title_fields + source.text_fields:
        column = Coalesce(F(name), Value(""), output_field=TextField())
        parts.extend([_StripTags(column) if source.rich else column, Value(" · ")])
    text = Concat(*parts, output_field=TextField()) if len(parts) > 1 else parts[0]
    return SearchHeadline(text, query, config=CONFIG, **HEADLINE)


def _holds_loosely(text: str, words: list[str]) -> bool:
    """Some word typed appears in ``text`` up to its ending (the full-text match already stemmed it)."""
    lowered = text.lower()
    return any(word.lower()[: max(3, len(word) - 3)] in lowered for word in words)


def _fallback(source: Source, rows: QuerySet, words: list[str], public: bool) -> list[Result]:
    fields = source.title_fields + source.text_fields
    for word in words:
        where = Q()
        for name in fields:
            where |= Q(**{f"{name}__icontains": word})
        rows = rows.filter(where)
    found = []
    # Newest rows first, then ranked in Python: the bound keeps the page's cost flat as rows grow.
    for row in rows.order_by("-pk")[:PER_SOURCE]:
        if source.words is not None:
            title, body = source.words(row)
        else:
            title = " ".join(snippets.plain(getattr(row, name)) for name in source.title_fields)
            body = " ".join(snippets.plain(getattr(row, name), rich=source.rich) for name in source.text_fields)
        if not all(snippets.count(f"{title} {body}", word) for word in words):
            continue  # the match was in the markup (a tag, a JSON key), not in the words a reader sees
        rank = sum(4 * snippets.count(title, word) + snippets.count(body, word) for word in words)
        snippet = snippets.cut(body or title, words)
        found.append(_result(source, row, snippet, float(rank), public))
    return found


def _result(source: Source, row, snippet: SafeString, rank: float, public: bool) -> Result:
    year = _follow(row, source.year)
    country = _follow(row, source.country)
    return Result(
        kind=source.kind,
        kind_label=str(KINDS[source.kind]),
        title=str(source.title(row)),
        url=source.url(row, public),
        snippet=snippet,
        year=year,
        country=str(country) if country is not None else "",
        rank=rank,
    )


def _follow(row, path: str | None):
    """The value at a lookup path (``meeting__agenda_year__year``, ``start_date__year``) of a fetched row."""
    if path is None:
        return None
    value = row
    for part in path.split("__"):
        if value is None:
            return None
        value = getattr(value, part, None)
    return value
