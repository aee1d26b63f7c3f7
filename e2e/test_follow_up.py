"""After the meeting: recommendations and their uptake; invitations and reminders in the outbox."""

import datetime
import re

from e2e.conftest import assert_accessible, login
from meetings.tests import factories
from notifications.models import Notification
from recommendations.models import Recommendation

TEXT = "Include in the renewal of BINUH's mandate sex-disaggregated reporting on gang violence."


def test_secretariat_adds_a_recommendation_and_records_its_uptake(page, live_server, secretariat_user, year):
    meeting = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 11, 10))
    login(page, live_server, secretariat_user)
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    page.get_by_role("link", name="Add the first key recommendation").click()
    page.get_by_label("Text").fill(TEXT)
    page.get_by_role("button", name="Save", exact=True).click()
    assert page.get_by_role("status").filter(has_text="Recommendation (a) added").is_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Recommendations").click()
    page.get_by_role("link", name=TEXT).click()
    page.get_by_label("New status").select_option(label="Presented")
    page.get_by_role("button", name="Change status").click()

    assert page.get_by_role("status").filter(has_text="Status is now “Presented”").is_visible()
    assert Recommendation.objects.get(meeting=meeting).status == Recommendation.Status.PRESENTED
    assert_accessible(page)


def test_invitations_are_queued_in_the_outbox(page, live_server, secretariat_user, cochair_user, expert_user, year):
    meeting = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 12, 16))
    login(page, live_server, secretariat_user)
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    page.get_by_role("button", name="Send invitations with calendar file").click()
    page.get_by_role("button", name=re.compile(r"^Confirm: send \d+ invitations$")).click()
    assert page.get_by_role("status").filter(has_text="invitations queued").is_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Outbox").click()
    outbox = page.get_by_role("table", name="Outbox")
    recipients = outbox.get_by_role("rowheader").all_inner_texts()
    for user in (cochair_user, expert_user):
        assert any(user.email in cell for cell in recipients), f"{user.email} not in {recipients}"
    assert Notification.objects.filter(meeting=meeting, kind="invitation").count() == len(recipients)
    assert_accessible(page)
