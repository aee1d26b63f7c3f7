import datetime

import pytest
from django.core.management import call_command

from accounts.models import User
from core import demo_accounts
from countries.models import CouncilMembership, Mission
from meetings.models import AgendaYear, Holiday, Meeting

pytestmark = pytest.mark.django_db


def counts():
    return (Meeting.objects.count(), AgendaYear.objects.count(), Holiday.objects.count(), Mission.objects.count())


def test_load_demo_is_idempotent_and_loads_the_record(capsys):
    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first
    # The record: Afghanistan 2016 under S/2016/673, co-chaired by Spain and the United Kingdom.
    afghanistan = Meeting.objects.get(symbol="S/2016/673")
    assert afghanistan.situation.name == "Afghanistan"
    assert sorted(s.name for s in afghanistan.agenda_year.co_chairs.all()) == ["Spain", "United Kingdom"]
    # 2017: Sweden and Uruguay co-chair; the UK is the penholder.
    y2017 = AgendaYear.objects.get(year=2017)
    assert sorted(s.name for s in y2017.co_chairs.all()) == ["Sweden", "Uruguay"]
    assert y2017.penholder.name == "United Kingdom"
    assert Meeting.objects.get(symbol="S/2016/1103").follows_up.symbol == "S/2016/682"
    assert CouncilMembership.objects.filter(year=2016).count() == 15
    assert Holiday.objects.filter(date__year=2026).count() == 9
    # Every year shown has its holidays, from the rules: Thanksgiving 2021 among them.
    assert Holiday.objects.get(date=datetime.date(2021, 11, 25)).name == "Thanksgiving Day"
    assert all(sum(1 for h in Holiday.objects.all() if h.year == y) == 9 for y in range(2016, 2030))
    # The public record is a record: a timeline laid out for it later is history, never late.
    assert afghanistan.is_record
    assert set(User.objects.values_list("username", flat=True)) >= {"secretariat", "cochair", "expert", "observer"}
    out = capsys.readouterr().out
    assert "secretariat" in out and "Demo data loaded" in out


def test_demo_passwords_survive_a_reload_of_the_same_database(settings, tmp_path, capsys):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "var" / "demo-accounts.json"
    call_command("load_demo")
    first = {row["username"]: row["password"] for row in demo_accounts.read_accounts()}
    assert set(first) >= {"secretariat", "cochair", "expert", "observer"}
    assert settings.DEMO_ACCOUNTS_FILE.stat().st_mode & 0o777 == 0o600
    assert User.objects.get(username="expert").check_password(first["expert"])
    # A password changed in the app is not accepted any more: that user alone gets a fresh one.
    cochair = User.objects.get(username="cochair")
    cochair.set_password("changed-in-the-app")
    cochair.save()
    call_command("load_demo", "--no-account-list")
    second = {row["username"]: row["password"] for row in demo_accounts.read_accounts()}
    assert {k: v for k, v in second.items() if k != "cochair"} == {k: v for k, v in first.items() if k != "cochair"}
    assert second["cochair"] != first["cochair"]
    assert User.objects.get(username="cochair").check_password(second["cochair"])
    out = capsys.readouterr().out
    assert out.count(first["secretariat"]) == 1  # listed by the first load only


def test_a_new_database_gets_new_demo_passwords(settings, tmp_path):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.json"
    demo_accounts.write_accounts([{"username": "secretariat", "password": "from-another-database", "job": ""}])
    call_command("load_demo", "--no-account-list")
    rows = {row["username"]: row["password"] for row in demo_accounts.read_accounts()}
    assert rows["secretariat"] != "from-another-database"
    assert User.objects.get(username="secretariat").check_password(rows["secretariat"])


def test_every_cochair_of_the_demo_year_has_a_user_and_a_representative(capsys):
    """A summary of the demo year can be approved by each co-chair state and signed by its representative."""
    import datetime

    from django.utils import timezone

    from countries.models import PermanentRepresentative

    call_command("load_demo")
    today = timezone.localdate()
    demo_year = AgendaYear.objects.get(year=today.year)
    out = capsys.readouterr().out
    assert demo_year.co_chairs.count() >= 2
    for state in demo_year.co_chairs.all():
        users = User.objects.filter(delegation=state, is_active=True)
        assert users.exists(), f"no demo user for co-chair {state}"
        assert all(f"Delegation of {state} (co-chair)" in out for _ in users), out
        assert PermanentRepresentative.objects.as_of(today).filter(member_state=state).exists()
    assert (
        datetime.date(today.year, 1, 1)
        >= PermanentRepresentative.objects.filter(member_state__in=demo_year.co_chairs.all())
        .order_by("start_date")
        .first()
        .start_date
    )


def test_the_network_demo_is_its_public_record(client):
    from network.models import Chair, FocalPoint, Member
    from network.services import troika_of

    call_command("load_demo", "--no-account-list")
    call_command("load_demo", "--no-account-list")  # idempotent here too
    # Seed 004, footnote 1: 78 focal points, 72 Member States and 6 regional organizations.
    assert Member.objects.count() == 78
    assert Member.objects.filter(kind="regional").count() == 6
    assert Member.objects.get(acronym="ECOWAS").name == "Economic Community of West African States"
    uk = Member.objects.get(name="United Kingdom of Great Britain and Northern Ireland")
    assert uk.member_state.name == "United Kingdom"
    assert list(Chair.objects.values_list("year", "member__name")) == [
        (2017, "Spain"),
        (2018, "Germany"),
        (2019, "Namibia"),
    ]
    assert [m.name for m in troika_of(2018).members] == ["Spain", "Germany", "Namibia"]
    # Seed 001's focal points; Spain's signs in as the demo account "focalpoint".
    assert sorted(FocalPoint.objects.values_list("member__name", "name")) == [
        ("Germany", "Patricia Flor"),
        ("Namibia", "Selma Ashipala-Musavyi"),
        ("Spain", "Francisco Javier Sanabria Valderrama"),
    ]
    assert FocalPoint.objects.get(member__name="Spain").user.username == "focalpoint"
    client.force_login(User.objects.get(username="focalpoint"))
    assert client.get("/network/members/").status_code == 200
    client.force_login(User.objects.get(username="coordinator"))
    assert client.get("/network/members/new/").status_code == 200
    # Seed 001's meeting with its key action points, (a) to (d), fifteen in all; its timeline is history.
    from network.models import ActionPoint, NetworkMeeting, NetworkStep
    from network.summary import lettered_points

    meeting = NetworkMeeting.objects.get()
    assert (meeting.start_date, meeting.city, meeting.status) == (datetime.date(2017, 9, 21), "New York", "held")
    groups = lettered_points(meeting)
    assert [(letter, len(points)) for letter, _group, points in groups] == [
        ("(a)", 3),
        ("(b)", 5),
        ("(c)", 4),
        ("(d)", 3),
    ]
    assert groups[1][2][1][1].deadline_text == "by the end of 2017"
    assert ActionPoint.objects.count() == 15
    assert not NetworkStep.objects.filter(state="open").exists()
    draft = client.get(f"/network/documents/new/?meeting={meeting.pk}")
    assert "Chair&#x27;s summary of the second meeting" in draft.content.decode()
