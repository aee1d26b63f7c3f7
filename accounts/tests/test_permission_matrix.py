"""Who may open what: every URL of the project, for every role.

The test walks the project's URL patterns (``get_resolver()``, recursively, admin included) and asks
MATRIX, below, what each role must get. A URL without an entry fails ``test_every_url_has_an_entry``:
add one when you add a URL. Every response is also searched for content the role may not see: the
markers of years the role has no access to, and of drafts (never shown to Council experts).

Roles: anonymous; a signed-in visitor with no role; the expert of a 2026 Council member (France, also on
the Council in 2019); the expert of a state not on the Council (Sweden); a 2026 co-chair (Denmark); a 2019
co-chair (Peru); the secretariat. The admin is one family: everyone here, not being staff, is sent to
the admin's sign-in.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
import time_machine
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from meetings.models import Meeting
from meetings.tests import factories
from network.tests import factories as network_factories

ROLES = ["anon", "visitor", "expert", "nonmember", "cochair", "other_cochair", "secretariat", "focalpoint", "network"]

# Content markers. A role must never receive a marker it is not allowed to see, on any page.
Y2026 = "MARKER-YEAR-2026"  # in a 2026 meeting (theme, room) and a 2026 recommendation
Y2019 = "MARKER-YEAR-2019"  # in a 2019 meeting and recommendation
DRAFT = "MARKER-DRAFT-2026"  # in a draft background note and a draft summary of 2026
# One marker in every other restricted kind of row:
PROPOSED = "MARKER-PROPOSED-2026"  # a recommendation still proposed, its meeting's note not shared
COMMENT = "MARKER-COMMENT-2026"  # co-chairs' review comments on a 2026 meeting and on the 2026 agenda
DOWNLOAD = "MARKER-DOWNLOAD"  # the name of someone whose download of a note is logged
OUTBOX = "MARKER-OUTBOX"  # an outbox row's address and error
PEOPLE = "MARKER-PEOPLE"  # a user with no role: the people list
CONTACT = "MARKER-CONTACT"  # a Network focal point's office: the Network's space only, never the public
ALLOWED = {
    Y2026: {"expert", "cochair", "secretariat"},
    Y2019: {"expert", "other_cochair", "secretariat"},  # France sat on the Council in 2019 too
    DRAFT: {"cochair", "secretariat"},  # never Council experts
    PROPOSED: {"cochair", "secretariat"},  # drafts until the note that carries them is shared
    COMMENT: {"cochair", "secretariat"},
    DOWNLOAD: {"secretariat"},
    OUTBOX: {"secretariat"},
    PEOPLE: {"secretariat"},
    CONTACT: {"secretariat", "focalpoint", "network"},
}

LOGIN = "login"  # a redirect to the sign-in page


def roles(
    anon=LOGIN,
    visitor=200,
    expert=200,
    nonmember=200,
    cochair=200,
    other_cochair=200,
    secretariat=200,
    focalpoint=None,
    network=None,
):
    """What each role gets. A Network focal point and the Network's secretariat hold no IEG role: on the IEG's
    pages they get what a signed-in visitor gets, unless said otherwise."""
    return {
        "anon": anon,
        "visitor": visitor,
        "expert": expert,
        "nonmember": nonmember,
        "cochair": cochair,
        "other_cochair": other_cochair,
        "secretariat": secretariat,
        "focalpoint": visitor if focalpoint is None else focalpoint,
        "network": visitor if network is None else network,
    }


PUBLIC = roles(anon=200)
SIGNED_IN = roles()
SECRETARIAT = roles(visitor=403, expert=403, nonmember=403, cochair=403, other_cochair=403)
SECRETARIAT_POST = roles(visitor=403, expert=403, nonmember=403, cochair=403, other_cochair=403, secretariat=302)
YEAR_2026 = roles(visitor=404, nonmember=404, other_cochair=404)  # secretariat, co-chairs and Council of 2026
DRAFTS_2026 = roles(visitor=404, expert=404, nonmember=404, other_cochair=404)  # secretariat and co-chairs
NOT_FOUND = roles(anon=404, visitor=404, expert=404, nonmember=404, cochair=404, other_cochair=404, secretariat=404)
# The Network's space: its secretariat, the IEG secretariat and focal points in post; edits: its secretariat only.
_NO_IEG = {"visitor": 403, "expert": 403, "nonmember": 403, "cochair": 403, "other_cochair": 403}
NETWORK = roles(**_NO_IEG, focalpoint=200, network=200)
NETWORK_EDIT = roles(**_NO_IEG, secretariat=403, focalpoint=403, network=200)
NETWORK_SHOWS = {role: [CONTACT] for role in ("secretariat", "focalpoint", "network")}


@dataclass
class Case:
    """One request and the status each role must get; ``shows`` names markers a role must see."""

    kwargs: Callable[[World], dict] | dict = field(default_factory=dict)
    expect: dict = field(default_factory=lambda: SIGNED_IN)
    method: str = "get"
    query: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)
    shows: dict = field(default_factory=dict)
    markers_as: str | None = None  # whose rights the content follows (a private feed: its owner's)


def _api_token(world):
    """The secretariat member's personal API token (made once per world)."""
    if "api_token" not in world.extras:
        from api import tokens

        world.extras["api_token"], _secret = tokens.create_token(world.users["secretariat"], name="report", days=30)
    return world.extras["api_token"]


def meeting_pk(world):
    return {"meeting_pk": world.meeting.pk}


def draft_meeting_pk(world):
    return {"meeting_pk": world.draft_meeting.pk}


def published_pk(world):
    return {"meeting_pk": world.published.pk}


def follow_up_pk(world):
    return {"meeting_pk": world.follow_up.pk}


LISTS_2026_2019 = {role: [Y2026] for role in ALLOWED[Y2026]} | {
    role: [Y2026, Y2019] if role in ALLOWED[Y2026] else [Y2019] for role in ALLOWED[Y2019]
}

