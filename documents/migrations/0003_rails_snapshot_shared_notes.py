"""Notes shared before versions were kept: their current text becomes version 1, what experts read."""

from django.db import migrations

SECTIONS = (
    "participation",
    "mission_capacity",
    "un_plans",
    "government_commitment",
    "national_action_plan",
    "protection_trends",
    "humanitarian_impact",
    "gender_analysis",
    "early_warning",
)


def snapshot_shared_notes(apps, schema_editor):
    BackgroundNote = apps.get_model("documents", "BackgroundNote")
    SharedNoteVersion = apps.get_model("documents", "SharedNoteVersion")
    notes = BackgroundNote.objects.filter(status__in=["shared", "published"], shared_versions__isnull=True)
    for note in notes.iterator(chunk_size=500):
        SharedNoteVersion.objects.create(
            note=note,
            number=1,
            shared_at=note.shared_at,
            shared_by_id=note.shared_by_id,
            **{name: getattr(note, name) for name in SECTIONS},
        )


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_rails_shared_note_versions")]

    operations = [migrations.RunPython(snapshot_shared_notes, migrations.RunPython.noop)]
