"""The letters' words (documents.formulas): pure functions, no database."""

import datetime

import pytest

from documents import formulas
from documents.formulas import Signer

IRELAND = Signer("Ireland", "Ireland")
MEXICO = Signer("Mexico", "Mexico")
UK = Signer("the United Kingdom", "the United Kingdom of Great Britain and Northern Ireland", role=formulas.PENHOLDER)
GROUP_2021 = "Informal Expert Group on Women, Peace and Security"
GROUP_2016 = "Informal Expert Group on Women and Peace and Security"
WHAT = "the summary of the meeting"


def test_the_2016_formula_word_for_word():
    spain = Signer("Spain", "Spain")
    uk = Signer("the United Kingdom", "the United Kingdom of Great Britain and Northern Ireland")
    assert formulas.transmittal([spain, uk], group=GROUP_2016, what=WHAT) == (
        "Spain and the United Kingdom, as Co-Chairs of the Informal Expert Group on Women and Peace and Security, "
        "have the honour to transmit herewith the summary of the meeting (see annex)."
    )
    assert formulas.letter_title(
        [spain, uk], letter_date=datetime.date(2016, 12, 22), addressee="the Secretary-General"
    ) == (
        "Letter dated 22 December 2016 from the Permanent Representatives of Spain and the United Kingdom of Great "
        "Britain and Northern Ireland to the United Nations addressed to the Secretary-General"
    )


def test_cooperation_with_the_penholder():
    text = formulas.transmittal([IRELAND, MEXICO, UK], group=GROUP_2021, what=WHAT)
    assert text.startswith(
        "Ireland and Mexico, as Co-Chairs of the Informal Expert Group on Women, Peace and Security, in close "
        "cooperation with the United Kingdom, as penholder on women, peace and security, have the honour"
    )


def test_the_penholder_in_2016_uses_that_year_s_words():
    text = formulas.transmittal([IRELAND, MEXICO, UK], group=GROUP_2016, what=WHAT)
    assert "as penholder on women and peace and security" in text


def test_together_with_capitalises_the_lead_and_names_no_role():
    other = Signer("the Netherlands", "the Kingdom of the Netherlands", role="other")
    text = formulas.transmittal([UK, IRELAND, other], group=GROUP_2021, what=WHAT)
    assert text == (
        "The United Kingdom, together with Ireland and the Netherlands, has the honour to transmit herewith the "
        "summary of the meeting (see annex)."
    )
    assert "Co-Chair" not in text and "penholder" not in text


def test_one_cochair_alone_is_a_cochair_not_cochairs():
    text = formulas.transmittal([IRELAND], group=GROUP_2021, what=WHAT)
    assert text.startswith("Ireland, as Co-Chair of the") and "has the honour" in text


def test_a_penholder_without_cochairs_is_never_called_cochair():
    assert formulas.formula_kind([UK]) == "together"
    assert "Co-Chair" not in formulas.transmittal([UK], group=GROUP_2021, what=WHAT)


@pytest.mark.parametrize(
    ("signers", "expected"),
    [
        ([IRELAND], "the Permanent Representative of Ireland"),
        ([IRELAND, MEXICO], "the Permanent Representatives of Ireland and Mexico"),
        (
            [IRELAND, Signer("Mexico", "Mexico", title="Chargé d'affaires a.i.")],
            "the Permanent Representative of Ireland and the Chargé d'affaires a.i. of Mexico",
        ),
        (
            [
                Signer("A", "A", title="Chargé d'affaires a.i."),
                Signer("B", "B", title="Chargé d'affaires a.i."),
                IRELAND,
                Signer("C", "C", title="Deputy Permanent Representative"),
            ],
            "the Chargés d'affaires a.i. of A and B, the Permanent Representative of Ireland and the Deputy "
            "Permanent Representative of C",
        ),
    ],
)
def test_the_title_groups_signatories_by_the_title_they_sign_under(signers, expected):
    assert formulas.from_phrase(signers) == expected


def test_closing_requests():
    assert formulas.closing_request_sc().endswith("as a document of the Security Council.")
    assert formulas.closing_request_ga_sc(65) == (
        "We would be grateful if the present letter and its annex could be circulated as a document of the "
        "General Assembly, under agenda item 65, and of the Security Council."
    )


def test_names_are_escaped_in_the_body_html():
    html = formulas.letter_body_html([Signer("A<b>", "A<b>")], group=GROUP_2021, what=WHAT)
    assert "A&lt;b&gt;" in html and "<b>" not in html
