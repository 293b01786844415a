"""Roosjes pages: switch off -> 404, residents see only their own, other areas are closed."""

import pytest
from django.urls import reverse

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.credits import services
from tijdvoorelkaar.credits.models import ThankYou, Transfer
from tijdvoorelkaar.participants.tests.factories import participant

from .helpers import match, organisation, seed

pytestmark = pytest.mark.django_db
UZ = "utrecht-zuid"
PASSWORD = "geheim-wachtwoord-1"


def _login(client, email):
    client.force_login(User.objects.get(email=email))


@pytest.fixture
def areas():
    return seed()


@pytest.fixture
def uz(areas):
    return areas[UZ]


def resident(area, name):
    return participant(area, name, email=f"{name.lower()}@example.org")


STAFF_PAGES = ["credits:staff_home", "credits:paper"]
ORG_PAGES = ["credits:organisation_home", "credits:issue", "credits:redeem"]


def test_everything_is_404_when_the_switch_is_off(client, uz):
    uz.time_credits_enabled = False
    uz.save()
    anna = resident(uz, "Anna")
    booked_before = Transfer.objects.count()
    client.force_login(anna.user)
    assert client.get(reverse("credits:mine", args=[UZ])).status_code == 404
    _login(client, "coordinator@utrecht-zuid.test")
    for name in STAFF_PAGES + ["credits:organisation_home"]:
        assert client.get(reverse(name, args=[UZ])).status_code == 404, name
    assert client.get(reverse("credits:participant", args=[UZ, anna.pk])).status_code == 404
    assert client.post(reverse("credits:limits", args=[UZ]), {}).status_code == 404
    # No links to credits on the staff's pages either.
    page = client.get(reverse("workspace:dashboard", args=[UZ])).content.decode()
    assert "Roosjes" not in page
    assert Transfer.objects.count() == booked_before


def test_area_default_is_off():
    areas = seed(enabled=False)
    assert not areas[UZ].time_credits_enabled


def test_resident_sees_only_own_balance_and_history(client, uz):
    anna, bert, carla = resident(uz, "Anna"), resident(uz, "Bert"), resident(uz, "Carla")
    m = match(anna, bert)
    thanks = services.thank(sender=anna, mediation=m, quarters=6, message="Top!")
    services.confirm_thanks(thank_you=thanks, receiver=bert)
    client.force_login(carla.user)
    page = client.get(reverse("credits:mine", args=[UZ])).content.decode()
    assert "0 uur" in page and "1,5 uur" not in page and "Anna" not in page
    # Carla cannot act on someone else's thank-you.
    other = services.thank(sender=anna, mediation=m, quarters=4)
    url = reverse("credits:thanks_action", args=[UZ, other.pk, "bevestigen"])
    assert client.post(url).status_code == 404
    # Staff pages are not for residents.
    assert client.get(reverse("credits:staff_home", args=[UZ])).status_code == 403
    assert client.get(reverse("credits:participant", args=[UZ, anna.pk])).status_code == 403
    client.force_login(bert.user)
    page = client.get(reverse("credits:mine", args=[UZ])).content.decode()
    assert "<strong>1,5 uur</strong>" in page and "Top!" in page
    other.refresh_from_db()
    assert other.status == ThankYou.Status.PENDING


def test_thank_form_refuses_bad_amounts_in_dutch(client, uz):
    anna, bert = resident(uz, "Anna"), resident(uz, "Bert")
    m = match(anna, bert)
    client.force_login(anna.user)
    url = reverse("credits:mine", args=[UZ])
    for amount, message in [
        ("0", "meer dan nul"),
        ("-2", "meer dan nul"),
        ("1,3", "per kwartier"),
        ("", "Vul in hoeveel uur"),
    ]:
        response = client.post(url, {"mediation": m.pk, "amount": amount})
        assert response.status_code == 400
        assert message in response.content.decode()
    assert not ThankYou.objects.exists()
    response = client.post(url, {"mediation": m.pk, "amount": "1:30"})
    assert response.status_code == 302
    assert ThankYou.objects.get().amount == 6


def test_resident_cannot_thank_someone_outside_their_matches(client, uz):
    anna, bert, carla, dirk = (resident(uz, n) for n in ("Anna", "Bert", "Carla", "Dirk"))
    match(anna, bert)
    others = match(carla, dirk)
    client.force_login(anna.user)
    response = client.post(
        reverse("credits:mine", args=[UZ]), {"mediation": others.pk, "amount": "1"}
    )
    assert response.status_code == 400
    assert not ThankYou.objects.exists()


