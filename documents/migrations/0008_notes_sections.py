"""Background notes get sections: the NoteSection model, the note's own date, shared versions as a list of sections.

The nine focus-area fields stay until 0006 has turned them into sections; 0007 drops them."""

import django.db.models.deletion
import documents.richtext
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0007_compose_drop_fixed_sections'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='backgroundnote',
            name='note_date',
            field=models.DateField(blank=True, help_text='Printed in the masthead. Set to the day the note is first shared; change it for a past note.', null=True, verbose_name='date of the note'),
        ),
        migrations.AddField(
            model_name='historicalbackgroundnote',
            name='note_date',
            field=models.DateField(blank=True, help_text='Printed in the masthead. Set to the day the note is first shared; change it for a past note.', null=True, verbose_name='date of the note'),
        ),
        migrations.AddField(
            model_name='historicalsharednoteversion',
            name='note_date',
            field=models.DateField(blank=True, null=True, verbose_name='date of the note'),
        ),
        migrations.AddField(
            model_name='historicalsharednoteversion',
            name='sections',
            field=models.JSONField(blank=True, default=list, help_text='The sections as shared, in order: heading, body (sanitized HTML), part, kind, focus area.', verbose_name='sections'),
        ),
        migrations.AddField(
            model_name='sharednoteversion',
            name='note_date',
            field=models.DateField(blank=True, null=True, verbose_name='date of the note'),
        ),
        migrations.AddField(
            model_name='sharednoteversion',
            name='sections',
            field=models.JSONField(blank=True, default=list, help_text='The sections as shared, in order: heading, body (sanitized HTML), part, kind, focus area.', verbose_name='sections'),
        ),
        migrations.AlterField(
            model_name='historicalsharednoteversion',
            name='changed_sections',
            field=models.JSONField(blank=True, default=list, help_text='The headings of the sections changed since the last version.', verbose_name='sections changed'),
        ),
        migrations.AlterField(
            model_name='sharednoteversion',
            name='changed_sections',
            field=models.JSONField(blank=True, default=list, help_text='The headings of the sections changed since the last version.', verbose_name='sections changed'),
        ),
        migrations.CreateModel(
            name='HistoricalNoteSection',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('order', models.PositiveIntegerField(verbose_name='order')),
                ('heading', models.CharField(blank=True, max_length=300, verbose_name='heading')),
                ('body', documents.richtext.RichTextField(blank=True, help_text='Plain text (a blank line starts a new paragraph) or simple HTML: bold, italics, lists, links. Anything else is removed when you save.', verbose_name='text')),
                ('part', models.CharField(choices=[('body', 'Note'), ('annex', 'Annex')], default='body', max_length=8, verbose_name='part')),
                ('kind', models.CharField(choices=[('text', 'Text'), ('recommendations', "The meeting's recommendations")], default='text', max_length=16, verbose_name='kind')),
                ('focus_area', models.CharField(blank=True, choices=[('participation', "Women's participation and leadership: data and trends"), ('mission_capacity', 'Mission gender and women-protection capacity, gender balance and coordination with civil society'), ('un_plans', 'United Nations plans on women and peace and security'), ('government_commitment', 'Government commitment'), ('national_action_plan', 'National action plan: urgent commitments and their status'), ('protection_trends', 'Protection trends, including conflict-related sexual violence'), ('humanitarian_impact', 'Humanitarian and conflict impact on women and girls'), ('gender_analysis', 'Gender analysis of disarmament, demobilization and reintegration, displacement, transitional justice, violent extremism and sanctions'), ('early_warning', 'Early-warning indicators')], help_text="The Guidelines' focus area this section stands for, kept when it is renamed.", max_length=32, verbose_name='focus area')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('note', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='documents.backgroundnote')),
            ],
            options={
                'verbose_name': 'historical section of a background note',
                'verbose_name_plural': 'historical sections of background notes',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='NoteSection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('order', models.PositiveIntegerField(verbose_name='order')),
                ('heading', models.CharField(blank=True, max_length=300, verbose_name='heading')),
                ('body', documents.richtext.RichTextField(blank=True, help_text='Plain text (a blank line starts a new paragraph) or simple HTML: bold, italics, lists, links. Anything else is removed when you save.', verbose_name='text')),
                ('part', models.CharField(choices=[('body', 'Note'), ('annex', 'Annex')], default='body', max_length=8, verbose_name='part')),
                ('kind', models.CharField(choices=[('text', 'Text'), ('recommendations', "The meeting's recommendations")], default='text', max_length=16, verbose_name='kind')),
                ('focus_area', models.CharField(blank=True, choices=[('participation', "Women's participation and leadership: data and trends"), ('mission_capacity', 'Mission gender and women-protection capacity, gender balance and coordination with civil society'), ('un_plans', 'United Nations plans on women and peace and security'), ('government_commitment', 'Government commitment'), ('national_action_plan', 'National action plan: urgent commitments and their status'), ('protection_trends', 'Protection trends, including conflict-related sexual violence'), ('humanitarian_impact', 'Humanitarian and conflict impact on women and girls'), ('gender_analysis', 'Gender analysis of disarmament, demobilization and reintegration, displacement, transitional justice, violent extremism and sanctions'), ('early_warning', 'Early-warning indicators')], help_text="The Guidelines' focus area this section stands for, kept when it is renamed.", max_length=32, verbose_name='focus area')),
                ('note', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='section_rows', to='documents.backgroundnote')),
            ],
            options={
                'verbose_name': 'section of a background note',
                'verbose_name_plural': 'sections of background notes',
                'ordering': ['note', 'order', 'pk'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('kind', 'recommendations')), fields=('note',), name='documents_notesection_one_recommendations_block')],
            },
        ),
    ]
