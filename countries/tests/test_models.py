"""Reference rows: names as signed, the Ambassador line apart from the title, names of states in documents."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction

from countries.models import MemberState, PermanentRepresentative
from meetings.tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("title", ["Ambassador", "Ambassador of Ireland to the United Nations", "ambassador"])
def test_the_database_refuses_ambassador_as_a_title(title):
    with pytest.raises(IntegrityError), transaction.atomic():
        PermanentRepresentative.objects.create(
            member_state=factories.make_state("Ireland"),
            given_names="Geraldine",
            surname="Byrne Nason",
            title=title,
            start_date=datetime.date(2017, 9, 1),
        )


def test_name_reads_given_names_and_surname_and_the_setter_splits_at_the_last_space():
    rep = PermanentRepresentative(given_names="Juan Ramón", surname="de la Fuente Ramírez")
    assert rep.name == "Juan Ramón de la Fuente Ramírez"
    assert PermanentRepresentative(surname="Oyarzun").name == "Oyarzun"
    rep.name = "  Matthew   Rycroft "
    assert (rep.given_names, rep.surname) == ("Matthew", "Rycroft")


def test_state_names_fall_back_in_order():
    uk = MemberState(name="United Kingdom", short_name="the United Kingdom")
    assert (uk.in_text, uk.formal) == ("the United Kingdom", "the United Kingdom")
    uk.formal_name = "the United Kingdom of Great Britain and Northern Ireland"
    assert uk.formal == "the United Kingdom of Great Britain and Northern Ireland"
    spain = MemberState(name="Spain")
    assert (spain.in_text, spain.formal) == ("Spain", "Spain")
