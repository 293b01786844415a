"""Fixtures shared by this app's tests: an area with one neighbourhood and the default
categories, and its broker."""

import pytest

from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.areas.services import NeighbourhoodSpec, create_area
from tijdvoorelkaar.marketplace import services as marketplace


@pytest.fixture
def area(db):
    area, _ = create_area("zuid", "Zuid", [NeighbourhoodSpec("oost", "Oost", 52.0, 5.1)])
    marketplace.ensure_default_categories(area)
    return area


@pytest.fixture
def broker(area):
    return create_user_with_role("m@zuid.test", "broker", area, first_name="Sanne").user