MATRIX: dict[str, list[Case]] = {
    # Public site: published material only.
    "public:home": [Case(expect=PUBLIC)],
    "public:year": [Case({"year": 2026}, PUBLIC), Case({"year": 2019}, NOT_FOUND)],
    "public:search": [
        Case(expect=PUBLIC),
        Case(expect=PUBLIC, query={"q": "haiti"}, shows={role: ["S/2026/55"] for role in ROLES}),
        # Words that only restricted rows contain find nothing (and the markers check proves none is shown).
        Case(expect=PUBLIC, query={"q": "MARKER"}),
    ],
    "public:country": [Case({"slug": "haiti"}, PUBLIC), Case({"slug": "south-sudan"}, NOT_FOUND)],
    "public:meeting": [Case({"symbol": "S/2026/55"}, PUBLIC), Case({"symbol": "S/2026/56"}, NOT_FOUND)],
    "public:meeting_pk": [
        Case(lambda w: {"pk": w.published.pk}, roles(*[301] * 7)),
        Case(lambda w: {"pk": w.meeting.pk}, NOT_FOUND),
    ],
    # Search (issue #16, part 2: the search app). Queries name words beside the markers, never a part of one, so
    # that no <mark> splits a marker and the check for markers a role may not see stays exact.
    "search:search": [
        Case(),
        Case(query={"q": "theme"}, shows=LISTS_2026_2019),  # the thematic meetings of 2026 and 2019
        Case(query={"q": "summary", "kind": "summary"}, shows={"cochair": [DRAFT], "secretariat": [DRAFT]}),
        Case(
            query={"q": "wording", "kind": "recommendation"}, shows={"cochair": [PROPOSED], "secretariat": [PROPOSED]}
        ),
        Case(query={"q": "regular newsletters"}, shows={r: ["Action point: Second"] for r in NETWORK_SHOWS}),
        Case(
            query={"q": "operative guidelines"},
            shows={r: ["Technical Operative Guidelines"] for r in ROLES if r != "anon"},
        ),
        Case(query={"q": "theme", "year": "x", "kind": "nope", "country": "abc", "page": "-1"}),
    ],
    # The operator's health report: every dependency's state, nothing of the data.
    "health": [Case(expect=PUBLIC)],
    "meetings:planner": [Case(expect=PUBLIC), Case(expect=PUBLIC, query={"meeting_date": "2026-12-10"})],
    "api:timeline": [
        Case(expect=PUBLIC, query={"meeting_date": "2026-12-10"}),
        Case(expect=roles(*[400] * 7)),
    ],
    # --- JSON API (/api/v1/): a session is never a credential, so every role reads what the public reads (a
    # token's rights are in api/tests/test_api_permissions.py); writes and token-only lists answer 401.
    "api_v1:api-root": [Case(expect=NOT_FOUND)],
    "api_v1:openapi-json": [Case(expect=PUBLIC)],
    "api_v1:years": [Case(expect=PUBLIC)],
    "api_v1:meetings": [Case(expect=PUBLIC, shows={role: ["S/2026/55"] for role in ROLES})],
    "api_v1:meeting": [
        Case(lambda w: {"meeting_id": w.published.pk}, PUBLIC, shows={role: ["S/2026/55"] for role in ROLES}),
        Case(lambda w: {"meeting_id": w.meeting.pk}, NOT_FOUND),
    ],
    "api_v1:recommendations": [Case(expect=PUBLIC)],
    "api_v1:recommendation": [Case(lambda w: {"recommendation_id": w.recommendation.pk}, NOT_FOUND)],
    "api_v1:change_status": [
        Case(lambda w: {"recommendation_id": w.recommendation.pk}, roles(*[401] * 7), method="post")
    ],
    "api_v1:step_done": [Case(lambda w: {"step_id": w.step.pk}, roles(*[401] * 7), method="post")],
    "api_v1:summaries": [Case(expect=PUBLIC, shows={role: ["S/2026/55"] for role in ROLES})],
    "api_v1:notes": [Case(expect=PUBLIC)],
    "api_v1:missions": [Case(expect=roles(*[401] * 7))],
    "api_v1:network_members": [Case(expect=roles(*[401] * 7))],
    "api_v1:network_meetings": [Case(expect=roles(*[401] * 7))],
    "api_v1:network_meeting": [Case(lambda w: {"meeting_id": w.network_meeting.pk}, roles(*[401] * 7))],
    "api_v1:network_action_points": [Case(expect=roles(*[401] * 7))],
    "api_pages:docs": [Case(expect=PUBLIC)],
    "api_pages:tokens": [Case()],
    # Revoking asks first (a confirmation page); only the token's owner reaches it.
    "api_pages:token_revoke": [
        Case(
            lambda w: {"pk": _api_token(w).pk},
            roles(visitor=404, expert=404, nonmember=404, cochair=404, other_cochair=404),
            method="post",
        )
    ],
    # Sign-in and passwords.
    "login": [Case(expect=roles(anon=200, **{r: 302 for r in ROLES[1:]}))],
    "logout": [Case(expect=roles(*[302] * 7), method="post")],
    "password_change": [Case()],
    "password_change_done": [Case()],
    "password_reset": [Case(expect=PUBLIC)],
    "password_reset_done": [Case(expect=PUBLIC)],
    "password_reset_confirm": [Case(lambda w: w.reset_kwargs, roles(*[302] * 7))],
    "password_reset_complete": [Case(expect=PUBLIC)],
    "accounts:user_list": [Case(expect=SECRETARIAT, shows={"secretariat": [PEOPLE]})],
    "accounts:user_history": [Case(lambda w: {"pk": w.users["expert"].pk}, SECRETARIAT)],
    "accounts:user_create": [Case(expect=SECRETARIAT)],
    "accounts:user_edit": [Case(lambda w: {"pk": w.users["expert"].pk}, SECRETARIAT)],
    "accounts:user_invite": [Case(lambda w: {"pk": w.users["expert"].pk}, SECRETARIAT)],  # GET: asks, sends nothing
    # Years, agenda and meetings.
    "meetings:dashboard": [Case(expect=roles(focalpoint=302, network=302))],  # to the Network's space
    "meetings:year_current": [Case(expect=roles(expert=302, cochair=302, other_cochair=302, secretariat=302))],
    "meetings:year_create": [Case(expect=SECRETARIAT)],
    "meetings:year": [
        Case({"year": 2026}, YEAR_2026, shows={r: [Y2026] for r in ALLOWED[Y2026]}),
        Case({"year": 2019}, roles(visitor=404, nonmember=404, cochair=404)),
    ],
    "meetings:year_edit": [Case({"year": 2026}, SECRETARIAT)],
    "meetings:entry_create": [Case({"year": 2026}, SECRETARIAT)],
    "meetings:entry_edit": [Case(lambda w: {"year": 2026, "pk": w.entry.pk}, SECRETARIAT)],
    "meetings:entry_delete": [Case(lambda w: {"year": 2026, "pk": w.entry.pk}, SECRETARIAT_POST, "post")],
    "meetings:list": [Case(shows=LISTS_2026_2019)],
    "meetings:create": [Case(expect=SECRETARIAT)],
    "meetings:detail": [
        Case(
            lambda w: {"pk": w.meeting.pk},
            YEAR_2026,
            shows={r: [Y2026] for r in ALLOWED[Y2026]} | {r: [Y2026, COMMENT] for r in ALLOWED[COMMENT]},
        ),
        Case(lambda w: {"pk": w.draft_meeting.pk}, YEAR_2026, shows={r: [PROPOSED] for r in ALLOWED[PROPOSED]}),
        Case(lambda w: {"pk": w.follow_up.pk}, YEAR_2026, shows={r: [PROPOSED] for r in ALLOWED[PROPOSED]}),
        Case(lambda w: {"pk": w.meeting_2019.pk}, roles(visitor=404, nonmember=404, cochair=404)),
    ],
    "meetings:edit": [Case(lambda w: {"pk": w.meeting.pk}, SECRETARIAT)],
    "meetings:status": [Case(lambda w: {"pk": w.meeting.pk}, SECRETARIAT_POST, "post")],
    "meetings:delete": [
        Case(lambda w: {"pk": w.meeting.pk}, SECRETARIAT),
        Case(lambda w: {"pk": w.meeting.pk}, SECRETARIAT_POST | {"secretariat": 409}, "post", data={"confirm": "1"}),
    ],
    "meetings:history": [Case(lambda w: {"pk": w.meeting.pk}, SECRETARIAT)],
    # The first step is the co-chairs' request letter: the year's co-chairs mark it done too.
    "meetings:step_edit": [Case(lambda w: {"pk": w.meeting.pk, "step_pk": w.step.pk}, YEAR_2026 | {"expert": 403})],
    "meetings:step_action": [
        Case(
            lambda w: {"pk": w.meeting.pk, "step_pk": w.step.pk, "action": "done"},
            YEAR_2026 | {"expert": 403, "cochair": 302, "secretariat": 302},
            "post",
        )
    ],
    # Co-chairs' approval of the agenda.
    "approvals:agenda_approve": [
        Case({"year": 2026}, YEAR_2026 | {"expert": 403, "cochair": 302, "secretariat": 403}, "post")
    ],
    "approvals:agenda_withdraw": [
        Case({"year": 2026}, YEAR_2026 | {"expert": 403, "cochair": 302, "secretariat": 403}, "post")
    ],
    "approvals:agenda_history": [Case({"year": 2026}, SECRETARIAT)],
    # Review comments: the secretariat and the year's co-chairs.
    "approvals:comment_year": [
        Case(
            {"year": 2026}, YEAR_2026 | {"expert": 403, "cochair": 302, "secretariat": 302}, "post", data={"text": "x"}
        )
    ],
    "approvals:comment_meeting": [
        Case(
            lambda w: {"year": 2026, "meeting_pk": w.meeting.pk},
            YEAR_2026 | {"expert": 403, "cochair": 302, "secretariat": 302},
            "post",
            data={"text": "x"},
        )
    ],
    # Reference data: every signed-in user; meetings listed there follow visible_to().
    "countries:situations": [Case()],
    "countries:situation": [Case(lambda w: {"pk": w.meeting.situation_id})],
    "countries:member_states": [Case()],
    "countries:member_state_names": [Case(lambda w: {"pk": w.member_state.pk}, SECRETARIAT)],
    "countries:member_state_history": [Case(lambda w: {"pk": w.member_state.pk}, SECRETARIAT)],
    "countries:representatives": [Case()],
    "countries:representative_create": [Case(expect=SECRETARIAT)],
    "countries:representative_edit": [Case(lambda w: {"pk": w.representative.pk}, SECRETARIAT)],
    "countries:representative_history": [Case(lambda w: {"pk": w.representative.pk}, SECRETARIAT)],
    "countries:missions": [Case()],
    "countries:mission_create": [Case(expect=SECRETARIAT)],
    "countries:mission_edit": [Case(lambda w: {"pk": w.mission.pk}, SECRETARIAT)],
    "countries:mission_history": [Case(lambda w: {"pk": w.mission.pk}, SECRETARIAT)],
    "meetings:holidays": [Case(), Case(query={"year": "2026"})],
    "meetings:holiday_create": [Case(expect=SECRETARIAT)],
    "meetings:holiday_edit": [Case(lambda w: {"pk": w.holiday.pk}, SECRETARIAT)],
    "meetings:holiday_history": [Case(lambda w: {"pk": w.holiday.pk}, SECRETARIAT)],
    "meetings:holiday_year_edit": [Case(lambda w: {"year": 2026}, SECRETARIAT)],
    "meetings:holiday_year_history": [Case(lambda w: {"year": 2026}, SECRETARIAT)],
    # Recommendations and what happened at a meeting.
    "recommendations:tracker": [Case(shows=LISTS_2026_2019)],
    "recommendations:export": [Case(shows=LISTS_2026_2019)],
    "recommendations:renewals": [Case()],
    "recommendations:scorecard": [Case()],
    "recommendations:detail": [
        Case(lambda w: {"pk": w.recommendation.pk}, YEAR_2026, shows={r: [Y2026] for r in ALLOWED[Y2026]})
    ],
    "recommendations:edit": [Case(lambda w: {"pk": w.recommendation.pk}, SECRETARIAT)],
    "recommendations:status": [  # an empty form: the page again with the form's errors
        Case(lambda w: {"pk": w.recommendation.pk}, SECRETARIAT_POST | {"secretariat": 200}, "post")
    ],
    "recommendations:history": [Case(lambda w: {"pk": w.recommendation.pk}, SECRETARIAT)],
    "recommendations:meeting": [
        Case(meeting_pk, YEAR_2026),
        Case(draft_meeting_pk, YEAR_2026, shows={r: [PROPOSED] for r in ALLOWED[PROPOSED]}),
    ],
    "recommendations:review": [
        Case(meeting_pk, YEAR_2026),
        Case(follow_up_pk, YEAR_2026, shows={r: [PROPOSED] for r in ALLOWED[PROPOSED]}),
    ],
    "recommendations:add": [Case(meeting_pk, SECRETARIAT)],
    "recommendations:briefer_add": [Case(meeting_pk, SECRETARIAT)],
    "recommendations:briefer_edit": [Case(lambda w: meeting_pk(w) | {"pk": w.briefer.pk}, SECRETARIAT)],
    "recommendations:briefer_delete": [Case(lambda w: meeting_pk(w) | {"pk": w.briefer.pk}, SECRETARIAT_POST, "post")],
    "recommendations:question_add": [Case(meeting_pk, SECRETARIAT)],
    "recommendations:question_edit": [Case(lambda w: meeting_pk(w) | {"pk": w.question.pk}, SECRETARIAT)],
    "recommendations:question_delete": [
        Case(lambda w: meeting_pk(w) | {"pk": w.question.pk}, SECRETARIAT_POST, "post")
    ],
    "recommendations:goal_add": [Case(meeting_pk, SECRETARIAT)],
    "recommendations:goal_edit": [Case(lambda w: meeting_pk(w) | {"pk": w.goal.pk}, SECRETARIAT)],
    "recommendations:goal_delete": [Case(lambda w: meeting_pk(w) | {"pk": w.goal.pk}, SECRETARIAT_POST, "post")],
    "recommendations:groups": [
        Case(meeting_pk, SECRETARIAT),
        Case(draft_meeting_pk, SECRETARIAT, shows={"secretariat": [PROPOSED]}),
    ],
    "recommendations:group_add": [Case(meeting_pk, SECRETARIAT)],
    "recommendations:group_edit": [Case(lambda w: meeting_pk(w) | {"pk": w.group.pk}, SECRETARIAT)],
    "recommendations:group_up": [Case(lambda w: meeting_pk(w) | {"pk": w.group.pk}, SECRETARIAT_POST, "post")],
    "recommendations:group_down": [Case(lambda w: meeting_pk(w) | {"pk": w.group.pk}, SECRETARIAT_POST, "post")],
    # Without confirm=1: the confirmation page (nothing deleted).
    "recommendations:group_delete": [
        Case(lambda w: meeting_pk(w) | {"pk": w.group.pk}, SECRETARIAT_POST | {"secretariat": 200}, "post")
    ],
    # Background notes, summaries, attachments. The 2026 meeting's note is shared with the Council and its
    # summary approved by the co-chairs; the draft meeting's note and summary are drafts.
    "documents:index": [Case(shows={"cochair": [DRAFT], "secretariat": [DRAFT]})],
    "documents:note": [Case(meeting_pk, YEAR_2026), Case(draft_meeting_pk, DRAFTS_2026, shows={"cochair": [DRAFT]})],
    "documents:note_edit": [Case(meeting_pk, SECRETARIAT)],
    "documents:note_pdf": [Case(meeting_pk, YEAR_2026), Case(draft_meeting_pk, DRAFTS_2026)],
    "documents:note_downloads": [Case(meeting_pk, SECRETARIAT, shows={"secretariat": [DOWNLOAD]})],
    "documents:note_history": [Case(meeting_pk, SECRETARIAT)],
    "documents:note_invite": [Case(meeting_pk, SECRETARIAT_POST, "post")],
    "documents:note_uninvite": [Case(lambda w: meeting_pk(w) | {"pk": w.invitation.pk}, SECRETARIAT_POST, "post")],
    # Co-chairs approve a note's text (an empty form: refused with a message); the secretariat only records
    # a co-chair's approval received by email (with the form's fields).
    "documents:note_approve": [
        Case(draft_meeting_pk, DRAFTS_2026 | {"cochair": 302, "secretariat": 403}, "post"),
        Case(meeting_pk, YEAR_2026 | {"expert": 403, "cochair": 302, "secretariat": 403}, "post"),
    ],
    "documents:note_action": [Case(lambda w: meeting_pk(w) | {"action": "draft"}, SECRETARIAT_POST, "post")],
    "documents:summary": [
        Case(meeting_pk, YEAR_2026),
        Case(draft_meeting_pk, DRAFTS_2026, shows={"cochair": [DRAFT], "secretariat": [DRAFT]}),
    ],
    "documents:summary_edit": [Case(meeting_pk, SECRETARIAT)],
    "documents:summary_approve": [
        Case(draft_meeting_pk, DRAFTS_2026 | {"cochair": 302, "secretariat": 403}, "post"),
        Case(meeting_pk, YEAR_2026 | {"expert": 403, "cochair": 302, "secretariat": 403}, "post"),
    ],
    "documents:summary_submit": [Case(draft_meeting_pk, DRAFTS_2026 | {"cochair": 302, "secretariat": 302}, "post")],
    # An empty form: the secretariat gets the form's errors (400), everyone else nothing.
    "documents:summary_issue": [Case(meeting_pk, SECRETARIAT_POST | {"secretariat": 400}, "post")],
    "documents:summary_publish": [Case(meeting_pk, SECRETARIAT_POST, "post")],
    # The summary's structure (documents.views): an empty post is refused with a message (redirect) for the
    # secretariat; the symbol form answers its errors (400).
    "documents:summary_section_add": [Case(draft_meeting_pk, SECRETARIAT_POST, "post")],
    "documents:summary_section": [
        Case(
            lambda w: draft_meeting_pk(w) | {"pk": w.draft_meeting.summary.sections.first().pk, "action": "up"},
            SECRETARIAT_POST,
            "post",
        )
    ],
    "documents:summary_signatory_add": [Case(draft_meeting_pk, SECRETARIAT_POST, "post")],
    "documents:summary_signatory": [
        Case(
            lambda w: draft_meeting_pk(w) | {"pk": w.draft_meeting.summary.signatories.first().pk, "action": "up"},
            SECRETARIAT_POST,
            "post",
        )
    ],
    "documents:summary_letter_reset": [Case(draft_meeting_pk, SECRETARIAT_POST, "post")],
    "documents:summary_symbol": [Case(published_pk, SECRETARIAT_POST | {"secretariat": 400}, "post")],
    "documents:summary_pdf": [Case(meeting_pk, YEAR_2026), Case(draft_meeting_pk, DRAFTS_2026)],
    "documents:summary_history": [Case(meeting_pk, SECRETARIAT)],
    "documents:attachment_upload": [Case(meeting_pk, SECRETARIAT)],
    "documents:attachment_download": [
        Case(lambda w: {"pk": w.attachment.pk}, YEAR_2026),
        Case(lambda w: {"pk": w.attachment_2019.pk}, roles(visitor=404, nonmember=404, cochair=404)),
    ],
    "documents:attachment_delete": [Case(lambda w: {"pk": w.attachment.pk}, SECRETARIAT)],
    "documents:public_summary_pdf": [Case(published_pk, PUBLIC), Case(meeting_pk, NOT_FOUND)],
    "documents:public_note_pdf": [Case(published_pk, PUBLIC), Case(meeting_pk, NOT_FOUND)],
    "documents:public_attachment": [
        Case(lambda w: {"pk": w.public_attachment.pk}, PUBLIC),
        Case(lambda w: {"pk": w.attachment.pk}, NOT_FOUND),
    ],
    # Reminders, outbox, calendar feeds.
    "notifications:outbox": [Case(expect=SECRETARIAT, shows={"secretariat": [OUTBOX]})],
    # Without confirm=1: the confirmation page (what will happen), nothing sent.
    "notifications:retry": [Case(lambda w: {"pk": w.notification.pk}, SECRETARIAT_POST | {"secretariat": 200}, "post")],
    "notifications:preferences": [Case()],
    "notifications:regenerate_feed": [Case(expect=roles(*[302] * 7), method="post")],
    "notifications:ical_feed": [
        # The token is the secret: whoever has it reads its owner's (the expert's) calendar.
        Case(lambda w: {"token": w.feed.token}, PUBLIC, markers_as="expert", shows={"anon": [Y2026]}),
        Case({"token": "not-a-token"}, NOT_FOUND),
    ],
    "notifications:send_invitation": [
        Case(lambda w: {"pk": w.meeting.pk}, SECRETARIAT_POST | {"secretariat": 200}, "post")
    ],
    # The WPS Focal Points Network.
    "network:home": [Case(expect=NETWORK)],
    "network:members": [Case(expect=NETWORK, shows=NETWORK_SHOWS)],
    "network:member": [Case(lambda w: {"pk": w.network_member.pk}, NETWORK, shows=NETWORK_SHOWS)],
    "network:member_create": [Case(expect=NETWORK_EDIT)],
    "network:member_edit": [Case(lambda w: {"pk": w.network_member.pk}, NETWORK_EDIT)],
    "network:member_history": [Case(lambda w: {"pk": w.network_member.pk}, NETWORK_EDIT)],
    "network:focal_point_new": [Case(lambda w: {"member_pk": w.network_member.pk}, NETWORK_EDIT)],
    "network:focal_point_edit": [Case(lambda w: {"pk": w.focal_point.pk}, NETWORK_EDIT)],
    "network:focal_point_history": [Case(lambda w: {"pk": w.focal_point.pk}, NETWORK_EDIT)],
    "network:requests": [Case(expect=NETWORK_EDIT)],
    "network:request_create": [Case(expect=NETWORK_EDIT)],
    "network:request": [Case(lambda w: {"pk": w.membership_request.pk}, NETWORK_EDIT)],
    "network:request_edit": [Case(lambda w: {"pk": w.membership_request.pk}, NETWORK_EDIT)],
    "network:request_history": [Case(lambda w: {"pk": w.membership_request.pk}, NETWORK_EDIT)],
    # Without confirm=1: the confirmation page; declining without a reason: the form's errors.
    "network:request_accept": [Case(lambda w: {"pk": w.membership_request.pk}, NETWORK_EDIT, "post")],
    "network:request_decline": [
        Case(lambda w: {"pk": w.membership_request.pk}, NETWORK_EDIT | {"network": 400}, "post")
    ],
    "network:chairs": [Case(expect=NETWORK)],
    "network:chair_create": [Case(expect=NETWORK_EDIT)],
    "network:chair_edit": [Case(lambda w: {"pk": w.chair.pk}, NETWORK_EDIT)],
    "network:chair_history": [Case(lambda w: {"pk": w.chair.pk}, NETWORK_EDIT)],
    "network:troika_meetings": [Case(expect=NETWORK)],
    "network:troika_meeting": [Case(lambda w: {"pk": w.troika_meeting.pk}, NETWORK)],
    "network:troika_meeting_create": [Case(expect=NETWORK_EDIT)],
    "network:troika_meeting_edit": [Case(lambda w: {"pk": w.troika_meeting.pk}, NETWORK_EDIT)],
    "network:troika_meeting_history": [Case(lambda w: {"pk": w.troika_meeting.pk}, NETWORK_EDIT)],
    "network:troika_action_create": [Case(lambda w: {"meeting_pk": w.troika_meeting.pk}, NETWORK_EDIT)],
    "network:troika_action_edit": [
        Case(lambda w: {"meeting_pk": w.troika_meeting.pk, "pk": w.troika_action.pk}, NETWORK_EDIT)
    ],
    "network:action_plans": [Case(expect=PUBLIC)],  # the observatory: public, no contacts
    "network:action_plan_create": [Case(lambda w: {"member_pk": w.network_member.pk}, NETWORK_EDIT)],
    "network:action_plan_edit": [Case(lambda w: {"pk": w.action_plan.pk}, NETWORK_EDIT)],
    "network:action_plan_history": [Case(lambda w: {"pk": w.action_plan.pk}, NETWORK_EDIT)],
    "network:meetings": [Case(expect=NETWORK)],
    "network:meeting": [Case(lambda w: {"pk": w.network_meeting.pk}, NETWORK)],
    "network:meeting_create": [Case(expect=NETWORK_EDIT)],
    "network:meeting_edit": [Case(lambda w: {"pk": w.network_meeting.pk}, NETWORK_EDIT)],
    "network:meeting_history": [Case(lambda w: {"pk": w.network_meeting.pk}, NETWORK_EDIT)],
    "network:step_action": [
        Case(
            lambda w: {"pk": w.network_meeting.pk, "step_pk": w.network_step.pk},
            NETWORK_EDIT | {"network": 302},
            "post",
            data={"state": "done"},
        )
    ],
    "network:action_group_create": [Case(lambda w: {"meeting_pk": w.network_meeting.pk}, NETWORK_EDIT)],
    "network:action_group_edit": [
        Case(lambda w: {"meeting_pk": w.network_meeting.pk, "pk": w.action_group.pk}, NETWORK_EDIT)
    ],
    "network:action_point_create": [Case(lambda w: {"meeting_pk": w.network_meeting.pk}, NETWORK_EDIT)],
    "network:action_point_edit": [
        Case(lambda w: {"meeting_pk": w.network_meeting.pk, "pk": w.action_point.pk}, NETWORK_EDIT)
    ],
    "network:action_point_history": [
        Case(lambda w: {"meeting_pk": w.network_meeting.pk, "pk": w.action_point.pk}, NETWORK_EDIT)
    ],
    "network:documents": [Case(expect=NETWORK)],
    "network:document_create": [Case(expect=NETWORK_EDIT)],
    "network:document": [Case(lambda w: {"pk": w.network_document.pk}, NETWORK)],
    "network:document_edit": [Case(lambda w: {"pk": w.network_document.pk}, NETWORK_EDIT)],
    "network:document_pdf": [Case(lambda w: {"pk": w.network_document.pk}, NETWORK)],
    "network:document_history": [Case(lambda w: {"pk": w.network_document.pk}, NETWORK_EDIT)],
    "network:document_submit": [Case(lambda w: {"pk": w.network_document.pk}, NETWORK_EDIT, "post")],
    # Anyone in the Network's space may try; the service refuses whoever is not of the troika (back to the page).
    "network:document_approve": [
        Case(
            lambda w: {"pk": w.network_document.pk},
            NETWORK | {"secretariat": 302, "focalpoint": 302, "network": 302},
            "post",
        )
    ],
    "network:document_issue": [Case(lambda w: {"pk": w.network_document.pk}, NETWORK_EDIT | {"network": 302}, "post")],
    "network:section_create": [Case(lambda w: {"document_pk": w.network_document.pk}, NETWORK_EDIT)],
    "network:section_edit": [
        Case(lambda w: {"document_pk": w.network_document.pk, "pk": w.network_section.pk}, NETWORK_EDIT)
    ],
    "network:section_delete": [
        Case(lambda w: {"document_pk": w.network_document.pk, "pk": w.network_section.pk}, NETWORK_EDIT, "post")
    ],
    "network:public_documents": [Case(expect=PUBLIC)],
    "network:public_document": [
        Case(lambda w: {"pk": w.issued_network_document.pk}, PUBLIC),
        Case(lambda w: {"pk": w.network_document.pk}, NOT_FOUND),  # a draft: never public, even signed in
    ],
    "network:public_document_pdf": [
        Case(lambda w: {"pk": w.issued_network_document.pk}, PUBLIC),
        Case(lambda w: {"pk": w.network_document.pk}, NOT_FOUND),
    ],
    "network:speaker_create": [Case(lambda w: {"meeting_pk": w.network_meeting.pk}, NETWORK_EDIT)],
    "network:speaker_edit": [Case(lambda w: {"meeting_pk": w.network_meeting.pk, "pk": w.speaker.pk}, NETWORK_EDIT)],
    "network:speaker_delete": [
        Case(lambda w: {"meeting_pk": w.network_meeting.pk, "pk": w.speaker.pk}, NETWORK_EDIT, "post")
    ],
    "network:statement_create": [Case(lambda w: {"meeting_pk": w.network_meeting.pk}, NETWORK_EDIT)],
    "network:statement_edit": [
        Case(lambda w: {"meeting_pk": w.network_meeting.pk, "pk": w.statement.pk}, NETWORK_EDIT)
    ],
    "network:statement_delete": [
        Case(lambda w: {"meeting_pk": w.network_meeting.pk, "pk": w.statement.pk}, NETWORK_EDIT, "post")
    ],
    "network:updates": [Case(expect=NETWORK)],
    # Updates come from focal points in post (and the Network's secretariat); the IEG's secretariat holds no post.
    "network:update_create": [Case(expect=NETWORK | {"secretariat": 403})],
    "network:update_edit": [Case(lambda w: {"pk": w.network_update.pk}, NETWORK | {"secretariat": 403})],
    "network:update_decide": [
        Case(lambda w: {"pk": w.network_update.pk}, NETWORK_EDIT | {"network": 302}, "post", data={"status": "x"})
    ],
    "network:newsletters": [Case(expect=NETWORK)],
    "network:newsletter_create": [Case(expect=NETWORK_EDIT)],
    "network:newsletter": [
        Case(lambda w: {"pk": w.newsletter.pk}, NETWORK_EDIT),  # a draft: the Network's secretariat only
        Case(lambda w: {"pk": w.sent_newsletter.pk}, NETWORK),
    ],
    "network:newsletter_edit": [Case(lambda w: {"pk": w.newsletter.pk}, NETWORK_EDIT)],
    "network:newsletter_submit": [Case(lambda w: {"pk": w.newsletter.pk}, NETWORK_EDIT, "post")],
    "network:newsletter_approve": [
        Case(
            lambda w: {"pk": w.newsletter.pk}, NETWORK | {"secretariat": 302, "focalpoint": 302, "network": 302}, "post"
        )
    ],
    "network:newsletter_send": [Case(lambda w: {"pk": w.newsletter.pk}, NETWORK_EDIT, "post")],
    "network:newsletter_history": [Case(lambda w: {"pk": w.newsletter.pk}, NETWORK_EDIT)],
    "network:public_newsletters": [Case(expect=PUBLIC)],
    "network:public_newsletter": [
        Case(lambda w: {"pk": w.public_newsletter.pk}, PUBLIC),
        Case(lambda w: {"pk": w.sent_newsletter.pk}, NOT_FOUND),  # members only: never on the public site
    ],
    "network:partners": [Case(expect=NETWORK)],
    "network:partner_create": [Case(expect=NETWORK_EDIT)],
    "network:partner_edit": [Case(lambda w: {"pk": w.partner.pk}, NETWORK_EDIT)],
    "network:partner_history": [Case(lambda w: {"pk": w.partner.pk}, NETWORK_EDIT)],
    # Exports (issue #16, part 4): each file follows its page's permissions. The CSV shows the page's markers;
    # an XLSX is zipped, so its content is checked by the apps' export tests (the same rows as the CSV).
    "recommendations:export_xlsx": [Case()],
    "meetings:export": [Case(shows=LISTS_2026_2019)],
    "meetings:export_xlsx": [Case()],
    "recommendations:scorecard_export": [Case()],
    "recommendations:scorecard_export_xlsx": [Case()],
    # The Network's action points across its meetings (a new list page) and its files: the Network's space.
    "network:action_points": [Case(expect=NETWORK, shows={r: ["Prepare regular newsletters"] for r in NETWORK_SHOWS})],
    "network:action_points_export": [
        Case(expect=NETWORK, shows={r: ["Prepare regular newsletters"] for r in NETWORK_SHOWS})
    ],
    "network:action_points_export_xlsx": [Case(expect=NETWORK)],
    # Languages (issue #16, part 3): the switcher in every header. Everyone may switch: back to the page.
    "set_language": [
        Case(expect=roles(*[302] * 7), query={"language": "fr", "next": "/"}),
        Case(expect=roles(*[302] * 7), method="post", data={"language": "fr", "next": "/"}),
    ],
}


