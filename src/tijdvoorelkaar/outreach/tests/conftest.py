"""This app's tests work in the small area "zuid" (src/tijdvoorelkaar/conftest.py)."""

import pytest


@pytest.fixture
def area(zuid):
    return zuid


@pytest.fixture
def broker(zuid_broker):
    return zuid_broker
