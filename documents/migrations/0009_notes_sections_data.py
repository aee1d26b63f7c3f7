"""Existing notes' nine focus-area fields become sections; shared versions become lists of sections.

A note keeps its non-empty focus areas, in the Guidelines' order, each with its focus-area key, and gets the
recommendations block last, where its key recommendations printed. A shared version's snapshot becomes the
same list (what the experts read stays word for word), and its "sections changed" (field names) become the
headings. A shared note is dated the day it was first shared. The conversions are plain functions (tested in
documents/tests/test_note_sections_migration.py); they are frozen here, not imported from the app.
"""

from django.db import migrations
from django.utils import timezone

# The focus areas as they stood when the fields were dropped: (field name, heading).
FOCUS_AREAS = (
    ("participation", "Women's participation and leadership: data and trends"),
    (
        "mission_capacity",
        "Mission gender and women-protection capacity, gender balance and coordination with civil society",
    ),
    ("un_plans", "United Nations plans on women and peace and security"),
    ("government_commitment", "Government commitment"),
    ("national_action_plan", "National action plan: urgent commitments and their status"),
    ("protection_trends", "Protection trends, including conflict-related sexual violence"),
    ("humanitarian_impact", "Humanitarian and conflict impact on women and girls"),
    (
        "gender_analysis",
        "Gender analysis of disarmament, demobilization and reintegration, displacement, "
        "transitional justice, violent extremism and sanctions",
    ),
    ("early_warning", "Early-warning indicators"),
)
HEADINGS = dict(FOCUS_AREAS)
RECOMMENDATIONS = {
    "heading": "Key recommendations",
    "body": "",
    "part": "body",
    "kind": "recommendations",
    "focus_area": "",
}


def fields_to_sections(values: dict) -> list[dict]:
    """The nine fields' values (by field name) as sections: the non-empty ones in order, then the
    recommendations block."""
    sections = [
        {"heading": heading, "body": values.get(name) or "", "part": "body", "kind": "text", "focus_area": name}
        for name, heading in FOCUS_AREAS
        if (values.get(name) or "").strip()
    ]
    return [*sections, dict(RECOMMENDATIONS)]


def changed_names_to_headings(names: list) -> list[str]:
    """A shared version's changed field names as the headings of those sections, in the Guidelines' order."""
    changed = set(names or [])
    return [heading for name, heading in FOCUS_AREAS if name in changed]


def sections_to_fields(sections: list[dict]) -> dict:
    """Backwards: the sections standing for a focus area back in their fields (other sections are lost)."""
    values = {name: "" for name, _heading in FOCUS_AREAS}
    for section in sections or []:
        if section.get("focus_area") in values:
            values[section["focus_area"]] = section.get("body", "")
    return values


def _create_sections(NoteSection, HistoricalNoteSection, rows: list, when: dict) -> None:
    """Write the sections and, for each, the first record of its history, dated when its note last changed."""
    created = NoteSection.objects.bulk_create(rows)
    if any(row.pk is None for row in created):  # a database that does not return keys from a bulk insert
        created = list(NoteSection.objects.filter(note_id__in={row.note_id for row in rows}))
    HistoricalNoteSection.objects.bulk_create(
        HistoricalNoteSection(
            id=row.pk,
            note_id=row.note_id,
            order=row.order,
            heading=row.heading,
            body=row.body,
            part=row.part,
            kind=row.kind,
            focus_area=row.focus_area,
            history_date=when[row.note_id],
            history_type="+",
            history_change_reason="From the note's focus-area fields",
        )
        for row in created
    )


def forwards(apps, schema_editor):
    BackgroundNote = apps.get_model("documents", "BackgroundNote")
    NoteSection = apps.get_model("documents", "NoteSection")
    HistoricalNoteSection = apps.get_model("documents", "HistoricalNoteSection")
    SharedNoteVersion = apps.get_model("documents", "SharedNoteVersion")
    names = [name for name, _heading in FOCUS_AREAS]
    rows, when = [], {}
    for note in BackgroundNote.objects.iterator(chunk_size=500):
        values = {name: getattr(note, name) for name in names}
        when[note.pk] = note.updated_at
        rows += [
            NoteSection(note_id=note.pk, order=order, **section)
            for order, section in enumerate(fields_to_sections(values), start=1)
        ]
        if note.shared_at is not None and note.note_date is None:
            note.note_date = timezone.localdate(note.shared_at)
            note.save(update_fields=["note_date"])
        if len(rows) >= 1000:
            _create_sections(NoteSection, HistoricalNoteSection, rows, when)
            rows, when = [], {note.pk: note.updated_at}
    _create_sections(NoteSection, HistoricalNoteSection, rows, when)
    dates = dict(BackgroundNote.objects.filter(note_date__isnull=False).values_list("pk", "note_date"))
    for version in SharedNoteVersion.objects.iterator(chunk_size=500):
        version.sections = fields_to_sections({name: getattr(version, name) for name in names})
        version.changed_sections = changed_names_to_headings(version.changed_sections)
        version.note_date = dates.get(version.note_id)
        version.save(update_fields=["sections", "changed_sections", "note_date"])


def backwards(apps, schema_editor):
    NoteSection = apps.get_model("documents", "NoteSection")
    BackgroundNote = apps.get_model("documents", "BackgroundNote")
    SharedNoteVersion = apps.get_model("documents", "SharedNoteVersion")
    by_heading = {heading: name for name, heading in FOCUS_AREAS}
    for note in BackgroundNote.objects.iterator(chunk_size=500):
        sections = list(NoteSection.objects.filter(note_id=note.pk).order_by("order", "pk").values())
        for name, value in sections_to_fields(sections).items():
            setattr(note, name, value)
        note.save()
    NoteSection.objects.all().delete()
    apps.get_model("documents", "HistoricalNoteSection").objects.all().delete()
    for version in SharedNoteVersion.objects.iterator(chunk_size=500):
        for name, value in sections_to_fields(version.sections).items():
            setattr(version, name, value)
        version.changed_sections = [by_heading[h] for h in version.changed_sections or [] if h in by_heading]
        version.save()


class Migration(migrations.Migration):
    dependencies = [("documents", "0008_notes_sections")]

    operations = [migrations.RunPython(forwards, backwards)]
