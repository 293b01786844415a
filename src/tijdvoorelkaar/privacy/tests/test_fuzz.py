"""Garbage to every form: never a server error (5xx), on SQLite and PostgreSQL."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import services as mediations
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "9" * 40,
            "-1",
            "0",
            "2026-02-30",
            "ja",
            "nee",
            "x" * 6000,
            "%00",
            "../../etc",
            "😀" * 10,
            "NaN",
            "1e309",
        ]
    ),
)
FIELDS = [
    "title",
    "description",
    "category",
    "neighbourhood",
    "frequency",
    "duration",
    "availability",
    "visibility",
    "soort",
    "body",
    "email",
    "first_name",
    "privacy",
    "method",
    "password",
    "next",
    "q",
    "reason",
    "note",
    "requester",
    "provider",
    "answer",
    "side",
    "on",
    "what",
    "how_often",
    "hours_each_time",
    "starts_on",
    "ends_on",
    "kind",
    "phone",
    "display_name",
    "intro",
    "languages_text",
    "share",
    "action",
    "report",
    "submission_token",
    "until",
    "code",
    "confirm",
    "message",
]
DATA = st.dictionaries(st.sampled_from(FIELDS), NASTY, max_size=8)
FUZZ = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def world():
    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    a = participant(area, "Anna", email="anna@example.org", password="anna-wachtwoord-1")
    b = participant(area, "Bert", email="bert@example.org")
    the_ad = ad(b, "Klusje")
    conversation = marketplace.react(ad=the_ad, participant=a, body="Hoi", base_url="http://x")
    m = mediations.propose(area=area, broker=broker, requester=a, provider=b)
    return area, broker, a, b, the_ad, conversation, m


def urls(area, broker, a, b, the_ad, conversation, m):
    s = area.slug
    public = [f"/{s}/aanmelden/", f"/{s}/inloggen/", f"/{s}/advertenties/"]
    resident = [
        f"/{s}/advertenties/nieuw/",
        f"/{s}/advertenties/{the_ad.pk}/reageren/",
        f"/{s}/advertenties/{the_ad.pk}/melden/",
        f"/{s}/gesprekken/{conversation.pk}/",
        f"/{s}/gesprekken/{conversation.pk}/delen/",
        f"/{s}/mijn/gegevens/",
        f"/{s}/mijn/contacten/bel-mij/",
        f"/{s}/mijn/privacy/verwijderen/",
    ]
    staff = [
        f"/{s}/makelaar/bemiddelingen/nieuw/",
        *[
            f"/{s}/makelaar/bemiddelingen/{m.pk}/{action}/"
            for action in (
                "antwoord",
                "kennismaking-plannen",
                "kennismaking",
                "afzegging",
                "signaal",
                "beeindigen",
                "pauzeren",
            )
        ],
        f"/{s}/makelaar/deelnemers/nieuw/",
        f"/{s}/makelaar/deelnemers/{b.pk}/notities/",
        f"/{s}/makelaar/deelnemers/{b.pk}/contactmoment/",
        f"/{s}/makelaar/deelnemers/{b.pk}/kennismaking/",
        f"/{s}/makelaar/deelnemers/{b.pk}/pauze/",
        f"/{s}/makelaar/meldingen/",
    ]
    return public, resident, staff


def check(client, url, data):
    post = client.post(url, data)
    assert post.status_code < 500, (url, data)
    get = client.get(url, data)
    assert get.status_code < 500, (url, data)


def test_fuzz_public_forms(client, world):
    public, _resident, _staff = urls(*world)

    @FUZZ
    @given(data=DATA)
    def run(data):
        for url in public:
            check(client, url, data)

    run()


def test_fuzz_resident_forms(client, world):
    _public, resident, _staff = urls(*world)
    client.force_login(world[2].user)

    @FUZZ
    @given(data=DATA)
    def run(data):
        data.pop("confirm", None)  # never erase the account we are fuzzing with
        for url in resident:
            check(client, url, data)

    run()


def test_fuzz_staff_forms(client, world):
    _public, _resident, staff = urls(*world)
    client.force_login(world[1])

    @FUZZ
    @given(data=DATA)
    def run(data):
        for url in staff:
            check(client, url, data)

    run()
