"""The Network's coordinator records a meeting and its key action points, compiles the newsletter, has the troika
approve it and sends it; a focal point signs in, sends an update and approves the issue for their state."""

from __future__ import annotations

from django.contrib.auth.models import Group

from accounts.permissions import NETWORK_SECRETARIAT_GROUP
from e2e.conftest import assert_accessible, login
from meetings.tests import factories
from network.models import ActionPoint, NetworkMeeting, NetworkUpdate, Newsletter
from network.tests import factories as network_factories
from notifications.models import Notification


def test_the_coordinator_runs_a_meeting_and_a_newsletter_and_a_focal_point_contributes(new_page, live_server):
    coordinator = factories.make_user("coordinator")
    coordinator.groups.add(Group.objects.get_or_create(name=NETWORK_SECRETARIAT_GROUP)[0])
    spain = network_factories.make_member("Spain")
    fp_user = factories.make_user("sanabria")
    network_factories.make_focal_point(
        spain, "Francisco Javier Sanabria Valderrama", user=fp_user, email="fp@example.org"
    )
    network_factories.make_chairs(Spain=2026)

    page = new_page()
    login(page, live_server, coordinator)
    # A meeting, with its timeline laid out.
    page.goto(f"{live_server.url}/network/meetings/new/")
    page.get_by_label("Kind").select_option(label="Annual meeting, hosted by the chair")
    page.get_by_label("Title").fill("Annual meeting of the Network")
    page.get_by_label("First day").fill("2027-04-20")
    page.get_by_label("City").fill("Madrid, Spain")
    page.get_by_role("button", name="Save", exact=True).click()
    assert page.get_by_role("heading", name="Preparation timeline").is_visible()
    meeting = NetworkMeeting.objects.get()
    assert meeting.steps.count() == 7
    # Its key action points: a lettered group, then a point in it.
    page.get_by_role("link", name="Add a group").click()
    page.get_by_label("Heading").fill("Knowledge management and information sharing")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("link", name="Add an action point").click()
    page.get_by_label("Action point").fill("Secretariat to produce and disseminate a regular newsletter;")
    page.get_by_label("Owners").fill("Secretariat")
    page.get_by_role("button", name="Save", exact=True).click()
    point = page.locator("li[id^=point-]").filter(
        has_text="Secretariat to produce and disseminate a regular newsletter;"
    )
    assert point.inner_text().startswith("(i) ")
    assert ActionPoint.objects.get().group.meeting == meeting
    assert_accessible(page)

    # The focal point sends an update for the newsletter.
    fp_page = new_page()
    login(fp_page, live_server, fp_user)
    fp_page.goto(f"{live_server.url}/network/updates/new/")
    fp_page.get_by_label("Kind").select_option(label="A national or regional action plan")
    fp_page.get_by_label("Title").fill("Third national action plan under way")
    fp_page.get_by_label("What to tell the Network").fill("Consultations with civil society start in January.")
    fp_page.get_by_role("button", name="Save", exact=True).click()
    update = NetworkUpdate.objects.get()
    assert (update.member, update.submitted_by) == (spain, fp_user)
    assert_accessible(fp_page)

    # The coordinator accepts it, compiles the issue and sends it to the troika.
    page.goto(f"{live_server.url}/network/updates/")
    page.locator(f"#update-{update.pk}").get_by_role("button", name="Accept").click()
    page.goto(f"{live_server.url}/network/newsletters/new/")
    page.get_by_label("Introduction").fill("Welcome to the Network's first newsletter.")
    page.get_by_label("Spain: Third national action plan under way").check()
    page.get_by_role("button", name="Save", exact=True).click()
    assert page.get_by_text("Consultations with civil society start in January.").is_visible()
    page.get_by_role("button", name="Send to the troika for approval").click()
    page.get_by_role("button", name="Confirm: send for approval").click()
    issue = Newsletter.objects.get()
    assert issue.status == "in_review"

    # Spain's focal point approves it for Spain, the troika's one state this year.
    fp_page.goto(f"{live_server.url}{issue.get_absolute_url()}")
    fp_page.get_by_role("button", name="Approve this issue for Spain").click()
    assert fp_page.get_by_role("status").filter(has_text="Approved for Spain").is_visible()

    # Then the coordinator sends it, after saying who receives it.
    page.goto(f"{live_server.url}{issue.get_absolute_url()}")
    page.get_by_role("button", name="Send to 1 focal point").click()
    assert page.get_by_text("1 focal points in post receive it by email, each once.").is_visible()
    page.get_by_role("button", name="Confirm: send the newsletter").click()
    assert page.get_by_role("status").filter(has_text="emails queued in the outbox").is_visible()
    issue.refresh_from_db()
    assert issue.status == "sent"
    assert list(Notification.objects.filter(kind="newsletter").values_list("email", flat=True)) == ["fp@example.org"]
    assert_accessible(page)
