"""Databases loaded before the marker was a row: their demo year is the one whose notes carry the demo's text."""

from django.db import migrations

# The text load_demo wrote into the demo year's notes; matched here once, never again.
OLD_MARKER = (
    "Illustrative planning year for training and demonstration: its co-chairs, agenda and meeting dates are "
    "examples, not the public record."
)


def mark(apps, schema_editor):
    AgendaYear = apps.get_model("meetings", "AgendaYear")
    DemoYear = apps.get_model("demo", "DemoYear")
    DemoYear.objects.bulk_create(
        [DemoYear(agenda_year=year) for year in AgendaYear.objects.filter(notes=OLD_MARKER)], ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [("demo", "0001_synth_demo_year")]

    operations = [migrations.RunPython(mark, migrations.RunPython.noop)]
