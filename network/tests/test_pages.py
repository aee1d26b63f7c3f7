"""The Network's space: membership requests, focal-point changes keeping the past, flags, who may do what, and
query counts that do not grow with the rows."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from meetings.tests.factories import make_state
from network.models import FocalPoint, Member, MembershipRequest

from . import factories

pytestmark = pytest.mark.django_db


def test_a_membership_request_is_confirmed_then_makes_a_member_with_its_focal_point(coordinator_client, coordinator):
    make_state("Portugal")
    response = coordinator_client.post(
        reverse("network:request_create"),
        {
            "kind": "state",
            "member_state": make_state("Portugal").pk,
            "received_on": "2026-11-20",
            "contact_name": "Ana  Silva",
            "contact_title": "Director for Multilateral Affairs",
            "contact_email": "ana@example.org",
            "message": "Portugal wishes to join.",
            "version": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    request = MembershipRequest.objects.get()
    assert (request.status, request.contact_name) == ("pending", "Ana Silva")

    # Accepting asks first, and changes nothing until confirmed.
    page = coordinator_client.post(reverse("network:request_accept", args=[request.pk]))
    assert page.status_code == 200
    assert "Portugal becomes a member of the Network as of 1 Dec 2026." in page.content.decode()
    assert not Member.objects.exists()

    response = coordinator_client.post(reverse("network:request_accept", args=[request.pk]), {"confirm": "1"})
    member = Member.objects.get()
    assert response.status_code == 302 and response["Location"] == member.get_absolute_url()
    assert (member.name, member.kind, member.joined_on) == ("Portugal", "state", datetime.date(2026, 12, 1))
    [focal_point] = member.focal_points.all()
    assert (focal_point.name, focal_point.email, focal_point.start_date) == (
        "Ana Silva",
        "ana@example.org",
        datetime.date(2026, 12, 1),
    )
    request.refresh_from_db()
    assert (request.status, request.decided_by, request.member) == ("accepted", coordinator, member)
    assert member.history.get().history_user == coordinator
    assert "Portugal" in coordinator_client.get(reverse("network:home")).content.decode()  # among the new members

    # Deciding twice is refused with a message.
    response = coordinator_client.post(
        reverse("network:request_accept", args=[request.pk]), {"confirm": "1"}, follow=True
    )
    assert "This request was already decided." in response.content.decode()
    assert Member.objects.count() == 1


def test_declining_needs_a_reason_and_keeps_the_request(coordinator_client):
    request = MembershipRequest.objects.create(
        kind="regional", organization="League of Arab States", received_on=datetime.date(2026, 11, 2)
    )
    response = coordinator_client.post(reverse("network:request_decline", args=[request.pk]), {"reason": "  "})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    response = coordinator_client.post(
        reverse("network:request_decline", args=[request.pk]), {"reason": "Asked to apply through its focal point."}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.reason) == ("declined", "Asked to apply through its focal point.")
    assert not Member.objects.exists()


def test_a_state_already_a_member_cannot_be_accepted_again(coordinator_client, spain):
    request = MembershipRequest.objects.create(
        kind="state", member_state=spain.member_state, received_on=datetime.date(2026, 11, 2)
    )
    response = coordinator_client.post(reverse("network:request_accept", args=[request.pk]), follow=True)
    assert "Spain is already a member of the Network." in response.content.decode()


def test_a_new_focal_point_ends_the_previous_one_and_keeps_the_past(coordinator_client, coordinator, spain):
    first = factories.make_focal_point(spain, "Francisco Javier Sanabria Valderrama", start=datetime.date(2017, 1, 1))
    response = coordinator_client.post(
        reverse("network:focal_point_new", args=[spain.pk]),
        {"name": "María López", "title": "Ambassador at large", "start_date": "2026-06-01", "version": 0},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    first.refresh_from_db()
    assert first.end_date == datetime.date(2026, 5, 31)
    assert first.history.first().history_user == coordinator  # the change is credited
    assert first.history.first().history_change_reason == "Replaced by María López"
    page = coordinator_client.get(spain.get_absolute_url()).content.decode()
    today, earlier = page.split("Earlier and later focal points")
    assert "María López" in today and "Sanabria" in earlier

    # A start before the one in post is refused, with the input kept.
    response = coordinator_client.post(
        reverse("network:focal_point_new", args=[spain.pk]),
        {"name": "Too Early", "start_date": "2026-01-01", "version": 0},
    )
    assert response.status_code == 400
    assert "must start after that" in response.content.decode() and 'value="Too Early"' in response.content.decode()
    assert FocalPoint.objects.count() == 2


def test_members_without_a_focal_point_are_flagged(coordinator_client, spain):
    factories.make_focal_point(spain, "In post")
    germany = factories.make_member("Germany")
    ended = factories.make_member("Namibia")
    factories.make_focal_point(ended, "Gone", end_date=datetime.date(2025, 12, 31))
    page = coordinator_client.get(reverse("network:members"), {"flagged": "1"}).content.decode()
    assert germany.name in page and "Namibia" in page and ">Spain<" not in page
    home = coordinator_client.get(reverse("network:home")).content.decode()
    assert "Members without a focal point" in home and "Namibia" in home


def test_focal_points_read_the_space_but_edit_nothing(focal_point_client, spain):
    assert focal_point_client.get(reverse("network:members")).status_code == 200
    assert "fp@example.org" in focal_point_client.get(spain.get_absolute_url()).content.decode()
    assert focal_point_client.get(reverse("network:member_edit", args=[spain.pk])).status_code == 403
    assert focal_point_client.get(reverse("network:requests")).status_code == 403
    # Signing in, a focal point with no IEG role lands in the Network's space.
    assert focal_point_client.get(reverse("meetings:dashboard"))["Location"] == reverse("network:home")


def test_a_focal_point_whose_post_ended_loses_the_space(focal_point_user, spain):
    FocalPoint.objects.filter(user=focal_point_user).update(end_date=datetime.date(2026, 1, 31))
    client = make_client(focal_point_user)
    assert client.get(reverse("network:members")).status_code == 403


def test_council_experts_and_the_public_do_not_see_contacts(expert_client, client, focal_point_user, spain):
    for path in (reverse("network:members"), spain.get_absolute_url(), reverse("network:home")):
        assert expert_client.get(path).status_code == 403
        assert client.get(path)["Location"].startswith(reverse("login"))


def make_client(user):
    from django.test import Client

    c = Client()
    c.force_login(user)
    return c


@pytest.mark.parametrize("page", ["members", "home", "chairs", "member"])
def test_query_counts_do_not_grow_with_the_network(coordinator_client, page, django_assert_max_num_queries):
    def grow(n, start):
        for i in range(start, start + n):
            member = factories.make_member(f"Member {i:03d}", regional=True)
            for j in range(3):
                factories.make_focal_point(member, f"Person {i}-{j}", start=datetime.date(2017 + j, 1, 1))
            factories.make_chairs(**{member.name: 2000 + i})

    def count():
        target = Member.objects.order_by("pk").first()
        url = target.get_absolute_url() if page == "member" else reverse(f"network:{page}")
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert coordinator_client.get(url).status_code == 200
        return len(ctx.captured_queries)

    grow(3, 0)
    small = count()
    grow(30, 3)
    assert count() == small
    with django_assert_max_num_queries(12):
        count()


def test_a_focal_points_sign_in_account_is_typed_not_picked_from_everyone(coordinator_client, spain):
    fp = factories.make_focal_point(spain, "Someone")
    from meetings.tests.factories import make_user

    user = make_user("someone", email="someone@example.org")
    page = coordinator_client.get(reverse("network:focal_point_edit", args=[fp.pk])).content.decode()
    assert "<select" not in page.split('id="id_account"')[0].split("<form")[-1]  # no list of accounts
    data = {"name": "Someone", "start_date": "2017-01-01", "version": fp.version}
    response = coordinator_client.post(reverse("network:focal_point_edit", args=[fp.pk]), {**data, "account": "nobody"})
    assert "No active account has this username or email." in response.content.decode()
    response = coordinator_client.post(
        reverse("network:focal_point_edit", args=[fp.pk]), {**data, "account": "SOMEONE@example.org"}
    )
    assert response.status_code == 302
    fp.refresh_from_db()
    assert fp.user == user


def test_the_observatory_is_public_counts_members_and_shows_no_contact(client, spain, focal_point_user):
    from network.models import ActionPlan

    spain.region = "europe"
    spain.save()
    brazil = factories.make_member("Brazil", region="americas")
    ActionPlan.objects.create(member=spain, generation=1, adopted_year=2007, period_end=2016)
    ActionPlan.objects.create(member=spain, generation=2, adopted_year=2017, notes="Launched in 2017")
    ActionPlan.objects.create(member=brazil, generation=1, status="in_development", notes="Launched 8 March 2017")
    page = client.get(reverse("network:action_plans"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "second plan" in text and "Launched in 2017" in text  # Spain's latest plan
    assert "In development" in text and "Launched 8 March 2017" in text
    assert '<th scope="row">2007</th>' in text and '<th scope="row">2026</th>' in text
    assert "fp@example.org" not in text and "Sanabria" not in text


def test_the_observatory_queries_do_not_grow(client, django_assert_max_num_queries):
    from network.models import ActionPlan

    def grow(start, n):
        for i in range(start, start + n):
            member = factories.make_member(f"Member {i:03d}", regional=True)
            ActionPlan.objects.create(member=member, generation=1, adopted_year=2000 + i % 20)

    grow(0, 3)
    with django_assert_max_num_queries(4):
        client.get(reverse("network:action_plans"))
    grow(3, 40)
    with django_assert_max_num_queries(4):
        client.get(reverse("network:action_plans"))
