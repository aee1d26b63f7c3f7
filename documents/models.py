"""What the secretariat writes and distributes for a meeting: the background note, the summary issued as a
Security Council document, the files handed out at the meeting, and who downloaded what."""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.onbehalf import RecordedOnBehalf
from core.models import TimestampedVersionedModel

from . import note_texts
from .choices import NOTE_DRAFT_STATUSES, NOTE_SHARED_STATUSES, SUMMARY_ISSUED_STATUSES, NoteStatus, SummaryStatus
from .council import ADDRESSEE_TEXT, Addressee
from .querysets import AttachmentQuerySet, BackgroundNoteQuerySet, DownloadLogQuerySet, SummaryQuerySet
from .richtext import RichTextField

RICH_HELP = _(
    "Plain text (a blank line starts a new paragraph) or simple HTML: bold, italics, lists, links. "
    "Anything else is removed when you save."
)

job_number_validator = RegexValidator(
    r"^\d{2}-\d{5} \([A-Z]\)$", _("Enter a job number like 21-17311 (E)."), code="invalid_job_number"
)

ADDRESSEE_CHOICES = [
    (Addressee.SECRETARY_GENERAL.value, _("the Secretary-General")),
    (Addressee.PRESIDENT_OF_THE_SECURITY_COUNCIL.value, _("the President of the Security Council")),
]
assert {value for value, _label in ADDRESSEE_CHOICES} == {str(key) for key in ADDRESSEE_TEXT}


class BackgroundNote(TimestampedVersionedModel):
    """The secretariat's background note and key recommendations for one meeting (Guidelines, section V)."""

    Status = NoteStatus
    SHARED_STATUSES = NOTE_SHARED_STATUSES  # shared with Council members (recommendations' visible_to reads it)

    # The focus areas of Guidelines section V, in their order: (key, heading), the default sections of a
    # country meeting's note (documents.note_texts).
    FOCUS_AREAS = note_texts.FOCUS_AREAS

    meeting = models.OneToOneField(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="background_note"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    note_date = models.DateField(
        _("date of the note"),
        null=True,
        blank=True,
        help_text=_("Printed in the masthead. Set to the day the note is first shared; change it for a past note."),
    )
    shared_at = models.DateTimeField(_("shared with Council members at"), null=True, blank=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("shared by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = BackgroundNoteQuerySet.as_manager()

    class Meta:
        ordering = ["-meeting__date", "-pk"]
        verbose_name = _("background note")
        verbose_name_plural = _("background notes")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status__in=list(NOTE_SHARED_STATUSES)) | models.Q(shared_at__isnull=False),
                name="documents_backgroundnote_shared_has_time",
            )
        ]

    def __str__(self) -> str:
        return _("Background note: %(subject)s") % {"subject": self.meeting.subject}

    def get_absolute_url(self) -> str:
        return reverse("documents:note", args=[self.meeting_id])

    @property
    def sections(self) -> list[note_texts.SectionText]:
        """The note's sections in order: the working copy's rows (prefetched by ``with_sections()``), or, for a
        shared version's ``as_note()``, the text as shared."""
        shown = getattr(self, "_shown_sections", None)
        if shown is not None:
            return shown
        if self.pk is None:
            return []
        return [row.as_text() for row in self.section_rows.all()]

    @property
    def is_draft(self) -> bool:
        return self.status in NOTE_DRAFT_STATUSES


class NoteSection(models.Model):
    """One section of a background note's working copy: a heading and rich text, in the note's body or its
    annex, at its place in the note; or the block where the meeting's recommendations print."""

    class Part(models.TextChoices):
        BODY = note_texts.BODY, _("Note")
        ANNEX = note_texts.ANNEX, _("Annex")

    class Kind(models.TextChoices):
        TEXT = note_texts.TEXT, _("Text")
        RECOMMENDATIONS = note_texts.RECOMMENDATIONS, _("The meeting's recommendations")

    note = models.ForeignKey(BackgroundNote, on_delete=models.CASCADE, related_name="section_rows")
    order = models.PositiveIntegerField(_("order"))
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    body = RichTextField(_("text"), blank=True, help_text=RICH_HELP)
    part = models.CharField(_("part"), max_length=8, choices=Part.choices, default=Part.BODY)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.TEXT)
    focus_area = models.CharField(
        _("focus area"),
        max_length=32,
        choices=note_texts.FOCUS_AREAS,
        blank=True,
        help_text=_("The Guidelines' focus area this section stands for, kept when it is renamed."),
    )

    history = HistoricalRecords()

    class Meta:
        # Orders are renumbered 1..n on each save; no unique constraint, so that a reordering needs no
        # intermediate values (ties, which a save never leaves, fall back to the primary key).
        ordering = ["note", "order", "pk"]
        verbose_name = _("section of a background note")
        verbose_name_plural = _("sections of background notes")
        constraints = [
            models.UniqueConstraint(
                fields=["note"],
                condition=models.Q(kind="recommendations"),
                name="documents_notesection_one_recommendations_block",
            )
        ]

    def __str__(self) -> str:
        return self.heading or _("Untitled section")

    @property
    def printed(self) -> bool:
        return self.as_text().printed

    def as_text(self) -> note_texts.SectionText:
        return note_texts.SectionText(
            heading=self.heading, body=self.body, part=self.part, kind=self.kind, focus_area=self.focus_area
        )


