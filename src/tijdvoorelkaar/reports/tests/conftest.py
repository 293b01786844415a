from io import StringIO

import pytest
from django.core.management import call_command

from tijdvoorelkaar.demo import seed as demo


@pytest.fixture
def scenario():
    """The demo areas and users, and the Utrecht Zuid 2005-2007 scenario."""
    areas = demo.seed_areas()
    demo.seed_users(areas)
    call_command("seed_demo", scenario="utrecht-zuid-2005", stdout=StringIO())


def sign_in(client, email):
    from tijdvoorelkaar.accounts.models import User

    client.force_login(User.objects.get(email=email))
