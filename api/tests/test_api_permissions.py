"""Each endpoint for each role, with that role's personal token: the pages' permission layer, nothing more."""

from __future__ import annotations

from django.test import Client

from accounts.tests.test_permission_matrix import ALLOWED, ROLES, Y2026
from accounts.tests.test_permission_matrix import world as world  # noqa: PLC0414  (the matrix's fixture)
from api import tokens

OK = dict.fromkeys(ROLES, 200)
SIGNED_IN = OK | {"anon": 401}
NETWORK = SIGNED_IN | {r: 403 for r in ("visitor", "expert", "nonmember", "cochair", "other_cochair")}
# The staff pages of a 2026 meeting: the secretariat, the co-chairs of 2026 and that year's Council (France).
YEAR_2026 = OK | {r: 404 for r in ("anon", "visitor", "nonmember", "other_cochair", "focalpoint", "network")}

CASES = [
    ("/api/v1/years", OK, {"anon": ['"year": 2026'], "visitor": ['"year": 2026']}),
    ("/api/v1/meetings", OK, {"anon": ["S/2026/55"], "expert": [Y2026], "secretariat": [Y2026]}),
    ("/api/v1/meetings/{meeting}", YEAR_2026, {"expert": ["South Sudan"]}),
    ("/api/v1/meetings/{published}", OK, {"anon": ["S/2026/55"]}),
    ("/api/v1/recommendations", OK, {"expert": [Y2026]}),
    ("/api/v1/recommendations/{recommendation}", YEAR_2026, {"cochair": [Y2026]}),
    ("/api/v1/summaries", OK, {"anon": ["S/2026/55"]}),
    ("/api/v1/notes", OK, {}),
    ("/api/v1/missions", SIGNED_IN, {}),
    ("/api/v1/network/members", NETWORK, {"focalpoint": ["Spain"]}),
    ("/api/v1/network/meetings", NETWORK, {"network": ["Second meeting of the Network"]}),
    ("/api/v1/network/meetings/{network_meeting}", NETWORK, {}),
    ("/api/v1/network/action-points", NETWORK, {}),
]


def _clients(world) -> dict[str, Client]:
    clients = {"anon": Client()}
    for role, user in world.users.items():
        _token, secret = tokens.create_token(user, name="test", days=30)
        clients[role] = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return clients


def test_each_endpoint_for_each_role(world):
    """One world for every case (it takes seconds to build); every problem is listed."""
    clients = _clients(world)
    problems = []
    for path, expect, shows in CASES:
        problems += _problems(clients, path, expect, shows, world)
    assert not problems, "\n".join(problems)


def _problems(clients, path, expect, shows, world) -> list[str]:
    url = path.format(
        meeting=world.meeting.pk,
        published=world.published.pk,
        recommendation=world.recommendation.pk,
        network_meeting=world.network_meeting.pk,
    )
    problems = []
    for role, client in clients.items():
        response = client.get(url)
        text = response.content.decode()
        if response.status_code != expect[role]:
            problems.append(f"{role}: {response.status_code}, expected {expect[role]}: {text[:200]}")
        if response["Content-Type"] != "application/json; charset=utf-8":
            problems.append(f"{role}: answered {response['Content-Type']}")
        for marker, allowed in ALLOWED.items():
            if role not in allowed and marker in text:
                problems.append(f"{role}: shows {marker}, which this role may not see")
        for marker in shows.get(role, []):
            if marker not in text:
                problems.append(f"{role}: expected to see {marker}")
    return [f"{url} {problem}" for problem in problems]