# The project's URL patterns.


@dataclass(frozen=True)
class Route:
    name: str | None  # "namespace:name"
    route: str  # the path, with converters / regex as written
    view: Callable = field(compare=False, hash=False, repr=False, default=None)


def _walk(patterns, prefix: str = "", namespaces: tuple = ()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            spaces = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), spaces)
        elif isinstance(pattern, URLPattern):
            name = ":".join(namespaces + (pattern.name,)) if pattern.name else None
            yield Route(name, prefix + str(pattern.pattern), pattern.callback)


ROUTES = list(_walk(get_resolver().url_patterns))
ADMIN = [r for r in ROUTES if r.route.startswith(("admin/", "^admin/"))]
PROJECT = [r for r in ROUTES if r not in ADMIN]
PROJECT_NAMES = sorted({r.name for r in PROJECT if r.name})


def test_every_url_has_an_entry():
    unnamed = [r.route for r in PROJECT if r.name is None]
    missing = [name for name in PROJECT_NAMES if name not in MATRIX]
    assert not unnamed, f"Give these URL patterns a name (and a MATRIX entry): {unnamed}"
    assert not missing, (
        f"New URLs without a permission expectation: {missing}. Add an entry per URL to MATRIX in "
        "accounts/tests/test_permission_matrix.py: which status each role gets, and what it must show."
    )


