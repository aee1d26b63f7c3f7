"""Issue 12's 2021 case read back from the PDF itself: a thematic summary signed by the two co-chairs (Ireland,
Mexico) and the penholder (the United Kingdom), its recommendations in a bulleted and a lettered group. The
composer (test_compose.py) and the renderer (test_pdf_council.py) are tested apart; this test checks what
reaches the page: formal names in the title, the formula in the letter, bold surnames, and the same letters in
the PDF as on the app's pages."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from documents import pdf
from recommendations.lettering import labelled_groups
from recommendations.models import Recommendation, RecommendationGroup

from . import pdf_text
from .test_compose import LETTER_DATE, UK_FORMAL, _new_summary, thematic, year_2021  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


@pytest.fixture
def summary(thematic):  # noqa: F811 - the fixture imported above
    context = RecommendationGroup.objects.create(
        meeting=thematic, order=1, heading="", numbering=RecommendationGroup.Numbering.BULLETS
    )
    council = RecommendationGroup.objects.create(
        meeting=thematic, order=2, heading="", lead_in="Council members could consider the following:"
    )
    for order, (group, text) in enumerate(
        [
            (context, "Women protection advisers are deployed in seven missions."),
            (context, "Their posts are funded from the regular budget in four."),
            (council, "Request data disaggregated by sex in every report."),
            (council, "Include the advisers in the terms of reference of visiting missions."),
            (council, "Invite the advisers to brief the Council once a year."),
        ],
        start=1,
    ):
        Recommendation.objects.create(
            meeting=thematic, group=group, order=order, text=text, status=Recommendation.Status.PRESENTED
        )
    return _new_summary(thematic)


def test_three_signatories_formal_names_formula_and_bold_surnames_in_the_pdf(summary):
    body = pdf.render_summary(summary, today=LETTER_DATE)
    text = pdf_text.normalise(" ".join(pdf_text.pages(body)))

    assert (
        "Letter dated 6 December 2021 from the Permanent Representatives of Ireland, Mexico and "
        f"{UK_FORMAL} to the United Nations addressed to the Secretary-General"
    ) in text
    assert (
        "Ireland and Mexico, as Co-Chairs of the Informal Expert Group on Women, Peace and Security, in close "
        "cooperation with the United Kingdom"
    ) in text
    assert "the United Kingdom, as Co-Chair" not in text and "Mexico and the United Kingdom, as Co-Chairs" not in text
    for line in (
        "(Signed) Geraldine Byrne Nason",
        "Permanent Representative of Ireland to the United Nations",
        "(Signed) Juan Ramón de la Fuente Ramírez",
        "Permanent Representative of Mexico to the United Nations",
        "(Signed) Barbara Woodward",
        "Permanent Representative of the United Kingdom to the United Nations",
    ):
        assert line in text
    fonts = {run.text.strip(): run.font for run in pdf_text.runs(body)}
    for surname in ("Byrne Nason", "de la Fuente Ramírez", "Woodward"):
        assert "Bold" in fonts[surname], (surname, fonts.get(surname))
    for given in ("Geraldine", "Juan Ramón", "Barbara"):
        assert "Bold" not in fonts[given], (given, fonts.get(given))


def test_the_letters_in_the_pdf_are_the_letters_on_the_app_pages(summary, secretariat_client):
    body = pdf.render_summary(summary, today=LETTER_DATE)
    text = pdf_text.normalise(" ".join(pdf_text.pages(body)))
    printed = {rec.text: label for group in labelled_groups(summary.meeting) for label, rec in group.items if label}
    assert list(printed.values()) == ["(a)", "(b)", "(c)"]
    for words, label in printed.items():
        assert f"{label} {words}" in text
    # The bullets carry no letter in the PDF: nothing but the text before them.
    assert not re.search(r"\([a-z]\) (Women protection advisers|Their posts)", text)

    record = secretariat_client.get(reverse("recommendations:meeting", args=[summary.meeting_id])).content.decode()
    page = secretariat_client.get(reverse("documents:summary", args=[summary.meeting_id])).content.decode()
    for words, label in printed.items():
        # The meeting record prints the label in its own column, the summary page before the words.
        assert re.search(rf"{re.escape(label)}</span>\s*<div>\s*<p[^>]*>{re.escape(words)}", record), (label, words)
        assert re.search(rf"{re.escape(label)}</span>\s*{re.escape(words)}", page), (label, words)