class SharedNoteVersion(models.Model):
    """The text of a background note as shared with Council members, one row per sharing (never edited).

    Experts read the latest row; the secretariat and the co-chairs edit the note itself (the working copy).
    An edit after sharing therefore changes nothing the experts read until it is shared again, on purpose.
    """

    note = models.ForeignKey(BackgroundNote, on_delete=models.CASCADE, related_name="shared_versions")
    number = models.PositiveIntegerField(_("version"))
    sections = models.JSONField(
        _("sections"),
        default=list,
        blank=True,
        help_text=_("The sections as shared, in order: heading, body (sanitized HTML), part, kind, focus area."),
    )
    changed_sections = models.JSONField(
        _("sections changed"),
        default=list,
        blank=True,
        help_text=_("The headings of the sections changed since the last version."),
    )
    note_date = models.DateField(_("date of the note"), null=True, blank=True)
    shared_at = models.DateTimeField(_("shared at"))
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("shared by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    history_label_related = ("note__meeting__situation",)

    class Meta:
        ordering = ["note", "-number"]
        verbose_name = _("shared version of a background note")
        verbose_name_plural = _("shared versions of background notes")
        constraints = [
            models.UniqueConstraint(fields=["note", "number"], name="documents_sharednoteversion_unique_number")
        ]

    def __str__(self) -> str:
        return _("%(note)s, version %(n)s") % {"note": self.note, "n": self.number}

    def get_absolute_url(self) -> str:
        return reverse("documents:note", args=[self.note.meeting_id])

    @property
    def is_revision(self) -> bool:
        return self.number > 1

    @property
    def changed_headings(self) -> list[str]:
        """The headings of the sections changed since the previous shared version, in the note's order."""
        return [str(heading) for heading in self.changed_sections]

    @property
    def section_texts(self) -> list[note_texts.SectionText]:
        return [note_texts.SectionText.from_json(item) for item in self.sections or [] if isinstance(item, dict)]

    def as_note(self) -> BackgroundNote:
        """The note as shared in this version (unsaved): what pages and PDFs render for experts."""
        shared = BackgroundNote(
            pk=self.note.pk,
            meeting=self.note.meeting,
            status=self.note.status,
            note_date=self.note_date or self.note.note_date,
            shared_at=self.note.shared_at,
            shared_by_id=self.note.shared_by_id,
            version=self.note.version,
        )
        shared._shown_sections = self.section_texts
        shared.shown_version = self
        return shared


class NoteInvitation(models.Model):
    """A delegation invited to read a shared note although its state is not on the Council that year."""

    note = models.ForeignKey(BackgroundNote, on_delete=models.CASCADE, related_name="invitations")
    member_state = models.ForeignKey(
        "countries.MemberState", verbose_name=_("delegation"), on_delete=models.CASCADE, related_name="+"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    invited_at = models.DateTimeField(_("invited at"))

    history = HistoricalRecords()

    # What __str__ reads, fetched for many objects at once where histories name them (core.history).
    history_label_related = ("member_state", "note__meeting__situation")

    class Meta:
        ordering = ["note", "member_state__name"]
        verbose_name = _("note invitation")
        verbose_name_plural = _("note invitations")
        constraints = [
            models.UniqueConstraint(fields=["note", "member_state"], name="documents_noteinvitation_unique_state")
        ]
        # Serves BackgroundNoteQuerySet.visible_to() and shared_with(): the notes a delegation was invited to.
        indexes = [models.Index(fields=["member_state", "note"], name="documents_invite_state_note")]

    def __str__(self) -> str:
        return f"{self.member_state} → {self.note}"


class Summary(TimestampedVersionedModel):
    """The summary of a meeting, sent by the co-chairs' letter and issued as a Security Council document."""

    Status = SummaryStatus

    meeting = models.OneToOneField(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="summary"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    title = models.CharField(
        _("title"),
        max_length=300,
        help_text=_("As printed above the annex, e.g. “Summary of the meeting of … on South Sudan, held on …”."),
    )
    addressee = models.CharField(
        _("addressed to"), max_length=3, choices=ADDRESSEE_CHOICES, default=Addressee.SECRETARY_GENERAL.value
    )
    penholder_signs = models.BooleanField(
        _("the penholder signs"),
        default=False,
        help_text=_("The year's penholder on women and peace and security signs the letter with the co-chairs."),
    )
    letter_body = RichTextField(
        _("letter"),
        blank=True,
        # format_lazy: "+" would join the two in English once, at import.
        help_text=format_lazy(
            "{}{}", _("The letter's text, pre-filled from the formula that fits the signatories. "), RICH_HELP
        ),
    )
    letter_body_edited = models.BooleanField(
        _("letter edited by hand"), default=False, editable=False, help_text=_("Not the formula's words any more.")
    )
    attach_source_note = models.BooleanField(
        _("source note as a footnote"),
        default=True,
        help_text=_(
            "Attach the meeting's note on the source of recommendations as a footnote to the recommendations' "
            "lead-in. Untick it if you placed that footnote yourself in the text."
        ),
    )
    job_number = models.CharField(
        _("job number"),
        max_length=12,
        blank=True,
        validators=[job_number_validator],
        help_text=_("Printed at the foot of page 1 once issued, e.g. 21-17311 (E)."),
    )
    letter_date = models.DateField(
        _("letter date"),
        null=True,
        blank=True,
        help_text=_("The date of the co-chairs' letter; their permanent representatives on this date sign it."),
    )
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    issued_pdf = models.FileField(_("issued PDF"), upload_to="summaries/%Y/", blank=True, editable=False)

    objects = SummaryQuerySet.as_manager()

    class Meta:
        ordering = ["-meeting__date", "-pk"]
        verbose_name = _("summary")
        verbose_name_plural = _("summaries")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status__in=list(SUMMARY_ISSUED_STATUSES)) | models.Q(issue_date__isnull=False),
                name="documents_summary_issued_has_date",
            )
        ]

    def __str__(self) -> str:
        return _("Summary: %(subject)s") % {"subject": self.meeting.subject}

    def get_absolute_url(self) -> str:
        return reverse("documents:summary", args=[self.meeting_id])

    @property
    def is_issued(self) -> bool:
        return self.status in SUMMARY_ISSUED_STATUSES

    @property
    def is_published(self) -> bool:
        """On the public website (meetings.services reads it: meetings does not import documents)."""
        return self.status == self.Status.PUBLISHED

    @property
    def is_editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.APPROVED}


