from django.db import migrations


class Migration(migrations.Migration):
    """The summary's old fixed sections now live in SummarySection rows (0006 moved their text)."""

    dependencies = [
        ("documents", "0006_compose_move_sections"),
    ]

    operations = [
        migrations.RemoveField(
            model_name='historicalsummary',
            name='closing',
        ),
        migrations.RemoveField(
            model_name='historicalsummary',
            name='council_questions',
        ),
        migrations.RemoveField(
            model_name='historicalsummary',
            name='introduction',
        ),
        migrations.RemoveField(
            model_name='historicalsummary',
            name='main_points',
        ),
        migrations.RemoveField(
            model_name='summary',
            name='closing',
        ),
        migrations.RemoveField(
            model_name='summary',
            name='council_questions',
        ),
        migrations.RemoveField(
            model_name='summary',
            name='introduction',
        ),
        migrations.RemoveField(
            model_name='summary',
            name='main_points',
        ),
    ]
