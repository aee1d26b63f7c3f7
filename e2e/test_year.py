"""The year page: co-chairs, agenda countries and the way to plan a meeting for one of them."""

from e2e.conftest import login
from meetings.tests import factories


def test_year_page_lists_co_chairs_and_agenda(page, live_server, secretariat_user, year):
    factories.make_entry(year, "Haiti")
    factories.make_entry(year, "Libya")
    login(page, live_server, secretariat_user)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Year").click()

    assert page.get_by_role("heading", level=1).inner_text() == "IEG year 2026"
    assert "Denmark, Greece" in page.locator(".page-header").inner_text()
    agenda = page.get_by_role("table", name="Agenda countries")
    assert agenda.get_by_role("rowheader").all_inner_texts() == ["Haiti", "Libya"]
    assert agenda.get_by_role("link", name="Plan meeting Haiti").is_visible()