class SignatoryBase(models.Model):
    """Who signs a Council document's letter, in the order of its title and signature blocks: a state, the role
    it signs in, and its representative (the one in office on the letter date unless one is chosen).

    Abstract, so that other letters (the Focal Points Network's chair's summary: the troika) reuse the fields.
    """

    class Role(models.TextChoices):
        CO_CHAIR = "co_chair", _("Co-Chair")
        PENHOLDER = "penholder", _("Penholder on women and peace and security")
        CHAIR = "chair", _("Chair")
        OTHER = "other", _("Other signatory")

    order = models.PositiveSmallIntegerField(_("order"), default=1)
    member_state = models.ForeignKey(
        "countries.MemberState", verbose_name=_("state"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("signs as"), max_length=12, choices=Role.choices, default=Role.CO_CHAIR)
    representative = models.ForeignKey(
        "countries.PermanentRepresentative",
        verbose_name=_("representative"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: the state's representative in office on the letter date."),
    )
    title = models.CharField(
        _("title signed under"),
        max_length=200,
        blank=True,
        help_text=_("Empty: the representative's title (Permanent Representative, Chargé d'affaires a.i., ...)."),
    )

    class Meta:
        abstract = True


class SummarySignatory(SignatoryBase):
    """One state signing the letter that transmits a summary (the co-chairs, the penholder, or another)."""

    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, related_name="signatories")

    history = HistoricalRecords()

    history_label_related = ("member_state", "summary__meeting__situation")

    class Meta:
        ordering = ["summary", "order", "pk"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            models.UniqueConstraint(fields=["summary", "member_state"], name="documents_summarysignatory_unique_state")
        ]

    def __str__(self) -> str:
        return f"{self.member_state} ({self.get_role_display()})"


class AnnexSectionBase(models.Model):
    """One section of a document's annex, in order: a heading (may be empty) and rich text, and for some kinds a
    block the document prints from what is recorded (the recommendations in their groups, the briefers, the
    Council members' questions) after the text. Abstract: background notes and other documents reuse it."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        RECOMMENDATIONS = "recommendations", _("Text, then the recommendations")
        BRIEFERS = "briefers", _("Text, then the briefers recorded")
        QUESTIONS = "questions", _("Text, then the questions recorded")

    order = models.PositiveSmallIntegerField(_("order"), default=1)
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.TEXT)
    body = RichTextField(_("text"), blank=True, help_text=RICH_HELP)

    class Meta:
        abstract = True


class SummarySection(AnnexSectionBase):
    """One section of a summary's annex, where the secretariat placed it."""

    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, related_name="sections")

    history = HistoricalRecords()

    history_label_related = ("summary__meeting__situation",)

    class Meta:
        ordering = ["summary", "order", "pk"]
        verbose_name = _("summary section")
        verbose_name_plural = _("summary sections")

    def __str__(self) -> str:
        return self.heading or self.get_kind_display()


