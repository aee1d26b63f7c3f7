"""The header's menus (core.templatetags.navigation): who sees which link, and which one is the current page."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from conftest import make_role_user


def _nav(html: str, label: str) -> str:
    return re.search(rf'<nav class="[^"]*" aria-label="{label}">(.*?)</nav>', html, re.S).group(1)


def _current(html: str) -> list[str]:
    return re.findall(r'<a href="[^"]*" aria-current="page">([^<]*)</a>', html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "current"),
    [
        ("meetings:dashboard", ["This week"]),
        ("meetings:list", ["Meetings"]),
        ("recommendations:tracker", ["Recommendations"]),
        ("recommendations:renewals", ["Renewals"]),
        ("recommendations:scorecard", ["Scorecard"]),
        ("countries:missions", ["Missions"]),
        ("countries:situations", ["Countries"]),
        ("notifications:outbox", ["Outbox"]),
        ("notifications:preferences", ["My reminders"]),
        ("accounts:user_list", ["People"]),
    ],
)
def test_the_page_open_is_the_one_link_marked_current(secretariat_client, url_name, current):
    html = secretariat_client.get(reverse(url_name)).content.decode()
    assert _current(_nav(html, "Main") + _nav(html, "Tools and account")) == current


@pytest.mark.django_db
def test_secretariat_links_are_shown_to_the_secretariat_only(secretariat_client, year):
    ours = secretariat_client.get(reverse("meetings:dashboard")).content.decode()
    client = Client()
    client.force_login(make_role_user("expert"))
    theirs = client.get(reverse("meetings:dashboard")).content.decode()
    for label, url_name in (("Outbox", "notifications:outbox"), ("People", "accounts:user_list")):
        link = f'<a href="{reverse(url_name)}">{label}</a>'
        assert link in ours
        assert link not in theirs
    assert f'<a href="{reverse("api_pages:tokens")}">API tokens</a>' in theirs


@pytest.mark.django_db
def test_the_public_menu_is_translated_and_marks_the_page_open(client):
    with translation.override("fr"):
        sign_in, summaries = gettext("Sign in"), gettext("Published summaries")
    assert sign_in != "Sign in"
    html = client.get(reverse("public:home"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert f'<a href="{reverse("login")}">{sign_in}</a>' in html
    assert _current(html) == [summaries]
    assert reverse("notifications:outbox") not in html
