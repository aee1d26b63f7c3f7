"""``history_user``/``credits_by``: a service's ``by`` is the user its history rows credit, outside a request too."""

from __future__ import annotations

from types import SimpleNamespace

from simple_history.models import HistoricalRecords

from core.history import credits_by, history_user
from meetings import services
from meetings.models import AgendaYear


def test_the_user_is_credited_inside_and_the_outer_request_comes_back(year, secretariat_user, cochair_user):
    outer = SimpleNamespace(user=cochair_user)
    HistoricalRecords.context.request = outer  # as HistoryRequestMiddleware sets it
    try:
        with history_user(secretariat_user):
            year.save()
        year.save()
        assert HistoricalRecords.context.request is outer
    finally:
        del HistoricalRecords.context.request
    assert [h.history_user for h in year.history.order_by("history_id")][-2:] == [secretariat_user, cochair_user]


def test_no_user_leaves_the_credit_as_it_was(year, secretariat_user):
    with history_user(None):
        year.save()
    assert year.history.latest().history_user is None
    assert not hasattr(HistoricalRecords.context, "request")


def test_a_decorated_service_credits_by_even_when_it_raises(secretariat_user):
    @credits_by
    def failing(*, by):
        AgendaYear.objects.create(year=2031)
        raise ValueError

    try:
        failing(by=secretariat_user)
    except ValueError:
        pass
    assert AgendaYear.history.get(year=2031).history_user == secretariat_user
    assert not hasattr(HistoricalRecords.context, "request")


def test_a_service_called_outside_a_request_credits_by(year, secretariat_user):
    year.group_name = "Informal Expert Group"
    services.save_year(year, expected_version=None, by=secretariat_user)
    assert year.history.latest().history_user == secretariat_user
