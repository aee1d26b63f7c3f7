"""What can be searched: one small declaration per source table, and who may find its rows.

Each ``Source`` names its table's own text columns (the title's, weighted A, and the rest, weighted B), how to
restrict the rows to what a reader may see (the apps' ``visible_to`` querysets and the permission layer, never
a rule of our own), where its year and country are, and where a result leads. The search runs on these tables
directly, so a result is never stale. A kind (what the reader filters on) may have several sources: a background
note is searched in its working copy by those who may read drafts, in its last shared version by everyone else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchVector
from django.db.models import Exists, OuterRef, Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts import permissions
from documents.choices import NOTE_SHARED_STATUSES, NoteStatus, SummaryStatus
from documents.models import BackgroundNote, NoteSection, SharedNoteVersion, Summary, SummarySection
from meetings.models import AgendaEntry, AgendaYear, Meeting
from network.choices import DocumentStatus
from network.models import ActionPoint, Member, NetworkDocument, NetworkDocumentSection, NetworkMeeting
from recommendations.choices import RecommendationStatus
from recommendations.models import CouncilQuestion, Goal, Recommendation

from . import snippets

# The text search configuration. Every text we hold is English (no model records another language); a source
# whose rows named their language would pick 'french' or 'spanish' from it here.
CONFIG = "english"


@dataclass(frozen=True)
class Source:
    """One searchable table: its text, who may find its rows, their year, country, title and address."""

    kind: str
    model: type
    title_fields: tuple[str, ...]
    text_fields: tuple[str, ...]
    # (user, public) -> the rows that reader may find, or None when this source is not theirs at all.
    rows: Callable[[object, bool], QuerySet | None]
    title: Callable[[object], str]
    url: Callable[[object, bool], str]
    year: str | None = None  # lookup path to the row's year (an integer)
    country: str | None = None  # lookup path to the row's country or situation (countries.Situation)
    rich: bool = False  # the text fields hold (sanitized) HTML
    related: tuple[str, ...] = ()
    # The words a reader sees, for sources whose columns are not plain text (a shared note's JSON): the
    # fallback and the snippet read this, and a row whose words do not hold the query is dropped.
    words: Callable[[object], tuple[str, str]] | None = None
    expressions: dict = field(default_factory=dict)  # computed columns the fields name (e.g. a cast)

    @property
    def name(self) -> str:
        return f"{self.model._meta.app_label}_{self.model._meta.model_name}"

    def vector(self) -> SearchVector:
        """The search vector over the row's own columns: the expression of its GIN index, the same in both."""
        parts = []
        if self.title_fields:
            parts.append(SearchVector(*self._columns(self.title_fields), weight="A", config=CONFIG))
        if self.text_fields:
            parts.append(SearchVector(*self._columns(self.text_fields), weight="B", config=CONFIG))
        vector = parts[0]
        for part in parts[1:]:
            vector = vector + part
        return vector

    def _columns(self, names):
        return [self.expressions.get(name, name) for name in names]

    def index_name(self) -> str:
        return f"search_{self.model._meta.model_name}_fts"[:30]


KINDS = {
    "meeting": _("Meetings"),
    "rationale": _("Agenda rationales"),
    "note": _("Background notes"),
    "summary": _("Summaries"),
    "recommendation": _("Recommendations"),
    "question": _("Council members' questions"),
    "goal": _("Goals"),
    "network": _("Focal Points Network"),
}


def public_meeting_url(meeting) -> str:
    if meeting.symbol:
        return reverse("public:meeting", kwargs={"symbol": meeting.symbol})
    return reverse("public:meeting_pk", kwargs={"pk": meeting.pk})


def _public_meetings() -> QuerySet:
    return Meeting.objects.filter(Q(status=Meeting.Status.PUBLISHED) | Q(background_note__status=NoteStatus.PUBLISHED))


def public_meeting_countries() -> QuerySet:
    """The ids of the countries and situations of published meetings (the public search's country filter)."""
    return _public_meetings().filter(situation__isnull=False).values("situation_id")


def _signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated)


# Meetings: the theme and the symbol of the summary (the country is a filter and the title).


