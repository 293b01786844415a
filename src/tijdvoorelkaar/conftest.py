"""Fixtures shared by every app's tests (the browser fixtures are in the project's
conftest.py). An app's tests/conftest.py or a test module may define a fixture of the same
name when it needs another world (pytest takes the nearest)."""

import pytest

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.areas.services import NeighbourhoodSpec, create_area
from tijdvoorelkaar.demo import seed as demo


@pytest.fixture
def areas(db):
    """The two demo areas (Utrecht Zuid, Breda Hoge Vucht) with their neighbourhoods and
    default categories; no users."""
    return demo.seed_areas()


@pytest.fixture
def area(areas):
    """Utrecht Zuid of the demo."""
    return areas["utrecht-zuid"]


@pytest.fixture
def demo_users(areas):
    """The demo areas and a user for every role (demo.USERS, password demo.DEMO_PASSWORD)."""
    demo.seed_users(areas)
    return areas


@pytest.fixture
def demo_broker(demo_users):
    return User.objects.get(email="makelaar@utrecht-zuid.test")


@pytest.fixture
def demo_coordinator(demo_users):
    return User.objects.get(email="coordinator@utrecht-zuid.test")


@pytest.fixture
def zuid(db):
    """A small area of its own ("zuid", one neighbourhood "oost", default categories): for
    tests that must not see the demo's people."""
    area, _ = create_area("zuid", "Zuid", [NeighbourhoodSpec("oost", "Oost", 52.0, 5.1)])
    return area


@pytest.fixture
def zuid_broker(zuid):
    return create_user_with_role("m@zuid.test", "broker", zuid, first_name="Sanne").user
