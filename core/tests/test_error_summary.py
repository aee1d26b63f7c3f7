"""Every form rendered by the shared renderer: an error summary whose items link to their fields, and the
page's title starts with "Error: " (WCAG 3.3.1, 2.4.2)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_error_summary_links_each_error_to_its_field(secretariat_client, year):
    response = secretariat_client.post(reverse("meetings:create"), {"kind": "country"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="alert alert--danger error-summary" role="alert" tabindex="-1" data-error-summary' in page
    assert '<a href="#id_situation">Country or situation: Choose the country or situation' in page
    assert "<title>Error: New meeting" in page


def test_a_blank_form_has_no_error_prefix(secretariat_client, year):
    page = secretariat_client.get(reverse("meetings:create")).content.decode()
    assert "<title>New meeting" in page and "data-error-summary" not in page
