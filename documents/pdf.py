"""PDFs of background notes and summaries: HTML templates under templates/pdf/ + print CSS -> WeasyPrint.

The only module that imports WeasyPrint. Nothing is fetched over the network while rendering: fonts come
from the system (fontconfig: DejaVu / Liberation from Debian packages), the CSS is inlined in the HTML, and
the URL fetcher refuses every URL except ``data:`` and files under the project's static directory.

Rendering is cached per document version: the key names the model, the row, its version and a digest of
the HTML, so any change (the text, the meeting, a recommendation, a representative) renders anew.
"""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from core import pagecache
from countries.models import PermanentRepresentative
from recommendations.models import Recommendation

from .models import BackgroundNote, SharedNoteVersion, Summary

PDF_CACHE_SECONDS = 60 * 60 * 24 * 7
STATIC_ROOT_FOR_PDF = Path(settings.BASE_DIR) / "static"


class LocalOnlyFetcher(URLFetcher):
    """Serves ``data:`` URLs and files under static/; refuses everything else (no network at render time)."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, fail_on_errors=False)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and not parts.netloc:
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(STATIC_ROOT_FOR_PDF.resolve()):
                return super().fetch(url, headers)
        raise ValueError(f"Refused to fetch {url[:200]!r} while rendering a PDF: only local static files.")


def html_to_pdf(html: str) -> bytes:
    """Render self-contained HTML (its CSS inlined) to PDF bytes."""
    return HTML(string=html, base_url=STATIC_ROOT_FOR_PDF.as_uri() + "/", url_fetcher=LocalOnlyFetcher()).write_pdf()


def cache_key(document: BackgroundNote | Summary, html: str) -> str:
    digest = hashlib.sha256(html.encode()).hexdigest()[:24]
    stamp = f"{document.updated_at:%Y%m%d%H%M%S%f}" if document.updated_at else "new"
    return f"documents:pdf:{document._meta.label_lower}:{document.pk}:v{document.version}:{stamp}:{digest}"


def cached_pdf(document: BackgroundNote | Summary, html: str) -> bytes:
    key = cache_key(document, html)
    pdf = cache.get(key)
    if pdf is None:
        pdf = html_to_pdf(html)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf


# Building the documents' content.


def join_names(names: list[str]) -> str:
    """'Spain', 'Spain and Uruguay', 'Ireland, Mexico and Norway': as the Council's letters list states."""
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def letter_label(index: int) -> str:
    """(a), (b) … (z), then (aa), (bb): the lettering of Council documents."""
    letter = "abcdefghijklmnopqrstuvwxyz"[index % 26]
    return f"({letter * (index // 26 + 1)})"


def lettered_recommendations(meeting) -> list[tuple[str, Recommendation]]:
    recommendations = meeting.recommendations.exclude(status=Recommendation.Status.WITHDRAWN).order_by("order", "pk")
    return [(letter_label(i), rec) for i, rec in enumerate(recommendations)]


# How each source reads in the footnote that says where the recommendations come from.
SOURCE_PHRASES = {
    Recommendation.Source.UN_PARTICIPANTS: gettext_lazy("United Nations participants"),
    Recommendation.Source.BACKGROUND_NOTE: gettext_lazy("the secretariat's background note"),
    Recommendation.Source.CO_CHAIRS: gettext_lazy("the Co-Chairs"),
}


def default_source_note(recommendations: list[tuple[str, Recommendation]]) -> str:
    """The Guidelines' caveat, from the recommendations' sources, when the meeting has no source note."""
    present = {rec.source for _label, rec in recommendations}
    phrases = [str(phrase) for source, phrase in SOURCE_PHRASES.items() if source in present]
    if not phrases:
        return ""
    return _(
        "The recommendations are suggestions from %(sources)s; they are not recommendations of the "
        "Informal Expert Group as a whole."
    ) % {"sources": join_names(phrases)}


def signatories(agenda_year, letter_date: datetime.date) -> list[dict]:
    """One signature block per co-chair state: its permanent representative in office on the letter date."""
    states = sorted(agenda_year.co_chairs.all(), key=lambda state: state.name)
    in_office = {}
    for rep in (
        PermanentRepresentative.objects.as_of(letter_date)
        .filter(member_state__in=states)
        .order_by("member_state_id", "-start_date")
    ):
        in_office.setdefault(rep.member_state_id, rep)
    return [{"state": state, "representative": in_office.get(state.pk)} for state in states]


def summary_context(summary: Summary, *, today: datetime.date) -> dict:
    meeting = summary.meeting
    letter_date = summary.letter_date or today
    signers = signatories(meeting.agenda_year, letter_date)
    recommendations = lettered_recommendations(meeting)
    return {
        "summary": summary,
        "meeting": meeting,
        "draft": not summary.is_issued,
        "symbol": meeting.symbol if summary.is_issued else "",
        "letter_date": letter_date,
        "issue_date": summary.issue_date,
        "signatories": signers,
        "states_phrase": join_names([signer["state"].name for signer in signers]),
        "missing_representatives": [s["state"] for s in signers if s["representative"] is None],
        "recommendations": recommendations,
        "source_note": meeting.source_note or default_source_note(recommendations),
    }


def note_context(note: BackgroundNote) -> dict:
    return {
        "note": note,
        "meeting": note.meeting,
        "draft": note.is_draft,
        "restricted": note.status != BackgroundNote.Status.PUBLISHED,
        "recommendations": lettered_recommendations(note.meeting),
    }


def summary_html(summary: Summary, *, today: datetime.date) -> str:
    return render_to_string("pdf/summary.html", summary_context(summary, today=today))


def note_html(note: BackgroundNote) -> str:
    return render_to_string("pdf/note.html", note_context(note))


def render_summary(summary: Summary, *, today: datetime.date) -> bytes:
    """The Council document: letter, signatures, annex with the summary; watermarked DRAFT until issued."""
    return cached_pdf(summary, summary_html(summary, today=today))


def render_background_note(note: BackgroundNote) -> bytes:
    """The note's PDF. While no data changed since it was last built (``core.pagecache``), it is served without
    building its HTML again: the day before a meeting, experts download the same note hundreds of times."""
    if not pagecache.enabled():
        return cached_pdf(note, note_html(note))
    # A shared version (what experts read: SharedNoteVersion.as_note) is cached apart from the working copy.
    shown = getattr(note, "shown_version", None)
    key = f"documents:note-pdf:{note.pk}" + (f":v{shown.number}" if shown is not None else "")
    gen, body = pagecache.lookup(key)
    if body is None:
        # Read again after the generation: what the PDF is built from must be at least as new as it.
        if shown is not None:
            note = (
                SharedNoteVersion.objects.select_related("note__meeting__agenda_year", "note__meeting__situation")
                .get(pk=shown.pk)
                .as_note()
            )
        else:
            note = BackgroundNote.objects.with_meeting().get(pk=note.pk)
        body = cached_pdf(note, note_html(note))
        pagecache.store(key, gen, body, timeout=PDF_CACHE_SECONDS)
    return body