def test_no_stale_entries():
    stale = sorted(set(MATRIX) - set(PROJECT_NAMES))
    assert not stale, f"MATRIX names URLs that no longer exist: {stale}"


def test_no_view_is_exempt_from_csrf():
    # The JSON API's views are: the API never reads the session (api.auth), so a forged cross-site request carries
    # no credential; a token is sent only in the Authorization header, which a browser never adds on its own.
    exempt = [
        r.name or r.route
        for r in ROUTES
        if getattr(r.view, "csrf_exempt", False) and not (r.name or "").startswith("api_v1:")
    ]
    assert not exempt, f"Views exempt from CSRF: {exempt}"


def _sample_path(route: str) -> str:
    """A concrete path for a route as written: converters and regex groups filled with sample values."""
    path = route.replace("(?P<symbol>S/\\d{4}/\\d{1,4})", "S/2026/1")
    path = re.sub(r"\(\?P<app_label>[^)]*\)", "accounts", path)
    path = re.sub(r"\(\?P<url>\.\*\)", "unknown/", path)
    path = re.sub(r"<(?:int:)(\w+)>", "1", path)
    path = re.sub(r"<(?:\w+:)?(\w+)>", "sample", path)
    return "/" + path.replace("^", "").replace("$", "")


# The world every role looks at.


