"""The names Council documents give a member state (in a sentence, in a title), edited by the secretariat in the
app with the stale-save check, kept in history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from countries.models import MemberState
from meetings.tests import factories

pytestmark = pytest.mark.django_db


def _data(state, **overrides):
    return {
        "short_name": "the United Kingdom",
        "formal_name": "the United Kingdom of Great Britain and Northern Ireland",
        "version": state.version,
    } | overrides


def test_secretariat_sets_a_states_names_and_sees_them_in_history(secretariat_client, secretariat_user):
    uk = factories.make_state("United Kingdom")

    response = secretariat_client.post(reverse("countries:member_state_names", args=[uk.pk]), _data(uk))

    assert response.status_code == 302
    uk.refresh_from_db()
    assert uk.in_text == "the United Kingdom"
    assert uk.formal == "the United Kingdom of Great Britain and Northern Ireland"
    assert uk.name == "United Kingdom"  # lists and sorting keep the plain name
    assert uk.version == 2
    assert uk.history.first().history_user == secretariat_user
    history = secretariat_client.get(reverse("countries:member_state_history", args=[uk.pk])).content.decode()
    assert "<strong>formal name</strong>" in history
    assert "<ins>the United Kingdom of Great Britain and Northern Ireland</ins>" in history
    assert '<td data-label="Who">sec</td>' in history
    listing = secretariat_client.get(reverse("countries:member_states")).content.decode()
    assert "the United Kingdom of Great Britain and Northern Ireland" in listing
    assert reverse("countries:member_state_names", args=[uk.pk]) in listing
    assert reverse("countries:member_state_history", args=[uk.pk]) in listing


def test_empty_names_fall_back_to_the_name(secretariat_client):
    spain = factories.make_state("Spain")
    MemberState.objects.filter(pk=spain.pk).update(short_name="the Spain", formal_name="the Kingdom of Spain")
    spain.refresh_from_db()

    response = secretariat_client.post(
        reverse("countries:member_state_names", args=[spain.pk]), _data(spain, short_name="  ", formal_name="")
    )

    assert response.status_code == 302
    spain.refresh_from_db()
    assert (spain.short_name, spain.formal_name) == ("", "")
    assert spain.in_text == spain.formal == "Spain"


def test_names_page_shows_the_current_names_and_how_to_write_them(secretariat_client):
    niger = factories.make_state("Niger")
    MemberState.objects.filter(pk=niger.pk).update(short_name="the Niger", formal_name="the Niger")

    page = secretariat_client.get(reverse("countries:member_state_names", args=[niger.pk])).content.decode()

    assert 'value="the Niger"' in page
    assert "Representatives of the Niger to the United Nations" in page
    assert "with its article" in page.lower()
    assert reverse("countries:member_state_history", args=[niger.pk]) in page


def test_stale_names_save_is_refused_and_keeps_the_input(secretariat_client):
    uk = factories.make_state("United Kingdom")
    MemberState.objects.filter(pk=uk.pk).update(formal_name="Changed by someone else", version=uk.version + 1)

    response = secretariat_client.post(
        reverse("countries:member_state_names", args=[uk.pk]), _data(uk, formal_name="My typed formal name")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this member state" in page
    assert "My typed formal name" in page
    uk.refresh_from_db()
    assert uk.formal_name == "Changed by someone else"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"formal_name": "x" * 201}, "at most 200 characters"),
        ({"short_name": "the\x00United Kingdom"}, "Null characters are not allowed"),
        ({"version": "not a number"}, "Enter a whole number"),
    ],
)
def test_bad_names_input_is_a_form_error_with_the_input_kept(secretariat_client, overrides, message):
    uk = factories.make_state("United Kingdom")

    response = secretariat_client.post(
        reverse("countries:member_state_names", args=[uk.pk]),
        _data(uk, **({"short_name": "Typed name kept"} | overrides)),
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Typed name kept" in page or "formal_name" not in overrides
    uk.refresh_from_db()
    assert uk.short_name == "" and uk.version == 1


def test_a_missing_state_is_not_found(secretariat_client):
    assert secretariat_client.get(reverse("countries:member_state_names", args=[999999])).status_code == 404


@pytest.mark.parametrize("name", ["countries:member_state_names", "countries:member_state_history"])
def test_only_the_secretariat_edits_names_or_reads_their_history(
    name, expert_client, cochair_client, nonmember_client, client
):
    uk = factories.make_state("United Kingdom")
    url = reverse(name, args=[uk.pk])

    for other in (expert_client, cochair_client, nonmember_client):
        assert other.get(url).status_code == 403
        assert other.post(url, _data(uk, formal_name="Not allowed")).status_code == 403
    assert client.get(url).status_code == 302  # the sign-in page
    uk.refresh_from_db()
    assert uk.formal_name == ""
    # Everyone signed in reads the names; only the secretariat sees the links to change them.
    listing = expert_client.get(reverse("countries:member_states")).content.decode()
    assert reverse("countries:member_state_names", args=[uk.pk]) not in listing


def test_member_state_history_queries_constant(secretariat_client, secretariat_user, django_assert_max_num_queries):
    uk = factories.make_state("United Kingdom")
    for i in range(50):
        uk._history_user = secretariat_user
        uk.formal_name = f"Formal {i}"
        uk.save()
    # session, user, secretariat check, the state, its history with users
    with django_assert_max_num_queries(6):
        response = secretariat_client.get(reverse("countries:member_state_history", args=[uk.pk]))
    assert response.status_code == 200
    assert "Formal 49" in response.content.decode()
