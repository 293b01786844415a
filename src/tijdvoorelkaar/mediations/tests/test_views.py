from decimal import Decimal

import pytest

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import services
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    liesbeth = participant(area, "Liesbeth", last_name="de Boer", neighbourhood="lunetten")
    serkan = participant(area, "Serkan", last_name="Demir", neighbourhood="hoograven")
    return area, broker, liesbeth, serkan


URL = "/utrecht-zuid/makelaar/bemiddelingen/"


@pytest.mark.parametrize(
    "email, expected",
    [
        ("makelaar@utrecht-zuid.test", 200),
        ("coordinator@utrecht-zuid.test", 200),
        ("makelaar@breda-hoge-vucht.test", 403),
        ("coordinator@breda-hoge-vucht.test", 403),
        ("financier@utrecht-zuid.test", 403),
        ("buurthuis@utrecht-zuid.test", 403),
        ("deelnemer@utrecht-zuid.test", 403),
        ("admin@tijdvoorelkaar.test", 403),
    ],
)
def test_mediation_list_contract(client, setup, email, expected):
    client.force_login(User.objects.get(email=email))
    assert client.get(URL).status_code == expected
    assert client.get(URL + "?status=alle&page=2").status_code == expected


def test_anonymous_is_sent_to_sign_in(client, setup):
    response = client.get(URL)
    assert response.status_code == 302 and "/utrecht-zuid/inloggen/" in response["Location"]


def test_status_filter_and_pagination(client, setup):
    area, broker, liesbeth, serkan = setup
    made = []
    for i in range(30):
        helper = participant(area, f"Helper{i}")
        made.append(services.propose(area=area, broker=broker, requester=liesbeth, provider=helper))
    services.end(made[0], actor=broker, reason="geen_tijd")
    client.force_login(broker)
    import re

    def ids(html):
        return {int(x) for x in re.findall(r'data-mediation-id="(\d+)"', html)}

    default = client.get(URL).content.decode()
    assert len(ids(default)) == 25 and made[0].pk not in ids(default)
    everything = ids(client.get(URL + "?status=alle").content.decode()) | ids(
        client.get(URL + "?status=alle&page=2").content.decode()
    )
    assert everything == {m.pk for m in made}
    ended = ids(client.get(URL + "?status=niet_doorgegaan").content.decode())
    assert ended == {made[0].pk}
    assert client.get(URL + "?status=onzin&page=x").status_code == 200


def test_other_areas_mediation_is_not_found(client, setup):
    area, broker, liesbeth, serkan = setup
    m = services.propose(area=area, broker=broker, requester=liesbeth, provider=serkan)
    client.force_login(User.objects.get(email="makelaar@breda-hoge-vucht.test"))
    assert client.get(f"/breda-hoge-vucht/makelaar/bemiddelingen/{m.pk}/").status_code == 404
    assert (
        client.post(
            f"/breda-hoge-vucht/makelaar/bemiddelingen/{m.pk}/beeindigen/", {"reason": "geen_tijd"}
        ).status_code
        == 404
    )
    m.refresh_from_db()
    assert m.status == "voorgesteld"


def test_propose_through_the_pages_with_search(client, setup):
    area, broker, liesbeth, serkan = setup
    vraag = ad(
        liesbeth,
        "Wie gaat er mee de stad in? Ik rijd een scootmobiel",
        category="Vervoer en begeleiding",
    )
    ad(
        serkan,
        "Gezelschap en een wandeling",
        kind="aanbod",
        category="Gezelschap en samen iets doen",
    )
    client.force_login(broker)
    page = client.get(URL + f"nieuw/?advertentie={vraag.pk}&zoek=wandeling").content.decode()
    assert "Serkan Demir" in page and "Liesbeth de Boer" in page
    response = client.post(
        URL + "nieuw/",
        {"advertentie": vraag.pk, "requester": liesbeth.pk, "provider": serkan.pk, "note": ""},
    )
    assert response.status_code == 302
    m = Mediation.objects.get()
    assert (m.requester, m.provider, m.ad, m.broker) == (liesbeth, serkan, vraag, broker)
    detail = client.get(response["Location"]).content.decode()
    assert "Teksten om beiden te benaderen" in detail and "Beste Liesbeth" in detail


def test_proposing_someone_to_themselves_in_the_page(client, setup):
    area, broker, liesbeth, serkan = setup
    client.force_login(broker)
    response = client.post(URL + "nieuw/", {"requester": liesbeth.pk, "provider": liesbeth.pk})
    assert response.status_code == 400
    assert "niet aan zichzelf" in response.content.decode()
    assert Mediation.objects.count() == 0