def test_other_area_staff_get_no_access(client, areas, uz):
    anna = resident(uz, "Anna")
    _login(client, "makelaar@breda-hoge-vucht.test")
    assert client.get(reverse("credits:staff_home", args=[UZ])).status_code == 403
    # Breda's own pages do not reach Utrecht's residents.
    url = reverse("credits:participant", args=["breda-hoge-vucht", anna.pk])
    assert client.get(url).status_code == 404
    response = client.post(
        reverse("credits:paper", args=["breda-hoge-vucht"]),
        {"receiver": anna.pk, "amount": "1", "note": "x"},
    )
    assert response.status_code == 400
    assert not Transfer.objects.exists()


def test_coordinator_sees_circulation_and_sets_limits(client, uz):
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    anna = resident(uz, "Anna")
    services.book_paper(area=uz, broker=broker, receiver=anna, quarters=6, note="x")
    _login(client, "coordinator@utrecht-zuid.test")
    page = client.get(reverse("credits:staff_home", args=[UZ])).content.decode()
    assert 'id="uitgegeven">1,5 uur' in page and 'id="in-omloop">1,5 uur' in page
    assert "Anna" not in page  # totals only, no names or balances
    response = client.post(
        reverse("credits:limits", args=[UZ]), {"min_hours": "-10", "max_hours": "40"}
    )
    assert response.status_code == 302
    limits = services.limits(uz)
    assert (limits.min_balance, limits.max_balance) == (-40, 160)
    response = client.post(reverse("credits:limits", args=[UZ]), {"min_hours": "5"})
    assert response.status_code == 400
    # A broker books but does not see the circulation figures or set limits.
    _login(client, "makelaar@utrecht-zuid.test")
    page = client.get(reverse("credits:staff_home", args=[UZ])).content.decode()
    assert "Roosjes in omloop" not in page and "Papieren Roosjes boeken" in page
    assert client.post(reverse("credits:limits", args=[UZ]), {}).status_code == 403


def test_organisation_contact_issues_to_many_and_records_a_redemption(client, uz):
    org = organisation(uz, "Buurthuis", accepts=True, contact_email="buurthuis@utrecht-zuid.test")
    organisation(uz, "Andere club", accepts=True)
    anna, bert = resident(uz, "Anna"), resident(uz, "Bert")
    _login(client, "buurthuis@utrecht-zuid.test")
    page = client.get(reverse("credits:issue", args=[UZ])).content.decode()
    assert "Andere club" not in page  # only the organisations this contact acts for
    data = {
        "organisation": org.pk,
        "note": "buurtfeest",
        "regel-TOTAL_FORMS": "6",
        "regel-INITIAL_FORMS": "0",
        "regel-0-participant": anna.pk,
        "regel-0-amount": "2",
        "regel-1-participant": bert.pk,
        "regel-1-amount": "1,5",
    }
    bad = dict(data, **{"regel-1-amount": "1,1"})
    response = client.post(reverse("credits:issue", args=[UZ]), bad)
    assert response.status_code == 400 and "per kwartier" in response.content.decode()
    assert not Transfer.objects.exists()
    response = client.post(reverse("credits:issue", args=[UZ]), data)
    assert response.status_code == 302
    transfer = Transfer.objects.get()
    assert transfer.movements.count() == 3 and transfer.amount == 14
    response = client.post(
        reverse("credits:redeem", args=[UZ]),
        {"organisation": org.pk, "participant": anna.pk, "amount": "1", "note": "koffie"},
    )
    assert response.status_code == 302
    assert services.balance_of(anna) == 4


def test_organisation_role_without_an_organisation_gets_404(client, uz):
    _login(client, "buurthuis@utrecht-zuid.test")
    assert Role.objects.filter(user__email="buurthuis@utrecht-zuid.test").exists()
    assert client.get(reverse("credits:issue", args=[UZ])).status_code == 404
    assert client.get(reverse("credits:organisation_home", args=[UZ])).status_code == 200


def test_broker_reverses_a_booking_once(client, uz):
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    anna = resident(uz, "Anna")
    booked = services.book_paper(area=uz, broker=broker, receiver=anna, quarters=6, note="x")
    client.force_login(broker)
    url = reverse("credits:transfer", args=[UZ, booked.transfer.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "dubbel geboekt"}).status_code == 302
    assert services.balance_of(anna) == 0
    page = client.get(url).content.decode()
    assert "Boeking terugdraaien" not in page and "Teruggedraaid" in page