@dataclass
class World:
    users: dict
    meeting: Meeting  # 2026, planned; its note shared with the Council, its summary approved
    draft_meeting: Meeting  # 2026; draft note and draft summary
    meeting_2019: Meeting
    published: Meeting  # 2026, published, S/2026/55, with published summary, note and a file
    entry: object
    step: object
    extras: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["extras"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def reset_kwargs(self) -> dict:
        user = self.users["expert"]
        return {
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        }


@pytest.fixture
def world(
    settings,
    tmp_path,
    year,
    other_year,
    meeting,
    secretariat_user,
    cochair_user,
    other_cochair_user,
    expert_user,
    nonmember_user,
    plain_user,
):
    """The world, for one test (the browser crawls and the bad-input corpus share it: e2e/site_pages.py)."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    users = {
        "visitor": plain_user,
        "expert": expert_user,
        "nonmember": nonmember_user,
        "cochair": cochair_user,
        "other_cochair": other_cochair_user,
        "secretariat": secretariat_user,
    }
    return _build_world(year, other_year, meeting, users)


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world, built once for this module's tests (the same rows as ``world``, made by the root conftest's
    factories): each test runs in a savepoint of the transaction it was built in (pytest-django's ``db``), rolled
    back after the test, so whatever one test's requests change is gone before the next one starts."""
    from conftest import (
        FAST_HASHERS,
        ROLE_USERS,
        SUITE_NOW,
        make_other_year,
        make_role_user,
        make_suite_meeting,
        make_suite_year,
    )

    media = tmp_path_factory.mktemp("matrix-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
        fast = override_settings(PASSWORD_HASHERS=FAST_HASHERS)
        with fast, time_machine.travel(SUITE_NOW, tick=True):  # as the root conftest's fixtures would
            year = make_suite_year()
            other_year = make_other_year()
            meeting = make_suite_meeting(year)
            users = {role: make_role_user(role) for role in ROLE_USERS}
            world = _build_world(year, other_year, meeting, users)
            _api_token(world)  # made now, not by the first test that asks (its savepoint would take it away)
        yield world
        transaction.set_rollback(True)


@pytest.fixture
def matrix_world(shared_world, db):
    """The shared world, in this test's savepoint."""
    return shared_world


def _build_world(year, other_year, meeting, users: dict) -> World:
    Meeting.objects.filter(pk=meeting.pk).update(room=f"Room {Y2026}")
    meeting.refresh_from_db()
    thematic_2026 = factories.make_meeting(
        year, None, kind=Meeting.Kind.THEMATIC, theme=f"Theme {Y2026}", date=datetime.date(2026, 11, 16)
    )
    meeting_2019 = factories.make_meeting(
        other_year, None, kind=Meeting.Kind.THEMATIC, theme=f"Theme {Y2019}", date=datetime.date(2019, 11, 16)
    )
    draft_meeting = factories.make_meeting(year, "Afghanistan", date=datetime.date(2026, 10, 1))
    published = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 3, 10))
    Meeting.objects.filter(pk=published.pk).update(status=Meeting.Status.PUBLISHED, symbol="S/2026/55")
    unpublished_symbol = factories.make_meeting(year, "Libya", date=datetime.date(2026, 4, 10))
    Meeting.objects.filter(pk=unpublished_symbol.pk).update(status=Meeting.Status.ISSUED, symbol="S/2026/56")
    published.refresh_from_db()
    world = World(
        users={
            **users,
            # Last: the Network's secretariat posts last in each case.
            "focalpoint": factories.make_user("focalpoint"),
            "network": network_factories.network_secretariat(),
        },
        meeting=meeting,
        draft_meeting=draft_meeting,
        meeting_2019=meeting_2019,
        published=published,
        entry=factories.make_entry(year, "South Sudan"),
        step=meeting.steps.order_by("due").first(),
    )
    world.extras["thematic_2026"] = thematic_2026
    _add_recommendations(world)
    _add_documents(world)
    _add_notifications(world)
    _add_reference_data(world)
    _add_network(world)
    return world


