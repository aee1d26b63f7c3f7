# The GIN indexes of the full-text search (search.sources: each expression is the vector its query builds;
# search/tests/test_indexes.py checks they are there and used). PostgreSQL only.

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.comparison
import search.operations
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0010_notes_drop_focus_fields'),
        ('meetings', '0008_records_holiday_years_and_records'),
        ('network', '0007_speakers_statements'),
        ('recommendations', '0005_recgroups_non_attribution'),
    ]

    operations = [
        search.operations.AddPostgresIndex(
            app_label='meetings',
            model_name='meeting',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('theme', 'symbol', config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector('source_note', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('english')), name='search_meeting_fts'),
        ),
        search.operations.AddPostgresIndex(
            app_label='meetings',
            model_name='agendaentry',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.SearchVector('rationale_impact', 'rationale_capacity', 'rationale_diversity', config='english', weight='B'), name='search_agendaentry_fts'),
        ),
        search.operations.AddPostgresIndex(
            app_label='documents',
            model_name='notesection',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('heading', config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector('body', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('english')), name='search_notesection_fts'),
        ),
        search.operations.AddPostgresIndex(
            app_label='documents',
            model_name='sharednoteversion',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.SearchVector(django.db.models.functions.comparison.Cast('sections', models.TextField()), config='english', weight='B'), name='search_sharednoteversion_fts'),
        ),
        search.operations.AddPostgresIndex(
            app_label='documents',
            model_name='summary',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.SearchVector('title', config='english', weight='A'), name='search_summary_fts'),
        ),
        search.operations.AddPostgresIndex(
            app_label='documents',
            model_name='summarysection',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('heading', config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector('body', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('english')), name='search_summarysection_fts'),
        ),
        search.operations.AddPostgresIndex(
            app_label='recommendations',
            model_name='recommendation',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.SearchVector('text', config='english', weight='B'), name='search_recommendation_fts'),
        ),
        search.operations.AddPostgresIndex(
            app_label='recommendations',
            model_name='councilquestion',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.SearchVector('text', 'answer', config='english', weight='B'), name='search_councilquestion_fts'),
        ),
        search.operations.AddPostgresIndex(
            app_label='recommendations',
            model_name='goal',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('entity', config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector('text', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('english')), name='search_goal_fts'),
        ),
        search.operations.AddPostgresIndex(
            app_label='network',
            model_name='networkmeeting',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', 'theme', config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector('city', 'margins_of', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('english')), name='search_networkmeeting_fts'),
        ),
        search.operations.AddPostgresIndex(
            app_label='network',
            model_name='actionpoint',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('owners', config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector('text', 'progress', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('english')), name='search_actionpoint_fts'),
        ),
        search.operations.AddPostgresIndex(
            app_label='network',
            model_name='networkdocument',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', 'symbol', config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector('subtitle', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('english')), name='search_networkdocument_fts'),
        ),
        search.operations.AddPostgresIndex(
            app_label='network',
            model_name='networkdocumentsection',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('heading', config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector('body', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('english')), name='search_networkdocumentsection_'),
        ),
        search.operations.AddPostgresIndex(
            app_label='network',
            model_name='member',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('name', 'acronym', config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector('joined_note', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('english')), name='search_member_fts'),
        ),
    ]
