"""Keyboard alone: the skip link comes first, moves focus to the main content, and focus is always visible."""

import re

from e2e.conftest import login


def _focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {tag: el.tagName, id: el.id, text: el.innerText.trim(),
                    outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
                    visible: el.getBoundingClientRect().left >= 0};
        }"""
    )


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page, live_server, secretariat_user, year):
    login(page, live_server, secretariat_user)
    page.goto(f"{live_server.url}/work/year/2026/")

    page.keyboard.press("Tab")
    first = _focused(page)
    assert (first["tag"], first["text"]) == ("A", "Skip to main content")
    assert first["visible"], "the skip link must show on screen when focused"
    assert first["outline"] != "none" and first["outlineWidth"] >= 2, "focus must be visible"

    page.keyboard.press("Enter")
    # A same-document navigation: wait for it rather than reading the URL at once (flaky on a loaded machine).
    page.wait_for_url(re.compile(r"#main$"), timeout=5000)
    assert _focused(page)["id"] == "main"

    # The next Tab stop is inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


def test_main_navigation_works_with_the_keyboard(page, live_server, secretariat_user, year):
    login(page, live_server, secretariat_user)

    # Tab through the header until the "Meetings" link has focus, then follow it with Enter.
    for _ in range(15):
        page.keyboard.press("Tab")
        if _focused(page)["text"] == "Meetings":
            break
    focused = _focused(page)
    assert focused["text"] == "Meetings", "the main navigation is reachable with Tab"
    assert focused["outline"] != "none"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Meetings"
