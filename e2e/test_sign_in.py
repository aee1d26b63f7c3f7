"""Signing in through the real form lands on the week's dashboard; a wrong password keeps the form."""

from e2e.conftest import PASSWORD, login


def test_secretariat_signs_in_and_sees_the_week(page, live_server, secretariat_user):
    login(page, live_server, secretariat_user)

    assert page.url == f"{live_server.url}/work/"
    assert page.get_by_role("heading", level=1).inner_text() == "This week"
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="This week").get_attribute("aria-current") == "page"
    assert page.get_by_text(f"{secretariat_user.username}").first.is_visible()


def test_wrong_password_shows_an_error_and_keeps_the_username(page, live_server, secretariat_user):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(secretariat_user.username)
    page.get_by_label("Password").fill(PASSWORD + " typo")
    page.get_by_role("button", name="Sign in").click()

    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("Username").input_value() == secretariat_user.username
    assert "/accounts/login/" in page.url
