"""The people search reports a bad query next to its field and keeps it; it never answers with a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_nul_byte_in_the_people_search_is_reported(secretariat_client, expert_user):
    response = secretariat_client.get(reverse("accounts:user_list"), {"q": "exp\x00ert"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Null characters are not allowed." in page
    assert 'value="exp' in page  # the query stays in its field
    assert "expert" in page  # the bad filter is not applied: the list is whole


def test_a_search_longer_than_its_limit_is_reported_not_cut(secretariat_client, expert_user):
    response = secretariat_client.get(reverse("accounts:user_list"), {"q": "e" * 101})
    assert response.status_code == 200
    assert "at most 100 characters" in response.content.decode()


def test_a_valid_search_still_filters(secretariat_client, expert_user, cochair_user):
    page = secretariat_client.get(reverse("accounts:user_list"), {"q": "expe"}).content.decode()
    assert "expert" in page and "cochair" not in page
