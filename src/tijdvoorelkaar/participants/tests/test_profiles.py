import pytest

from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.django_db


def test_resident_edits_profile(client, area):
    me = participant(area, "Ayse", neighbourhood="lunetten")
    client.force_login(me.user)
    tolsteeg = area.neighbourhoods.get(slug="tolsteeg")
    response = client.post(
        f"/{area.slug}/mijn/gegevens/",
        {
            "display_name": "Ayşe uit Tolsteeg",
            "neighbourhood": tolsteeg.pk,
            "intro": "Ik kook graag.",
            "languages_text": "Nederlands, Turks, turks",
            "interests_text": "koken; wandelen",
            "phone": "06-12345678",
            "profile_visibility": "public",
        },
    )
    assert response.status_code == 302
    me.refresh_from_db()
    assert me.display_name == "Ayşe uit Tolsteeg" and me.neighbourhood == tolsteeg
    assert me.languages == ["Nederlands", "Turks"] and me.interests == ["koken", "wandelen"]
    page = client.get(f"/{area.slug}/mijn/").content.decode()
    assert "Ayşe uit Tolsteeg" in page and "Nederlands, Turks" in page


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("phone", "bel me maar", "Dit lijkt geen telefoonnummer"),
        ("neighbourhood", "", "Kies de buurt waar u woont."),
        ("intro", "x" * 1500, "Hoogstens 1000 tekens"),
    ],
)
def test_bad_profile_input(client, area, field, value, message):
    me = participant(area, "Ayse", neighbourhood="lunetten")
    client.force_login(me.user)
    data = {
        "display_name": "",
        "neighbourhood": me.neighbourhood_id,
        "intro": "",
        "languages_text": "",
        "interests_text": "",
        "phone": "",
        "profile_visibility": "participants",
        field: value,
    }
    response = client.post(f"/{area.slug}/mijn/gegevens/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    me.refresh_from_db()
    assert me.phone == "" and me.intro == ""


def test_profile_visibility_is_the_residents_choice(client, area):
    me = participant(area, "Kees", neighbourhood="lunetten")
    ad(me, "Ik help met klussen", kind="aanbod", category="Klussen")
    url = f"/{area.slug}/deelnemers/{me.pk}/"
    other = participant(area, "Buur")
    for visibility, anonymous, member in [
        ("public", 200, 200),
        ("participants", 404, 200),
        ("brokers", 404, 404),
    ]:
        me.profile_visibility = visibility
        me.save()
        client.logout()
        assert client.get(url).status_code == anonymous, visibility
        client.force_login(other.user)
        assert client.get(url).status_code == member, visibility
    client.force_login(me.user)
    page = client.get(url).content.decode()
    assert "Ik help met klussen" in page and "Wat ik aanbied" in page


def test_profile_of_another_area_is_not_found(client):
    areas = demo.seed_areas()
    breda = participant(areas["breda-hoge-vucht"], "Fatma")
    breda.profile_visibility = "public"
    breda.save()
    assert client.get(f"/utrecht-zuid/deelnemers/{breda.pk}/").status_code == 404
