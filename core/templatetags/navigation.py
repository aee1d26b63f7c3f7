"""``{% site_navigation %}``: the header's menus, written in one pass in Python.

Every page draws them: as a template they were some forty ``{% url %}``, ``{% translate %}`` and ``{% if %}``
tags per request, a fifth of a light page's time. Here each menu is data (the URL's name, its label, when it is
the current page, who sees it) and one loop writes the markup. The URLs are named, not imported: the layout knows
the site's pages without importing the apps above it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

register = template.Library()


class Link(NamedTuple):
    url_name: str
    label: str
    # Whether the page (its URL's app name and URL name) is this link's: it is then marked aria-current="page".
    current: Callable[[str, str], bool]
    # The context flag the link needs ("is_secretariat", "can_view_network"); None: everyone signed in.
    needs: str | None = None


# The signed-in menus: the day's work, then tools and the account.
MAIN = (
    Link("meetings:dashboard", gettext_lazy("This week"), lambda app, name: app == "meetings" and name == "dashboard"),
    Link("meetings:year_current", gettext_lazy("Year"), lambda app, name: name in ("year", "year_current")),
    Link("meetings:list", gettext_lazy("Meetings"), lambda app, name: app == "meetings" and name == "list"),
    Link(
        "recommendations:tracker",
        gettext_lazy("Recommendations"),
        lambda app, name: app == "recommendations" and name not in ("renewals", "scorecard"),
    ),
    Link(
        "recommendations:renewals",
        gettext_lazy("Renewals"),
        lambda app, name: app == "recommendations" and name == "renewals",
    ),
    Link("documents:index", gettext_lazy("Documents"), lambda app, name: app == "documents"),
    Link("network:home", gettext_lazy("Network"), lambda app, name: app == "network", needs="can_view_network"),
    Link(
        "notifications:outbox",
        gettext_lazy("Outbox"),
        lambda app, name: app == "notifications" and name == "outbox",
        needs="is_secretariat",
    ),
)
TOOLS = (
    Link(
        "recommendations:scorecard",
        gettext_lazy("Scorecard"),
        lambda app, name: app == "recommendations" and name == "scorecard",
    ),
    Link(
        "countries:situations",
        gettext_lazy("Countries"),
        lambda app, name: app == "countries" and "representative" not in name and "mission" not in name,
    ),
    Link(
        "countries:representatives",
        gettext_lazy("Representatives"),
        lambda app, name: app == "countries" and "representative" in name,
    ),
    Link("countries:missions", gettext_lazy("Missions"), lambda app, name: app == "countries" and "mission" in name),
    Link("meetings:holidays", gettext_lazy("UN holidays"), lambda app, name: app == "meetings" and "holiday" in name),
    Link("meetings:planner", gettext_lazy("Date planner"), lambda app, name: name == "planner"),
    Link("accounts:user_list", gettext_lazy("People"), lambda app, name: app == "accounts", needs="is_secretariat"),
    Link(
        "notifications:preferences",
        gettext_lazy("My reminders"),
        lambda app, name: app == "notifications" and name == "preferences",
    ),
    Link("api_pages:tokens", gettext_lazy("API tokens"), lambda app, name: app == "api_pages" and name == "tokens"),
)
# What the public sees.
PUBLIC = (
    Link("public:home", gettext_lazy("Published summaries"), lambda app, name: app == "public"),
    Link(
        "network:public_documents",
        gettext_lazy("Focal Points Network"),
        lambda app, name: name in ("public_documents", "public_document", "public_newsletters", "public_newsletter"),
    ),
    Link("network:action_plans", gettext_lazy("Action plans"), lambda app, name: name == "action_plans"),
    Link("meetings:planner", gettext_lazy("Date planner"), lambda app, name: name == "planner"),
    Link("login", gettext_lazy("Sign in"), lambda app, name: name == "login"),
)
CURRENT = mark_safe(' aria-current="page"')
MENUS = {"main": MAIN, "tools": TOOLS, "public": PUBLIC}


def _shown(link: Link, context) -> bool:
    if link.needs is None:
        return True
    flag = context.get(link.needs)
    return bool(flag() if callable(flag) else flag)


@register.simple_tag(takes_context=True)
def site_navigation(context, menu: str) -> SafeString:
    """The ``<li>`` items of ``menu`` ("main", "tools" or "public") for the page being drawn."""
    match = getattr(context.get("request"), "resolver_match", None)
    app, name = (match.app_name or "", match.url_name or "") if match else ("", "")
    return format_html_join(
        "\n",
        '<li><a href="{}"{}>{}</a></li>',
        (
            (reverse(link.url_name), CURRENT if link.current(app, name) else "", link.label)
            for link in MENUS[menu]
            if _shown(link, context)
        ),
    )
