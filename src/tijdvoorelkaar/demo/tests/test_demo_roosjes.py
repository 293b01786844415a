"""The demo's Roosjes: on in Utrecht Zuid with the buurthuis as issuing organisation, so
the demo organisation contact can issue and record redeeming; off in Breda."""

from io import StringIO

import pytest
from django.core.management import call_command

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.credits.models import CreditOrganisation, Transfer
from tijdvoorelkaar.participants.models import Participant

pytestmark = pytest.mark.django_db


def test_the_demo_organisation_contact_can_issue_roosjes(client):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())  # idempotent
    uz = Area.objects.get(slug="utrecht-zuid")
    assert uz.time_credits_enabled
    assert not Area.objects.get(slug="breda-hoge-vucht").time_credits_enabled
    (leeuw,) = CreditOrganisation.objects.filter(area=uz)
    contact = User.objects.get(email="buurthuis@utrecht-zuid.test")
    assert list(leeuw.contacts.all()) == [contact] and leeuw.accepts_roosjes

    client.force_login(contact)
    home = client.get("/utrecht-zuid/organisatie/roosjes/").content.decode()
    assert "Buurthuis De Leeuw" in home and "nog niet gekoppeld" not in home
    assert client.get("/utrecht-zuid/organisatie/roosjes/uitgeven/").status_code == 200
    anna = Participant.objects.get(area=uz, user__email="deelnemer@utrecht-zuid.test")
    response = client.post(
        "/utrecht-zuid/organisatie/roosjes/uitgeven/",
        {
            "organisation": leeuw.pk,
            "note": "Koffieochtend",
            "regel-TOTAL_FORMS": "1",
            "regel-INITIAL_FORMS": "0",
            "regel-MIN_NUM_FORMS": "0",
            "regel-MAX_NUM_FORMS": "1000",
            "regel-0-participant": anna.pk,
            "regel-0-amount": "2",
        },
    )
    assert response.status_code == 302
    issued = Transfer.objects.get(area=uz, kind=Transfer.Kind.ISSUE)
    assert issued.amount == 8  # quarters: two hours
