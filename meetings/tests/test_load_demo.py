import pytest
from django.core.management import call_command

from accounts.models import User
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
    assert set(User.objects.values_list("username", flat=True)) >= {"secretariat", "cochair", "expert", "observer"}
    out = capsys.readouterr().out
    assert "secretariat" in out and "Demo data loaded" in out