def test_ending_without_reason_and_twice_in_the_page(client, setup):
    area, broker, liesbeth, serkan = setup
    m = services.propose(area=area, broker=broker, requester=liesbeth, provider=serkan)
    client.force_login(broker)
    url = f"{URL}{m.pk}/beeindigen/"
    response = client.post(url, {})
    assert response.status_code == 400
    assert "Kies een reden om te stoppen." in response.content.decode()
    assert client.post(url, {"reason": "geen_tijd"}).status_code == 302
    second = client.post(url, {"reason": "verhuisd"}, follow=True)
    assert "al beëindigd" in second.content.decode()
    m.refresh_from_db()
    assert m.end_reason == "geen_tijd"


def test_agreement_form_refuses_bad_input(client, setup):
    area, broker, liesbeth, serkan = setup
    m = services.propose(area=area, broker=broker, requester=liesbeth, provider=serkan)
    services.record_answer(m, side="requester", answer="ja", actor=broker)
    services.record_answer(m, side="provider", answer="ja", actor=broker)
    client.force_login(broker)
    response = client.post(
        f"{URL}{m.pk}/kennismaking/",
        {
            "what": "",
            "how_often": "wekelijks",
            "hours_each_time": "12",
            "starts_on": "2026-12-01",
            "requester_expects": "praktisch",
            "provider_expects": "gezelschap",
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Schrijf op wat ze gaan doen." in text and "tussen een kwartier en acht uur" in text
    m.refresh_from_db()
    assert m.status == "voorgesteld"
    response = client.post(
        f"{URL}{m.pk}/kennismaking/",
        {
            "what": "Boodschappen",
            "how_often": "wekelijks",
            "hours_each_time": "1,5",
            "starts_on": "2026-12-01",
            "ends_on": "2026-11-01",
            "requester_expects": "praktisch",
            "provider_expects": "gezelschap",
            "goes_ahead": "on",
        },
    )
    assert response.status_code == 400
    assert "einddatum ligt vóór de startdatum" in response.content.decode()
    response = client.post(
        f"{URL}{m.pk}/kennismaking/",
        {
            "what": "Boodschappen",
            "how_often": "wekelijks",
            "hours_each_time": "1,5",
            "starts_on": "2026-12-01",
            "review_on": "2027-03-01",
            "requester_expects": "praktisch",
            "provider_expects": "gezelschap",
            "goes_ahead": "on",
        },
        follow=True,
    )
    assert "verwachtingen verschillen" in response.content.decode()
    m.refresh_from_db()
    assert m.status == "lopend" and m.agreement.hours_each_time == Decimal("1.5")


ALWAYS = {"resolve_flag", "check_in_seen", "correct"}
BUTTONS = {  # an action on the broker's page, by the URL it posts to
    "kennismaking-plannen": "plan_introduction",
    "kennismaking": "record_introduction",
    "starten": "start",
    "pauzeren": "pause",
    "hervatten": "resume",
    "afzegging": "log_cancellation",
    "signaal": "raise_flag",
    "beeindigen": "end",
}


def test_the_action_table_decides_what_the_page_offers(client, setup):
    area, broker, liesbeth, serkan = setup
    m = services.propose(area=area, broker=broker, requester=liesbeth, provider=serkan)
    client.force_login(broker)

    def offered():
        page = client.get(f"{URL}{m.pk}/").content.decode()
        return {name for slug, name in BUTTONS.items() if f"/{m.pk}/{slug}/" in page}

    m.refresh_from_db()
    assert m.allowed_actions() == {"answer", "end"} | ALWAYS
    assert offered() == {"end"}
    for side in ("requester", "provider"):
        services.record_answer(m, side=side, answer="ja", actor=broker)
    m.refresh_from_db()
    assert (
        m.allowed_actions()
        == {"answer", "plan_introduction", "record_introduction", "end"} | ALWAYS
    )
    assert offered() == {"plan_introduction", "record_introduction", "end"}
    services.record_introduction(
        m,
        actor=broker,
        goes_ahead=True,
        agreement={
            "what": "Samen naar de markt",
            "how_often": "eens per twee weken",
            "hours_each_time": Decimal("2"),
            "starts_on": m.started_on,
            "ends_on": None,
            "review_on": m.started_on.replace(year=m.started_on.year + 1),
            "helper_holds_key": False,
            "requester_expects": "klus",
            "provider_expects": "klus",
        },
    )
    m.refresh_from_db()
    assert m.status == Mediation.Status.RUNNING
    assert m.allowed_actions() == {"pause", "log_cancellation", "raise_flag", "end"} | ALWAYS
    assert offered() == {"pause", "log_cancellation", "raise_flag", "end"}
    # An action the table does not allow now is refused by its service, on the page.
    response = client.post(f"{URL}{m.pk}/hervatten/")
    assert response.status_code == 400 and "niet gepauzeerd" in response.content.decode()
    services.end(m, actor=broker, reason="klus_klaar")
    m.refresh_from_db()
    assert m.allowed_actions() == ALWAYS
    assert offered() == set()
