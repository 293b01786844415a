import json

import pytest

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.api.auth import create_token, hash_key
from tijdvoorelkaar.api.models import ApiToken
from tijdvoorelkaar.marketplace import services
from tijdvoorelkaar.marketplace.models import Message
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(area):
    henk = participant(
        area, "Henk", last_name="Pietersen", phone="06 1111 2222", email="henk@example.org"
    )
    fatima = participant(
        area, "Fatima", last_name="El Amrani", phone="06 3333 4444", email="fatima@example.org"
    )
    public = ad(henk, "Wie wil mijn hond uitlaten?", category="Dieren")
    members = ad(henk, "Hulp bij de belastingaangifte", visibility="participants")
    conversation = services.react(
        ad=public, participant=fatima, body="Ik loop graag met honden!", base_url="http://x/"
    )
    return henk, fatima, public, members, conversation


def bearer(user):
    _token, key = create_token(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_schema_is_served_at_the_contract_address(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/areas/{area_slug}/ads" in paths
    assert "/api/areas/{area_slug}/me/conversations" in paths


def test_areas_are_listed(client, areas):
    data = client.get("/api/areas/").json()
    assert {"slug": "utrecht-zuid", "name": "Utrecht Zuid", "url": "/utrecht-zuid/"} in data


def test_public_listing_shows_public_ads_without_personal_data(client, area, world):
    henk, _fatima, public, members, _conversation = world
    response = client.get(f"/api/areas/{area.slug}/ads")
    assert response.status_code == 200
    data = response.json()
    titles = [a["title"] for a in data["results"]]
    assert public.title in titles
    assert members.title not in titles  # only for signed-in participants
    assert data["results"][0]["author"] == "Henk"
    text = response.content.decode()
    for secret in ("Pietersen", "henk@example.org", "06 1111 2222"):
        assert secret not in text


def test_a_participant_with_a_key_also_sees_ads_for_participants(client, area, world):
    _henk, fatima, _public, members, _conversation = world
    data = client.get(f"/api/areas/{area.slug}/ads", **bearer(fatima.user)).json()
    assert members.title in [a["title"] for a in data["results"]]


def test_listing_filters_like_the_page(client, area, world):
    henk, _fatima, public, _members, _conversation = world
    offer = ad(henk, "Ik repareer fietsen", kind="aanbod")
    url = f"/api/areas/{area.slug}/ads"
    assert [a["id"] for a in client.get(url, {"soort": "aanbod"}).json()["results"]] == [offer.pk]
    assert [a["id"] for a in client.get(url, {"q": "hond"}).json()["results"]] == [public.pk]
    assert [a["id"] for a in client.get(url, {"categorie": "dieren"}).json()["results"]] == [
        public.pk
    ]
    assert client.get(url, {"page": 5}).json()["results"] == []


def test_bad_filters_get_a_dutch_422(client, area, world):
    url = f"/api/areas/{area.slug}/ads"
    response = client.get(url, {"categorie": "bestaat-niet"})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "categorie", "message": "Deze categorie bestaat niet."}
    ]
    response = client.get(url, {"page": "0"})
    assert response.status_code == 422
    assert response.json()["errors"][0] == {"field": "page", "message": "Dit moet minstens 1 zijn."}
    response = client.get(url, {"soort": "cadeau"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"].startswith("Kies een van")


def test_ad_detail_and_404s(client, areas, area, world):
    _henk, _fatima, public, members, _conversation = world
    response = client.get(f"/api/areas/{area.slug}/ads/{public.pk}")
    assert response.status_code == 200
    assert response.json()["url"] == f"/{area.slug}/advertenties/{public.pk}/"
    assert client.get(f"/api/areas/{area.slug}/ads/{members.pk}").status_code == 404
    other = client.get(f"/api/areas/breda-hoge-vucht/ads/{public.pk}")
    assert other.status_code == 404
    assert other.json() == {"detail": "Niet gevonden."}
    assert client.get("/api/areas/bestaat-niet/ads").status_code == 404


def test_participant_endpoints_need_a_valid_key(client, area, world):
    url = f"/api/areas/{area.slug}/me/ads"
    response = client.get(url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert "API-sleutel" in response.json()["detail"]
    assert client.get(url, HTTP_AUTHORIZATION="Bearer tve_verzonnen").status_code == 401
    # A wrong key on a public endpoint is refused too, not silently ignored.
    public = client.get(f"/api/areas/{area.slug}/ads", HTTP_AUTHORIZATION="Bearer fout")
    assert public.status_code == 401


def test_a_session_is_not_enough(client, area, world):
    henk = world[0]
    client.force_login(henk.user)
    assert client.get(f"/api/areas/{area.slug}/me/ads").status_code == 401


def test_someone_from_another_area_gets_403(client, areas, world):
    henk = world[0]
    response = client.get("/api/areas/breda-hoge-vucht/me/ads", **bearer(henk.user))
    assert response.status_code == 403
    assert response.json() == {"detail": "U bent geen deelnemer in dit werkgebied."}


def test_my_ads(client, area, world):
    henk, _fatima, public, members, _conversation = world
    data = client.get(f"/api/areas/{area.slug}/me/ads", **bearer(henk.user)).json()
    assert {a["id"] for a in data} == {public.pk, members.pk}
    assert {a["visibility"] for a in data} == {"public", "participants"}


def test_conversations_with_messages_and_a_reply(client, area, world):
    henk, fatima, _public, _members, conversation = world
    headers = bearer(henk.user)
    data = client.get(f"/api/areas/{area.slug}/me/conversations", **headers).json()
    assert len(data) == 1
    assert data[0]["my_role"] == "adverteerder"
    assert data[0]["other"] == "Fatima"
    assert data[0]["messages"][0]["body"] == "Ik loop graag met honden!"
    assert data[0]["messages"][0]["mine"] is False
    assert "El Amrani" not in json.dumps(data)

    url = f"/api/areas/{area.slug}/me/conversations/{conversation.pk}/messages"
    response = client.post(
        url, {"body": "Leuk! Zaterdag om tien uur?"}, content_type="application/json", **headers
    )
    assert response.status_code == 201
    assert response.json()["mine"] is True
    assert Message.objects.filter(conversation=conversation, sender=henk).count() == 1
    conversation.refresh_from_db()
    assert conversation.owner_replied_at is not None

    detail = client.get(
        f"/api/areas/{area.slug}/me/conversations/{conversation.pk}", **bearer(fatima.user)
    ).json()
    assert [m["mine"] for m in detail["messages"]] == [True, False]


def test_bad_replies_change_nothing(client, area, world):
    henk, _fatima, _public, _members, conversation = world
    headers = bearer(henk.user)
    url = f"/api/areas/{area.slug}/me/conversations/{conversation.pk}/messages"
    before = Message.objects.count()
    for body in ({"body": ""}, {}, {"body": "x" * 2001}):
        response = client.post(url, body, content_type="application/json", **headers)
        assert response.status_code == 422, body
        assert response.json()["detail"] == "De invoer klopt niet."
    response = client.post(url, "{niet: json", content_type="application/json", **headers)
    assert response.status_code in (400, 422)
    response = client.post(url, {"body": "   "}, content_type="application/json", **headers)
    assert response.status_code == 422
    assert response.json()["detail"] == "Uw bericht is leeg. Schrijf eerst iets."
    assert Message.objects.count() == before


def test_a_conversation_of_others_is_404(client, area, world):
    _henk, _fatima, _public, _members, conversation = world
    stranger = participant(area, "Sanne")
    headers = bearer(stranger.user)
    url = f"/api/areas/{area.slug}/me/conversations/{conversation.pk}"
    assert client.get(url, **headers).status_code == 404
    response = client.post(
        url + "/messages", {"body": "Hoi"}, content_type="application/json", **headers
    )
    assert response.status_code == 404


def test_token_page_creates_shows_once_and_revokes(client, area, world):
    henk = world[0]
    client.force_login(henk.user)
    page = f"/{area.slug}/mijn/api-sleutels/"
    response = client.post(page, {"action": "create", "name": "Mijn app"})
    assert response.status_code == 200
    key = response.context["new_key"]
    assert key.startswith("tve_") and key in response.content.decode()
    token = ApiToken.objects.get(user=henk.user)
    assert token.key_hash == hash_key(key) and key not in token.key_hash
    assert key not in client.get(page).content.decode()  # shown once only

    api_url = f"/api/areas/{area.slug}/me/ads"
    assert client.get(api_url, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None

    client.post(page, {"action": "revoke", "token": token.pk})
    assert not ApiToken.objects.exists()
    assert client.get(api_url, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_token_page_refuses_bad_input_and_others_keys(client, area, world):
    henk, fatima, *_ = world
    client.force_login(henk.user)
    page = f"/{area.slug}/mijn/api-sleutels/"
    response = client.post(page, {"action": "create", "name": "  "})
    assert "Geef de sleutel een naam" in response.content.decode()
    assert not ApiToken.objects.exists()
    theirs, _key = create_token(fatima.user, "van Fatima")
    client.post(page, {"action": "revoke", "token": theirs.pk})
    assert ApiToken.objects.filter(pk=theirs.pk).exists()


def test_token_page_answers_400_on_a_refused_name_and_names_an_unknown_key(client, area, world):
    henk, fatima, *_ = world
    client.force_login(henk.user)
    page = f"/{area.slug}/mijn/api-sleutels/"
    assert client.post(page, {"action": "create", "name": "  "}).status_code == 400
    theirs, _key = create_token(fatima.user, "van Fatima")
    response = client.post(page, {"action": "revoke", "token": theirs.pk}, follow=True)
    assert response.redirect_chain == [(page, 302)]
    assert "Deze sleutel bestaat niet (meer)." in response.content.decode()
    mine, _key = create_token(henk.user, "van Henk")
    response = client.post(page, {"action": "revoke", "token": mine.pk}, follow=True)
    assert "De sleutel is ingetrokken" in response.content.decode()
    assert not ApiToken.objects.filter(pk=mine.pk).exists()


def test_token_page_is_for_participants(client, area, world):
    page = f"/{area.slug}/mijn/api-sleutels/"
    assert "inloggen" in client.get(page)["Location"]
    broker = User.objects.create_user(email="x@example.org", first_name="X")
    client.force_login(broker)
    assert client.get(page).status_code == 403


def _example_path(template: str, area, world) -> str:
    """A real address for a path of the schema: the area, an ad and a conversation that
    exist, so only the key can be the reason for a refusal."""
    _henk, _fatima, public, _members, conversation = world
    values = {
        "area_slug": area.slug,
        "ad_id": str(public.pk),
        "conversation_pk": str(conversation.pk),
    }
    path = template
    for name, value in values.items():
        path = path.replace("{" + name + "}", value)
    assert "{" not in path, f"no example value for {template}"
    return path


@pytest.mark.parametrize(
    "header", ["Bearer wrong", "Bearer tve_verzonnen", "Basic aGVuazpnZWhlaW0=", "Bearer"]
)
def test_a_wrong_key_is_refused_on_every_endpoint_of_the_schema(client, area, world, header):
    schema = client.get("/api/openapi.json").json()
    checked = []
    for template, operations in schema["paths"].items():
        path = _example_path(template, area, world)
        for method in operations:
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            call = getattr(client, method)
            kwargs = {"HTTP_AUTHORIZATION": header}
            if method != "get":
                kwargs.update(data=json.dumps({"body": "hallo"}), content_type="application/json")
            response = call(path, **kwargs)
            assert response.status_code == 401, (method, path, response.status_code)
            assert response["WWW-Authenticate"] == "Bearer"
            assert "API-sleutel" in response.json()["detail"]
            checked.append((method, template))
    assert ("get", "/api/areas/") in checked
    assert len(checked) == sum(
        1 for ops in schema["paths"].values() for m in ops if m in {"get", "post"}
    )
    # Nothing was written with the wrong key, and the schema itself refuses it too.
    assert Message.objects.count() == 1
    assert client.get("/api/openapi.json", HTTP_AUTHORIZATION=header).status_code == 401
    assert client.get("/api/bestaat-niet", HTTP_AUTHORIZATION=header).status_code == 401


def test_a_valid_key_and_no_key_still_work_on_public_endpoints(client, area, world):
    henk = world[0]
    assert client.get("/api/areas/").status_code == 200
    headers = bearer(henk.user)
    assert client.get("/api/areas/", **headers).status_code == 200
    assert client.get(f"/api/areas/{area.slug}/ads", **headers).status_code == 200
    assert client.get(f"/api/areas/{area.slug}/me/ads", **headers).status_code == 200