def _meeting_rows(user, public):
    if public:
        return _public_meetings()
    return Meeting.objects.visible_to(user) if _signed_in(user) else None


# Agenda rationales: why a country is on a year's agenda, for those who may open that year.


def _rationale_rows(user, public):
    if public or not _signed_in(user):
        return None
    return AgendaEntry.objects.filter(agenda_year__in=AgendaYear.objects.visible_to(user))


# Background notes. Those who may read a year's drafts (secretariat, co-chairs) search the working copy; everyone
# else reads, and so searches, the text last shared with them (documents.services.for_reader), never later edits.


def _draft_years(user) -> Q | None:
    """The notes whose working copy ``user`` reads (``permissions.can_view_drafts`` as a filter), None: none."""
    if permissions.is_secretariat(user):
        return Q()
    years = sorted(permissions.cochair_years(user))
    return Q(meeting__agenda_year__year__in=years) if years else None


def _note_section_rows(user, public):
    """The working copy: for readers of the year's drafts, and for everyone else while a note shared or published
    has no shared version on record (what ``for_reader`` shows them then)."""
    if public:
        notes = BackgroundNote.objects.published()
        unversioned = notes.filter(shared_versions__isnull=True)
    elif _signed_in(user):
        notes = BackgroundNote.objects.visible_to(user)
        unversioned = notes.filter(status__in=NOTE_SHARED_STATUSES, shared_versions__isnull=True)
    else:
        return None
    drafts = _draft_years(user) if not public else None
    readable = unversioned if drafts is None else notes.filter(drafts) | unversioned
    return NoteSection.objects.filter(note__in=readable.values("pk"), kind=NoteSection.Kind.TEXT)


def _shared_note_rows(user, public):
    if public:
        notes = BackgroundNote.objects.published()
    elif _signed_in(user):
        notes = BackgroundNote.objects.visible_to(user).filter(status__in=NOTE_SHARED_STATUSES)
        drafts = _draft_years(user)
        if drafts is not None:
            notes = notes.exclude(drafts)
    else:
        return None
    later = SharedNoteVersion.objects.filter(note=OuterRef("note"), number__gt=OuterRef("number"))
    return SharedNoteVersion.objects.filter(note__in=notes).exclude(Exists(later))


def _shared_note_words(version) -> tuple[str, str]:
    texts = [text for text in version.section_texts if text.kind != "recommendations" or text.body]
    heading = " ".join(snippets.plain(t.heading) for t in texts)
    body = " ".join(snippets.plain(t.body, rich=True) for t in texts)
    return heading, body


def _note_url(meeting, public) -> str:
    return public_meeting_url(meeting) if public else reverse("documents:note", args=[meeting.pk])


# Summaries: the annex's sections, of the summaries a reader may read (published ones for the public).


def _summary_rows(user, public):
    if public:
        summaries = Summary.objects.published()
    elif _signed_in(user):
        summaries = Summary.objects.visible_to(user)
    else:
        return None
    return SummarySection.objects.filter(summary__in=summaries)


def _summary_title_rows(user, public):
    if public:
        return Summary.objects.published()
    return Summary.objects.visible_to(user) if _signed_in(user) else None


# Recommendations: for the public, those a published summary or note prints (not withdrawn), as the public
# meeting page shows them.


def _recommendation_rows(user, public):
    if public:
        printed = Q(meeting__summary__status=SummaryStatus.PUBLISHED) | Q(
            meeting__background_note__status=NoteStatus.PUBLISHED
        )
        return Recommendation.objects.filter(printed).exclude(status=RecommendationStatus.WITHDRAWN)
    return Recommendation.objects.visible_to(user) if _signed_in(user) else None


def _question_rows(user, public):
    if public or not _signed_in(user):
        return None
    return CouncilQuestion.objects.visible_to(user)


def _goal_rows(user, public):
    if public or not _signed_in(user):
        return None
    return Goal.objects.visible_to(user)


# The Focal Points Network: its space for those who may open it (accounts.permissions.can_view_network); its
# issued documents for everyone.