def _add_network(world: World) -> None:
    from network import services as network_services
    from network.models import (
        ActionPlan,
        ActionPoint,
        ActionPointGroup,
        Chair,
        MeetingSpeaker,
        MeetingStatement,
        MembershipRequest,
        NetworkDocument,
        NetworkDocumentSection,
        NetworkMeeting,
        NetworkUpdate,
        Newsletter,
        Partner,
        TroikaAction,
        TroikaMeeting,
    )

    spain = network_factories.make_member("Spain")
    world.extras["network_member"] = spain
    world.extras["focal_point"] = network_factories.make_focal_point(
        spain, "Francisco Javier Sanabria Valderrama", office=f"Office {CONTACT}", user=world.users["focalpoint"]
    )
    network_factories.make_member("Namibia")  # without a focal point: flagged
    world.extras["chair"] = Chair.objects.create(year=2026, member=spain)
    world.extras["action_plan"] = ActionPlan.objects.create(member=spain, generation=2, adopted_year=2017)
    world.extras["membership_request"] = MembershipRequest.objects.create(
        kind="regional", organization="League of Arab States", received_on=datetime.date(2026, 11, 2)
    )
    meeting = TroikaMeeting.objects.create(date=datetime.date(2026, 11, 5), place="New York")
    world.extras["troika_meeting"] = meeting
    world.extras["troika_action"] = TroikaAction.objects.create(
        meeting=meeting, what="Concept note of the annual meeting", due=datetime.date(2027, 1, 15), owner="Spain"
    )
    world.extras["partner"] = Partner.objects.create(name="NGO Working Group on Women, Peace and Security")
    network_meeting = NetworkMeeting.objects.create(
        kind="new_york", title="Second meeting of the Network", start_date=datetime.date(2026, 9, 21)
    )
    network_services.save_meeting(network_meeting, expected_version=None, by=None)
    world.extras["network_meeting"] = network_meeting
    world.extras["network_step"] = network_meeting.steps.order_by("due").first()
    group = ActionPointGroup.objects.create(meeting=network_meeting, heading="Knowledge management")
    world.extras["action_group"] = group
    world.extras["action_point"] = ActionPoint.objects.create(group=group, text="Prepare regular newsletters")
    world.extras["speaker"] = MeetingSpeaker.objects.create(meeting=network_meeting, name="Rachel Grimes")
    world.extras["statement"] = MeetingStatement.objects.create(meeting=network_meeting, member=spain)
    common = {"ga_session": 81, "agenda_item": 65, "agenda_item_title": "Peacebuilding and sustaining peace"}
    draft = NetworkDocument.objects.create(
        meeting=network_meeting, year=2026, title="Chair's summary of the second meeting", **common
    )
    world.extras["network_document"] = draft
    world.extras["network_section"] = NetworkDocumentSection.objects.create(
        document=draft, order=1, heading="Opening", body="<p>The meeting opened.</p>"
    )
    issued = NetworkDocument(
        kind="other",
        year=2026,
        title="Technical Operative Guidelines",
        status="issued",
        symbol="A/81/100-S/2026/900",
        issue_date=datetime.date(2026, 11, 20),
        **common,
    )
    issued.issued_pdf.save("A-81-100-S-2026-900.pdf", ContentFile(b"%PDF-1.7 issued"), save=False)
    issued.save()
    world.extras["issued_network_document"] = issued
    world.extras["network_update"] = NetworkUpdate.objects.create(
        member=spain, title="Second plan launched", text=f"Contact {CONTACT}", submitted_by=world.users["focalpoint"]
    )
    since = datetime.date(2026, 10, 1)
    world.extras["newsletter"] = Newsletter.objects.create(number=3, year=2026, title="Issue three", since=since)
    world.extras["sent_newsletter"] = Newsletter.objects.create(
        number=1, year=2026, title="Issue one", since=since, status="sent", sent_on=datetime.date(2026, 11, 1)
    )
    world.extras["public_newsletter"] = Newsletter.objects.create(
        number=2,
        year=2026,
        title="Issue two",
        since=since,
        status="sent",
        sent_on=datetime.date(2026, 11, 15),
        visibility="public",
    )