class SummaryApproval(RecordedOnBehalf):
    """One co-chair state's approval of a summary, given by one of its experts on a given version, or recorded
    by the secretariat from the state's email (``on_behalf_of``, ``received_on``, ``recorded_by``; no ``user``)."""

    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, related_name="approvals")
    member_state = models.ForeignKey(
        "countries.MemberState", verbose_name=_("co-chair"), on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"))
    version = models.PositiveIntegerField(_("version approved"))

    history = HistoricalRecords()

    # What __str__ reads, fetched for many objects at once where histories name them (core.history).
    history_label_related = ("member_state", "summary__meeting__situation")

    class Meta:
        ordering = ["summary", "approved_at"]
        verbose_name = _("summary approval")
        verbose_name_plural = _("summary approvals")
        constraints = [
            models.UniqueConstraint(fields=["summary", "member_state"], name="documents_summaryapproval_unique_state")
        ]

    def __str__(self) -> str:
        return f"{self.member_state}: {self.summary}"

    @property
    def approved_credit(self) -> str:
        return self.credit(self.user) or str(_("a former user"))


def attachment_path(instance: Attachment, filename: str) -> str:
    """A random stored name (the original is kept in ``original_name``): nothing guessable, nothing executable."""
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    return f"attachments/{instance.meeting_id}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    """A file distributed at a meeting: restricted like its meeting until the meeting is published."""

    meeting = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100, help_text=_("Detected from the file's content."))
    size = models.PositiveBigIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"))

    history = HistoricalRecords()
    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "title", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title


class DownloadLog(models.Model):
    """One download of a note, a summary or an attachment: who, when, from where."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for a download from the public site."),
    )
    note = models.ForeignKey(BackgroundNote, on_delete=models.CASCADE, null=True, blank=True, related_name="downloads")
    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, null=True, blank=True, related_name="downloads")
    attachment = models.ForeignKey(
        Attachment, on_delete=models.CASCADE, null=True, blank=True, related_name="downloads"
    )
    downloaded_at = models.DateTimeField(_("when"))
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    objects = DownloadLogQuerySet.as_manager()

    class Meta:
        ordering = ["-downloaded_at", "-pk"]
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(note__isnull=False, summary__isnull=True, attachment__isnull=True)
                    | models.Q(note__isnull=True, summary__isnull=False, attachment__isnull=True)
                    | models.Q(note__isnull=True, summary__isnull=True, attachment__isnull=False)
                ),
                name="documents_downloadlog_one_document",
            )
        ]
        indexes = [
            # Serves the note page's download log, newest first.
            models.Index(fields=["note", "-downloaded_at"], name="documents_dl_note_when"),
        ]

    def __str__(self) -> str:
        return f"{self.user or _('public')} {self.downloaded_at:%Y-%m-%d %H:%M}"

    @property
    def document(self):
        return self.note or self.summary or self.attachment
