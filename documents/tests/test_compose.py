"""compose.summary_document: the CouncilDocument the renderer prints and the summary page shows.

The 2021 case of issue 12: a thematic meeting's summary signed by the two co-chairs (Ireland, Mexico) and the
penholder (the United Kingdom), in the title by formal names, in the letter by in-sentence names.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from countries.models import PermanentRepresentative
from documents import compose, services
from documents.council import ListBlock
from documents.models import Summary, SummarySection
from meetings.models import AgendaYear, Meeting
from meetings.tests import factories as mf
from recommendations.lettering import labelled_groups
from recommendations.models import Recommendation, RecommendationGroup
from recommendations.tests import factories as rec

pytestmark = pytest.mark.django_db

LETTER_DATE = datetime.date(2021, 12, 6)
UK_FORMAL = "the United Kingdom of Great Britain and Northern Ireland"


@pytest.fixture
def year_2021(db):
    agenda_year = mf.make_year(2021, co_chairs=["Ireland", "Mexico"], penholder="United Kingdom")
    uk = mf.make_state("United Kingdom")
    uk.short_name, uk.formal_name = "the United Kingdom", UK_FORMAL
    uk.save()
    mexico = mf.make_state("Mexico")
    mexico.formal_name = "Mexico"
    mexico.save()
    for state, given, surname in (
        ("Ireland", "Geraldine", "Byrne Nason"),
        ("Mexico", "Juan Ramón", "de la Fuente Ramírez"),
        ("United Kingdom", "Barbara", "Woodward"),
    ):
        PermanentRepresentative.objects.create(
            member_state=mf.make_state(state), given_names=given, surname=surname, start_date=datetime.date(2020, 1, 1)
        )
    return AgendaYear.objects.get(pk=agenda_year.pk)  # its penholder as saved, with its names


@pytest.fixture
def thematic(year_2021):
    return mf.make_meeting(
        year_2021,
        None,
        kind=Meeting.Kind.THEMATIC,
        date=datetime.date(2021, 11, 16),
        theme="conflict-related sexual violence",
    )


def _new_summary(meeting, *, penholder_signs=True, by=None) -> Summary:
    summary = Summary(
        meeting=meeting, title="Summary of the meeting", letter_date=LETTER_DATE, penholder_signs=penholder_signs
    )
    return services.save_summary(summary, expected_version=None, by=by)


def test_three_signatories_in_title_body_and_signature_blocks(thematic):
    summary = _new_summary(thematic)

    doc = compose.summary_document(summary, today=LETTER_DATE)

    assert doc.title == (
        "Letter dated 6 December 2021 from the Permanent Representatives of Ireland, Mexico and "
        f"{UK_FORMAL} to the United Nations addressed to the Secretary-General"
    )
    assert doc.annex_heading == "Annex to the l" + doc.title[1:]
    assert (
        "Ireland and Mexico, as Co-Chairs of the Informal Expert Group on Women, Peace and Security, in close "
        "cooperation with the United Kingdom, as penholder on women, peace and security, have the honour to "
        "transmit herewith the summary of the meeting of the Group on conflict-related sexual violence, held on "
        "16 November 2021 (see annex)."
    ) in doc.body_html
    assert "Ireland, Mexico and the United Kingdom, as Co-Chairs" not in doc.body_html  # the issue's false text
    assert UK_FORMAL not in doc.body_html  # in a sentence: the in-sentence name
    assert (
        "We would be grateful if the present letter and its annex could be circulated as a document of the "
        "Security Council."
    ) in doc.body_html
    assert [(s.given_names, s.surname) for s in doc.signatures] == [
        ("Geraldine", "Byrne Nason"),
        ("Juan Ramón", "de la Fuente Ramírez"),
        ("Barbara", "Woodward"),
    ]
    assert doc.signatures[2].office == "Permanent Representative of the United Kingdom to the United Nations"
    assert doc.author == "Ireland, Mexico and the United Kingdom"
    assert doc.draft and doc.symbol == "" and doc.job_number == ""


def test_the_summary_page_shows_bold_surnames_and_the_same_letter(thematic, secretariat_client):
    summary = _new_summary(thematic)
    page = secretariat_client.get(reverse("documents:summary", args=[thematic.pk])).content.decode()
    assert "Geraldine <strong>Byrne Nason</strong>" in page
    assert "Barbara <strong>Woodward</strong>" in page
    assert compose.summary_document(summary, today=LETTER_DATE).title in page.replace("&#x27;", "'")
    assert "in close cooperation with the United Kingdom" in page


def test_without_the_penholder_the_cochairs_formula(thematic):
    summary = _new_summary(thematic, penholder_signs=False)
    doc = compose.summary_document(summary, today=LETTER_DATE)
    assert "Permanent Representatives of Ireland and Mexico to the United Nations" in doc.title
    assert "<p>Ireland and Mexico, as Co-Chairs of the Informal Expert Group" in doc.body_html
    assert "penholder" not in doc.body_html


def test_ticking_the_penholder_later_adds_it_and_rewrites_an_unedited_letter(thematic, secretariat_user):
    summary = _new_summary(thematic, penholder_signs=False)
    summary = Summary.objects.get(pk=summary.pk)
    summary.penholder_signs = True
    services.save_summary(summary, expected_version=summary.version, by=secretariat_user)
    summary.refresh_from_db()
    assert [s.member_state.name for s in summary.signatories.all()] == ["Ireland", "Mexico", "United Kingdom"]
    assert "in close cooperation with the United Kingdom" in summary.letter_body


def test_another_signatory_gets_the_together_with_formula_never_a_role(thematic, secretariat_user):
    summary = _new_summary(thematic, penholder_signs=False)
    norway = mf.make_state("Norway")
    services.add_signatory(
        summary, member_state=norway, role="other", expected_version=summary.version, by=secretariat_user
    )
    summary.refresh_from_db()
    doc = compose.summary_document(summary, today=LETTER_DATE)
    assert "<p>Ireland, together with Mexico and Norway, has the honour to transmit herewith" in doc.body_html
    assert "Co-Chair" not in doc.body_html
    # Norway has nobody on record: a warning, a block without a name, no crash.
    assert [s.name for s in doc.extra["missing_representatives"]] == ["Norway"]
    assert doc.signatures[2].surname == "" and doc.signatures[2].state == "Norway"


def test_a_state_that_does_not_cochair_cannot_sign_as_cochair(thematic, secretariat_user):
    summary = _new_summary(thematic)
    with pytest.raises(services.InvalidTransition, match="does not co-chair"):
        services.add_signatory(
            summary,
            member_state=mf.make_state("Norway"),
            role="co_chair",
            expected_version=summary.version,
            by=secretariat_user,
        )


def test_a_chargé_d_affaires_is_grouped_by_title(thematic, secretariat_user):
    summary = _new_summary(thematic)
    mexico = summary.signatories.get(member_state__name="Mexico")
    mexico.title = "Chargé d'affaires a.i."
    mexico.save()
    doc = compose.summary_document(summary, today=LETTER_DATE)
    assert doc.title.startswith(
        "Letter dated 6 December 2021 from the Permanent Representatives of Ireland and "
        f"{UK_FORMAL} and the Chargé d'affaires a.i. of Mexico to the United Nations"
    )
    assert doc.signatures[1].office == "Chargé d'affaires a.i. of Mexico to the United Nations"


def test_the_president_of_the_council_as_addressee(thematic):
    summary = _new_summary(thematic)
    summary.addressee = "psc"
    doc = compose.summary_document(summary, today=LETTER_DATE)
    assert doc.title.endswith("addressed to the President of the Security Council")


def test_thematic_and_country_defaults(thematic, year_2021):
    summary = _new_summary(thematic)
    assert [(s.heading, s.kind) for s in summary.sections.all()] == [
        ("", "text"),
        ("Briefings", "briefers"),
        ("Discussion", "questions"),
        ("Recommendations", "recommendations"),
        ("", "text"),
    ]
    country = mf.make_meeting(year_2021, "Libya", date=datetime.date(2021, 12, 1))
    summary = _new_summary(country)
    assert [(s.heading, s.kind) for s in summary.sections.all()] == [
        ("", "text"),
        ("Main points raised", "text"),
        ("Questions from Council members", "questions"),
        ("Recommendations", "recommendations"),
        ("", "text"),
    ]


def test_groups_lettered_from_a_bullets_unlabelled_and_the_page_shows_the_same_labels(thematic, secretariat_client):
    bullets = RecommendationGroup.objects.create(
        meeting=thematic, order=1, heading="", lead_in="Participants raised the following points.", numbering="bullets"
    )
    lettered = RecommendationGroup.objects.create(
        meeting=thematic, order=2, heading="Recommendations to the Council", lead_in="The Council could:"
    )
    for order, (group, text) in enumerate(
        [(bullets, "A bullet."), (bullets, "Another bullet."), (lettered, "Letter one."), (lettered, "Letter two.")],
        start=1,
    ):
        Recommendation.objects.create(meeting=thematic, group=group, order=order, text=text)
    summary = _new_summary(thematic)

    doc = compose.summary_document(summary, today=LETTER_DATE)

    blocks = [block for section in doc.sections for block in section.blocks if isinstance(block, ListBlock)]
    assert [[item.label for item in block.items] for block in blocks] == [["", ""], ["(a)", "(b)"]]
    assert blocks[1].heading == "Recommendations to the Council"
    assert not blocks[0].lettered and blocks[1].lettered
    # The letters are labelled_groups' (the one source), and the page prints the same.
    assert [label for group in labelled_groups(thematic) for label, _rec in group.items] == ["", "", "(a)", "(b)"]
    page = secretariat_client.get(reverse("documents:summary", args=[thematic.pk])).content.decode()
    assert '<span class="lettered__label">(a)</span> Letter one.' in page
    assert '<span class="lettered__label">(b)</span> Letter two.' in page


def test_the_source_note_is_a_footnote_on_the_lead_in_not_the_heading(thematic):
    thematic.source_note = "Suggestions from UN participants, not of the Group as a whole."
    thematic.save()
    RecommendationGroup.objects.create(meeting=thematic, order=1, heading="Key recommendations", lead_in="They said:")
    rec_ = Recommendation.objects.create(meeting=thematic, order=1, text="Do this.")
    assert rec_.group_id is None  # an ungrouped one goes to the first group
    summary = _new_summary(thematic)

    doc = compose.summary_document(summary, today=LETTER_DATE)

    (block,) = [b for s in doc.sections for b in s.blocks if isinstance(b, ListBlock)]
    assert block.heading == "Key recommendations"
    assert block.lead_in_html == (
        '<p>They said:<span class="footnote">Suggestions from UN participants, not of the Group as a whole.</span></p>'
    )
    summary.attach_source_note = False
    doc = compose.summary_document(summary, today=LETTER_DATE)
    (block,) = [b for s in doc.sections for b in s.blocks if isinstance(b, ListBlock)]
    assert "footnote" not in block.lead_in_html


def test_without_a_lead_in_the_default_disclaimer_goes_on_the_first_item(thematic):
    Recommendation.objects.create(meeting=thematic, order=1, text="Do this.", source="background_note")
    summary = _new_summary(thematic)
    doc = compose.summary_document(summary, today=LETTER_DATE)
    (block,) = [b for s in doc.sections for b in s.blocks if isinstance(b, ListBlock)]
    assert block.items[0].html == (
        'Do this.<span class="footnote">The recommendations are suggestions from the secretariat&#x27;s background '
        "note; they are not recommendations of the Informal Expert Group as a whole.</span>"
    )


def test_briefers_and_questions_print_what_is_recorded_names_optional(thematic):
    rec.make_briefer(thematic, name="Pramila Patten", title="Special Representative", entity="OSRSG-SVC")
    rec.make_question(thematic, delegation="Ireland", text="Who funds the shelters?")
    summary = _new_summary(thematic)
    doc = compose.summary_document(summary, today=LETTER_DATE)
    text = " ".join(str(b) for s in doc.sections for b in s.blocks)
    assert "briefed by Pramila Patten, Special Representative (OSRSG-SVC)" in text
    assert "Ireland asked: Who funds the shelters?" in text


def test_composing_takes_the_same_queries_whatever_the_size(thematic, django_assert_num_queries):
    summary = _new_summary(thematic)
    for i in range(30):
        Recommendation.objects.create(meeting=thematic, order=i, text=f"Recommendation {i}")
        rec.make_question(thematic, delegation="France", text=f"Question {i}?")
        rec.make_briefer(thematic, name=f"Briefer {i}")
    summary = Summary.objects.with_meeting().get(pk=summary.pk)
    # signatories (states, chosen representatives); the year's co-chairs; representatives in office; sections;
    # briefers; goals; questions (delegations); recommendation groups; recommendations
    with django_assert_num_queries(9):
        compose.summary_document(summary, today=LETTER_DATE)


def test_issued_document_carries_symbol_issue_date_and_job_number(thematic):
    summary = _new_summary(thematic)
    Summary.objects.filter(pk=summary.pk).update(
        status="issued", issue_date=datetime.date(2021, 12, 10), job_number="21-17311 (E)"
    )
    Meeting.objects.filter(pk=thematic.pk).update(symbol="S/2021/1037", status="issued")
    summary = Summary.objects.with_meeting().get(pk=summary.pk)
    doc = compose.summary_document(summary, today=LETTER_DATE)
    assert (doc.symbol, doc.issue_date, doc.job_number, doc.draft) == (
        "S/2021/1037",
        datetime.date(2021, 12, 10),
        "21-17311 (E)",
        False,
    )


def test_section_kinds_are_the_model_choices():
    assert set(SummarySection.Kind.values) == {"text", "recommendations", "briefers", "questions"}


def test_a_signatory_whose_state_no_longer_cochairs_is_never_called_cochair(thematic, secretariat_user):
    summary = _new_summary(thematic, penholder_signs=False)
    thematic.agenda_year.co_chairs.set([mf.make_state("Ireland"), mf.make_state("Norway")])
    doc = compose.summary_document(summary, today=LETTER_DATE)
    # The stored letter was written when Mexico co-chaired; the formula now names no role.
    assert services.formula_body(summary).startswith("<p>Ireland, together with Mexico, has the honour")
    Summary.objects.filter(pk=summary.pk).update(letter_body="")
    summary.refresh_from_db()
    doc = compose.summary_document(summary, today=LETTER_DATE)
    assert "Co-Chair" not in doc.body_html
