"""Move each summary's fixed sections (introduction, main points, questions, closing) into ordered
SummarySection rows, printing as before: the sections that had text, in their old order, with their old
headings, and the recommendations block where it was. Each summary gets its signatories: the co-chairs of its
year, by name (as the old letter listed them)."""

from django.db import migrations

# (old field, heading, kind) in the order the old template printed them; recommendations after the questions.
OLD_LAYOUT = (
    ("introduction", "", "text"),
    ("main_points", "Main points raised", "text"),
    ("council_questions", "Questions from Council members", "text"),
    (None, "Recommendations", "recommendations"),
    ("closing", "", "text"),
)


def forwards(apps, schema_editor):
    Summary = apps.get_model("documents", "Summary")
    SummarySection = apps.get_model("documents", "SummarySection")
    SummarySignatory = apps.get_model("documents", "SummarySignatory")
    for summary in Summary.objects.select_related("meeting__agenda_year").iterator():
        sections = []
        for name, heading, kind in OLD_LAYOUT:
            body = getattr(summary, name) if name else ""
            if name is None or body.strip():
                sections.append(
                    SummarySection(summary=summary, order=len(sections) + 1, heading=heading, kind=kind, body=body)
                )
        SummarySection.objects.bulk_create(sections)
        co_chairs = sorted(summary.meeting.agenda_year.co_chairs.all(), key=lambda state: state.name)
        SummarySignatory.objects.bulk_create(
            SummarySignatory(summary=summary, order=i, member_state=state, role="co_chair")
            for i, state in enumerate(co_chairs, start=1)
        )


def backwards(apps, schema_editor):
    """Put the text sections back into the fixed fields by heading; anything else joins the closing."""
    Summary = apps.get_model("documents", "Summary")
    by_heading = {heading: name for name, heading, _kind in OLD_LAYOUT if name and heading}
    for summary in Summary.objects.all().iterator():
        texts = {"introduction": [], "main_points": [], "council_questions": [], "closing": []}
        seen_recommendations = False
        for section in summary.sections.order_by("order", "pk"):
            if section.kind == "recommendations":
                seen_recommendations = True
                continue
            name = by_heading.get(section.heading)
            if name is None:
                name = "closing" if seen_recommendations else "introduction"
            texts[name].append(section.body)
        for name, parts in texts.items():
            setattr(summary, name, "\n".join(part for part in parts if part))
        summary.save(update_fields=list(texts))
    apps.get_model("documents", "SummarySection").objects.all().delete()
    apps.get_model("documents", "SummarySignatory").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0005_compose_signatories_sections"),
        ("meetings", "0007_docs_shared_contract"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