def _network_rows(model):
    def rows(user, public):
        if public or not _signed_in(user) or not permissions.can_view_network(user):
            return None
        return model.objects.all()

    return rows


def _network_document_rows(user, public):
    """All sections, drafts too, for readers of the Network's space (its working pages)."""
    if public or not _signed_in(user) or not permissions.can_view_network(user):
        return None
    return NetworkDocumentSection.objects.all()


def _issued_document_rows(user, public):
    """Everyone else: the sections of issued documents, on their public pages."""
    issued = _issued_documents(user, public)
    return None if issued is None else NetworkDocumentSection.objects.filter(document__in=issued)


def _network_document_title_rows(user, public):
    if public or not _signed_in(user) or not permissions.can_view_network(user):
        return None
    return NetworkDocument.objects.all()


def _issued_documents(user, public):
    if not public and _signed_in(user) and permissions.can_view_network(user):
        return None
    return NetworkDocument.objects.filter(status=DocumentStatus.ISSUED)


def _meeting_title(meeting) -> str:
    return meeting.subject or str(meeting)


SOURCES: tuple[Source, ...] = (
    Source(
        kind="meeting",
        model=Meeting,
        title_fields=("theme", "symbol"),
        text_fields=("source_note",),
        rows=_meeting_rows,
        title=lambda m: _("Meeting: %(subject)s") % {"subject": _meeting_title(m)},
        url=lambda m, public: public_meeting_url(m) if public else reverse("meetings:detail", args=[m.pk]),
        year="agenda_year__year",
        country="situation",
        related=("agenda_year", "situation"),
    ),
    Source(
        kind="rationale",
        model=AgendaEntry,
        title_fields=(),
        text_fields=("rationale_impact", "rationale_capacity", "rationale_diversity"),
        rows=_rationale_rows,
        title=lambda e: _("Agenda %(year)s: %(country)s") % {"year": e.agenda_year.year, "country": e.situation},
        url=lambda e, public: reverse("meetings:year", kwargs={"year": e.agenda_year.year}),
        year="agenda_year__year",
        country="situation",
        related=("agenda_year", "situation"),
    ),
    Source(
        kind="note",
        model=NoteSection,
        title_fields=("heading",),
        text_fields=("body",),
        rows=_note_section_rows,
        title=lambda s: _("Background note: %(subject)s") % {"subject": _meeting_title(s.note.meeting)},
        url=lambda s, public: _note_url(s.note.meeting, public),
        year="note__meeting__agenda_year__year",
        country="note__meeting__situation",
        rich=True,
        related=("note__meeting__agenda_year", "note__meeting__situation"),
    ),
    Source(
        kind="note",
        model=SharedNoteVersion,
        title_fields=(),
        text_fields=("sections_text",),
        rows=_shared_note_rows,
        title=lambda v: _("Background note: %(subject)s") % {"subject": _meeting_title(v.note.meeting)},
        url=lambda v, public: _note_url(v.note.meeting, public),
        year="note__meeting__agenda_year__year",
        country="note__meeting__situation",
        related=("note__meeting__agenda_year", "note__meeting__situation"),
        words=_shared_note_words,
        expressions={"sections_text": Cast("sections", TextField())},
    ),
    Source(
        kind="summary",
        model=Summary,
        title_fields=("title",),
        text_fields=(),
        rows=_summary_title_rows,
        title=lambda s: s.title,
        url=lambda s, public: (
            public_meeting_url(s.meeting) if public else reverse("documents:summary", args=[s.meeting_id])
        ),
        year="meeting__agenda_year__year",
        country="meeting__situation",
        related=("meeting__agenda_year", "meeting__situation"),
    ),
    Source(
        kind="summary",
        model=SummarySection,
        title_fields=("heading",),
        text_fields=("body",),
        rows=_summary_rows,
        title=lambda s: s.summary.title or _("Summary: %(subject)s") % {"subject": _meeting_title(s.summary.meeting)},
        url=lambda s, public: (
            public_meeting_url(s.summary.meeting)
            if public
            else reverse("documents:summary", args=[s.summary.meeting_id])
        ),
        year="summary__meeting__agenda_year__year",
        country="summary__meeting__situation",
        rich=True,
        related=("summary__meeting__agenda_year", "summary__meeting__situation"),
    ),
    Source(
        kind="recommendation",
        model=Recommendation,
        title_fields=(),
        text_fields=("text",),
        rows=_recommendation_rows,
        title=lambda r: _("Recommendation: %(subject)s") % {"subject": _meeting_title(r.meeting)},
        url=lambda r, public: (
            public_meeting_url(r.meeting) if public else reverse("recommendations:detail", args=[r.pk])
        ),
        year="meeting__agenda_year__year",
        country="meeting__situation",
        related=("meeting__agenda_year", "meeting__situation"),
    ),
    Source(
        kind="question",
        model=CouncilQuestion,
        title_fields=(),
        text_fields=("text", "answer"),
        rows=_question_rows,
        title=lambda q: _("Question: %(subject)s") % {"subject": _meeting_title(q.meeting)},
        url=lambda q, public: reverse("recommendations:meeting", kwargs={"meeting_pk": q.meeting_id}),
        year="meeting__agenda_year__year",
        country="meeting__situation",
        related=("meeting__agenda_year", "meeting__situation"),
    ),
    Source(
        kind="goal",
        model=Goal,
        title_fields=("entity",),
        text_fields=("text",),
        rows=_goal_rows,
        title=lambda g: _("Goal: %(subject)s") % {"subject": _meeting_title(g.meeting)},
        url=lambda g, public: reverse("recommendations:meeting", kwargs={"meeting_pk": g.meeting_id}),
        year="meeting__agenda_year__year",
        country="meeting__situation",
        related=("meeting__agenda_year", "meeting__situation"),
    ),
    Source(
        kind="network",
        model=NetworkMeeting,
        title_fields=("title", "theme"),
        text_fields=("city", "margins_of"),
        rows=_network_rows(NetworkMeeting),
        title=lambda m: _("Network meeting: %(subject)s") % {"subject": m.subject},
        url=lambda m, public: reverse("network:meeting", args=[m.pk]),
        year="start_date__year",
    ),
    Source(
        kind="network",
        model=ActionPoint,
        title_fields=("owners",),
        text_fields=("text", "progress"),
        rows=_network_rows(ActionPoint),
        title=lambda p: _("Action point: %(subject)s") % {"subject": p.group.meeting.subject},
        url=lambda p, public: reverse("network:meeting", args=[p.group.meeting_id]),
        year="group__meeting__start_date__year",
        related=("group__meeting",),
    ),
    Source(
        kind="network",
        model=NetworkDocument,
        title_fields=("title", "symbol"),
        text_fields=("subtitle",),
        rows=_network_document_title_rows,
        title=lambda d: d.title,
        url=lambda d, public: reverse("network:document", args=[d.pk]),
        year="year",
    ),
    Source(
        kind="network",
        model=NetworkDocument,
        title_fields=("title", "symbol"),
        text_fields=("subtitle",),
        rows=_issued_documents,
        title=lambda d: d.title,
        url=lambda d, public: reverse("network:public_document", args=[d.pk]),
        year="year",
    ),
    Source(
        kind="network",
        model=NetworkDocumentSection,
        title_fields=("heading",),
        text_fields=("body",),
        rows=_network_document_rows,
        title=lambda s: s.document.title,
        url=lambda s, public: reverse("network:document", args=[s.document_id]),
        year="document__year",
        rich=True,
        related=("document",),
    ),
    Source(
        kind="network",
        model=NetworkDocumentSection,
        title_fields=("heading",),
        text_fields=("body",),
        rows=_issued_document_rows,
        title=lambda s: s.document.title,
        url=lambda s, public: reverse("network:public_document", args=[s.document_id]),
        year="document__year",
        rich=True,
        related=("document",),
    ),
    Source(
        kind="network",
        model=Member,
        title_fields=("name", "acronym"),
        text_fields=("joined_note",),
        rows=_network_rows(Member),
        title=lambda m: _("Network member: %(name)s") % {"name": m},
        url=lambda m, public: reverse("network:member", args=[m.pk]),
    ),
)