def _add_reference_data(world: World) -> None:
    from countries.models import Mission, PermanentRepresentative
    from meetings.models import Holiday, HolidayYear

    state = factories.make_state("Denmark")
    world.extras["member_state"] = state
    world.extras["representative"] = PermanentRepresentative.objects.create(
        member_state=state, given_names="Karen Holm", surname="Nielsen", start_date=datetime.date(2024, 1, 1)
    )
    world.extras["mission"] = Mission.objects.create(
        acronym="UNMISS", situation=world.meeting.situation, kind="pko", mandate_expiry=datetime.date(2027, 4, 30)
    )
    world.extras["holiday"] = Holiday.objects.get_or_create(date=datetime.date(2026, 12, 25), name="Christmas Day")[0]
    HolidayYear.objects.get_or_create(year=2026)


def _add_recommendations(world: World) -> None:
    from recommendations.tests import factories as rec

    # Presented: Council experts see presented recommendations, never ones still only proposed (drafts).
    world.extras["recommendation"] = rec.make_recommendation(
        world.meeting, f"Strengthen language {Y2026}", status="presented"
    )
    rec.make_recommendation(world.meeting_2019, f"Recall the mandate {Y2019}", status="presented")
    rec.make_recommendation(world.meeting, "A proposed idea")  # proposed; visible to experts once the note is shared
    # Proposed at a meeting whose note is still a draft: a draft for experts, on its own meeting's pages and
    # on those of the meeting that follows it up.
    rec.make_recommendation(world.draft_meeting, f"Proposed wording {PROPOSED}")
    # The meeting's recommendations in two groups; the draft meeting's proposed one in a group of its own, so
    # that its heading is withheld with it from Council experts.
    world.extras["group"] = rec.make_group(world.meeting, heading="To the Council")
    rec.make_group(world.meeting, heading="To the co-chairs", numbering="bullets")
    rec.make_group(world.draft_meeting, heading=f"Proposed group {PROPOSED}")
    world.extras["follow_up"] = rec.make_follow_up(world.draft_meeting, date=datetime.date(2026, 12, 14))
    world.extras["briefer"] = rec.make_briefer(world.meeting)
    world.extras["question"] = rec.make_question(world.meeting)
    world.extras["goal"] = rec.make_goal(world.meeting)


