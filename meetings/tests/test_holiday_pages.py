"""UN Headquarters holidays in the app: everyone signed in reads them, the secretariat adds and corrects them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from meetings.models import Holiday, HolidayYear

pytestmark = pytest.mark.django_db


def test_readme_points_to_the_holidays_page_not_to_a_missing_admin_page(settings):
    readme = (settings.BASE_DIR / "README.md").read_text()

    assert "editable in the admin under" not in readme
    assert "/work/holidays/" in readme
    assert reverse("meetings:holidays") == "/work/holidays/"


def test_everyone_signed_in_reads_the_holidays(expert_client, client):
    Holiday.objects.create(date=datetime.date(2026, 12, 25), name="Christmas Day")

    page = expert_client.get(reverse("meetings:holidays")).content.decode()

    assert "Christmas Day" in page and "25 Dec 2026" in page
    assert reverse("meetings:holiday_create") not in page  # read-only for a Council expert
    assert client.get(reverse("meetings:holidays")).status_code == 302


def test_holiday_list_filters_by_year(expert_client):
    Holiday.objects.create(date=datetime.date(2025, 12, 25), name="Christmas 2025")
    Holiday.objects.create(date=datetime.date(2026, 12, 25), name="Christmas 2026")

    page = expert_client.get(reverse("meetings:holidays"), {"year": "2026"}).content.decode()

    assert "Christmas 2026" in page and "Christmas 2025" not in page


@pytest.mark.parametrize("year", ["9" * 5000, "20\x0026", "-1", "abcd", "２０２６"])
def test_bad_year_shows_every_year(expert_client, year):
    Holiday.objects.create(date=datetime.date(2026, 12, 25), name="Christmas Day")

    response = expert_client.get(reverse("meetings:holidays"), {"year": year})

    assert response.status_code == 200
    assert "Christmas Day" in response.content.decode()


@pytest.mark.parametrize("client_fixture", ["expert_client", "cochair_client", "nonmember_client"])
def test_only_the_secretariat_edits_holidays(request, client_fixture):
    other = request.getfixturevalue(client_fixture)
    holiday = Holiday.objects.create(date=datetime.date(2026, 12, 25), name="Christmas Day")

    assert other.get(reverse("meetings:holiday_create")).status_code == 403
    assert other.post(reverse("meetings:holiday_create"), {"date": "2026-12-24", "name": "x"}).status_code == 403
    assert other.post(reverse("meetings:holiday_edit", args=[holiday.pk]), {"name": "x"}).status_code == 403
    assert other.get(reverse("meetings:holiday_history", args=[holiday.pk])).status_code == 403
    assert Holiday.objects.count() == 1


def test_secretariat_adds_and_corrects_a_holiday_with_history(secretariat_client, secretariat_user):
    response = secretariat_client.post(reverse("meetings:holiday_create"), {"date": "2026-11-26", "name": "Thanks"})
    assert response.status_code == 302
    holiday = Holiday.objects.get(date=datetime.date(2026, 11, 26))

    response = secretariat_client.post(
        reverse("meetings:holiday_edit", args=[holiday.pk]),
        {"date": "2026-11-26", "name": "Thanksgiving Day", "version": holiday.version},
    )

    assert response.status_code == 302
    holiday.refresh_from_db()
    assert holiday.name == "Thanksgiving Day" and holiday.version == 2
    assert [h.history_user for h in holiday.history.all()] == [secretariat_user, secretariat_user]
    page = secretariat_client.get(reverse("meetings:holiday_history", args=[holiday.pk])).content.decode()
    assert "<del>Thanks</del>" in page and "<ins>Thanksgiving Day</ins>" in page
    listing = secretariat_client.get(reverse("meetings:holidays")).content.decode()
    assert reverse("meetings:holiday_history", args=[holiday.pk]) in listing


def test_the_planner_counts_a_holiday_added_in_the_app(secretariat_client):
    # Thursday 10 Dec 2026: the note is due 2 business days before, Tuesday 8 Dec; with 8 Dec a holiday, Monday 7.
    before = secretariat_client.get(reverse("api:timeline"), {"meeting_date": "2026-12-10"}).json()
    secretariat_client.post(reverse("meetings:holiday_create"), {"date": "2026-12-08", "name": "A holiday"})
    after = secretariat_client.get(reverse("api:timeline"), {"meeting_date": "2026-12-10"}).json()

    assert before != after


def test_stale_holiday_save_is_refused_and_keeps_the_input(secretariat_client):
    holiday = Holiday.objects.create(date=datetime.date(2026, 12, 25), name="Christmas Day")
    Holiday.objects.filter(pk=holiday.pk).update(name="Changed elsewhere", version=holiday.version + 1)

    response = secretariat_client.post(
        reverse("meetings:holiday_edit", args=[holiday.pk]),
        {"date": "2026-12-25", "name": "My typed name", "version": holiday.version},
    )

    assert response.status_code == 200
    assert "Someone else saved this UN Headquarters holiday" in response.content.decode()
    assert "My typed name" in response.content.decode()
    holiday.refresh_from_db()
    assert holiday.name == "Changed elsewhere"


@pytest.mark.parametrize(
    "data",
    [
        {"date": "2026-12-25", "name": "Again"},  # already a holiday
        {"date": "2026-02-30", "name": "Typed"},
        {"date": "12345678-01-01", "name": "Typed"},
        {"date": "2026-12-24", "name": "Typed\x00"},
        {"date": "2026-12-24", "name": "x" * 10_000},
        {"date": "2026-12-24", "name": ""},
    ],
)
def test_bad_holiday_input_is_a_form_error(secretariat_client, data):
    Holiday.objects.create(date=datetime.date(2026, 12, 25), name="Christmas Day")

    response = secretariat_client.post(reverse("meetings:holiday_create"), data)

    assert response.status_code == 200
    assert Holiday.objects.count() == 1


@pytest.mark.parametrize("rows", [10, 200])
def test_holiday_list_queries_constant(secretariat_client, rows, django_assert_max_num_queries):
    start = datetime.date(2020, 1, 1)
    Holiday.objects.bulk_create(
        Holiday(date=start + datetime.timedelta(days=i), name=f"Holiday {i:03}") for i in range(rows)
    )
    HolidayYear.objects.bulk_create(HolidayYear(year=y, source=f"ST/IC/{y - 1}/9") for y in range(2016, 2031))
    # session, user, secretariat check, the years, count, the page of holidays, the years' sources
    with django_assert_max_num_queries(7):
        response = secretariat_client.get(reverse("meetings:holidays"))
    assert response.status_code == 200
    assert "Holiday 009" in response.content.decode()
    assert "Published in ST/IC/2029/9" in response.content.decode()
