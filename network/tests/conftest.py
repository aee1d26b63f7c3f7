import pytest
from django.test import Client

from meetings.tests.factories import make_user

from . import factories


@pytest.fixture
def coordinator(db):
    return factories.network_secretariat()


@pytest.fixture
def coordinator_client(coordinator):
    client = Client()
    client.force_login(coordinator)
    return client


@pytest.fixture
def spain(db):
    return factories.make_member("Spain")


@pytest.fixture
def focal_point_user(spain):
    user = make_user("sanabria")
    factories.make_focal_point(spain, "Francisco Javier Sanabria Valderrama", user=user, email="fp@example.org")
    return user


@pytest.fixture
def focal_point_client(focal_point_user):
    client = Client()
    client.force_login(focal_point_user)
    return client