def _add_documents(world: World) -> None:
    from approvals.models import Comment
    from documents.models import Attachment, DownloadLog, NoteInvitation
    from documents.tests import factories as docs

    shared_at = datetime.datetime(2026, 12, 7, 15, tzinfo=datetime.UTC)
    note = docs.make_note(world.meeting, status="shared", shared_at=shared_at)
    docs.make_summary(world.meeting, status="approved")
    docs.make_note(world.draft_meeting, status="draft", participation=f"<p>{DRAFT} note</p>")
    docs.make_summary(
        world.draft_meeting, status="draft", title=f"Draft summary {DRAFT}", main_points=f"<p>{DRAFT} summary</p>"
    )
    docs.make_note(world.published, status="published", shared_at=shared_at)
    docs.make_summary(world.published, status="published", issue_date=datetime.date(2026, 3, 20))
    world.extras["invitation"] = NoteInvitation.objects.create(
        note=note, member_state=factories.make_state("Norway"), invited_at=shared_at
    )
    reader = factories.make_user("reader", first_name="Dora", last_name=DOWNLOAD)
    DownloadLog.objects.create(user=reader, note=note, downloaded_at=shared_at, ip="192.0.2.7")
    factories.make_user("bystander", first_name="Pat", last_name=PEOPLE)
    for meeting in (world.meeting, None):
        Comment.objects.create(
            agenda_year=world.meeting.agenda_year,
            meeting=meeting,
            author=world.users["cochair"],
            text=f"Review remark {COMMENT}",
            created_at=shared_at,
        )

    def attach(meeting, title):
        attachment = Attachment(
            meeting=meeting,
            title=title,
            original_name="briefing.pdf",
            content_type="application/pdf",
            size=20,
            uploaded_at=shared_at,
        )
        attachment.file.save("briefing.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
        attachment.save()
        return attachment

    world.extras["attachment"] = attach(world.meeting, "Briefing pack")
    world.extras["attachment_2019"] = attach(world.meeting_2019, "Briefing pack 2019")
    world.extras["public_attachment"] = attach(world.published, "Statement")


def _add_notifications(world: World) -> None:
    from django.contrib.contenttypes.models import ContentType

    from notifications.models import CalendarFeed, Notification

    sec = world.users["secretariat"]
    world.extras["notification"] = Notification.objects.create(
        kind=Notification.Kind.values[0],
        content_type=ContentType.objects.get_for_model(world.step),
        object_id=world.step.pk,
        meeting=world.meeting,
        rule="matrix",
        due_date=world.step.due,
        recipient=sec,
        email=sec.email,
        scheduled_for=datetime.datetime(2026, 12, 1, 14, tzinfo=datetime.UTC),
        state=Notification.State.FAILED,
        created_at=datetime.datetime(2026, 11, 20, 14, tzinfo=datetime.UTC),
    )
    Notification.objects.create(
        kind=Notification.Kind.STEP_OVERDUE,
        content_type=ContentType.objects.get_for_model(world.step),
        object_id=world.step.pk,
        meeting=world.meeting,
        rule="matrix-outbox",
        due_date=world.step.due,
        email=f"{OUTBOX}@example.org",
        scheduled_for=datetime.datetime(2026, 12, 1, 14, tzinfo=datetime.UTC),
        state=Notification.State.FAILED,
        last_error=f"Mailbox unavailable {OUTBOX}",
        created_at=datetime.datetime(2026, 11, 21, 14, tzinfo=datetime.UTC),
    )
    world.extras["feed"] = CalendarFeed.objects.create(user=world.users["expert"])


def _clients(world: World) -> dict[str, Client]:
    clients = {"anon": Client()}
    for role, user in world.users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


def _check(role: str, response, expected: int, case: Case, url: str) -> list[str]:
    problems = []
    if response.status_code != (302 if expected == LOGIN else expected):
        problems.append(f"{role}: {response.status_code}, expected {expected}")
    elif expected == LOGIN and not response["Location"].startswith(reverse("login")):
        problems.append(f"{role}: redirected to {response['Location']}, expected the sign-in page")
    if role != "anon" or case.markers_as:  # signed in, or a personal feed: never stored (core.cachecontrol)
        cache_control = response.get("Cache-Control", "")
        if not ("private" in cache_control and "no-store" in cache_control and "public" not in cache_control):
            problems.append(f"{role}: Cache-Control {cache_control!r}, expected private, no-store")
    body = b"".join(response) if response.streaming else response.content
    text = body.decode("utf-8", errors="replace")
    for marker, allowed in ALLOWED.items():
        if (case.markers_as or role) not in allowed and marker in text:
            problems.append(f"{role}: the page shows {marker}, which this role may not see")
    for marker in case.shows.get(role, []):
        if marker not in text:
            problems.append(f"{role}: expected to see {marker}")
    return [f"{url} {p}" for p in problems]


@pytest.mark.parametrize("name", PROJECT_NAMES)
def test_permission_matrix(name, matrix_world):
    world = matrix_world
    if name not in MATRIX:
        pytest.fail(f"No MATRIX entry for {name}: see test_every_url_has_an_entry")
    problems = []
    for case in MATRIX[name]:
        clients = _clients(world)  # before the kwargs: signing in changes what a password-reset token hashes
        kwargs = case.kwargs(world) if callable(case.kwargs) else case.kwargs
        url = reverse(name, kwargs=kwargs)
        # The secretariat goes last: POSTs it may make change data the other roles' requests rely on.
        for role, client in clients.items():
            send = getattr(client, case.method)
            response = send(url, case.data or case.query) if case.method == "get" else send(url, case.data)
            problems += _check(role, response, case.expect[role], case, url)
    assert not problems, "\n".join(problems)


# The admin: one family. No role here is staff, so every admin URL sends them to the admin's sign-in.


def test_admin_sends_everyone_here_to_its_sign_in(matrix_world):
    world = matrix_world
    assert ADMIN, "the admin is mounted"
    clients = _clients(world)
    problems = []
    for route in ADMIN:
        url = _sample_path(route.route)
        for role, client in clients.items():
            response = client.get(url)
            if route.name == "admin:login":
                ok = response.status_code == 200
            else:
                ok = response.status_code == 302 and response["Location"].startswith("/admin/")
            if not ok:
                problems.append(f"{url} ({route.name}) {role}: {response.status_code}")
            elif route.name not in {"admin:login", "admin:logout", None}:
                assert response["Location"].startswith("/admin/login/"), (url, role)
    assert not problems, "\n".join(problems)


def test_admin_opens_for_staff(db):
    superuser = factories.make_user("admin", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(superuser)

    assert client.get(reverse("admin:index")).status_code == 200
