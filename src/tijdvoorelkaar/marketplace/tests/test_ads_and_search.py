import datetime as dt

import pytest
import time_machine

from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace import services
from tijdvoorelkaar.marketplace.models import Ad, Category
from tijdvoorelkaar.participants.tests.factories import participant

from .factories import ad

pytestmark = pytest.mark.django_db


def listing(client, area, **params):
    response = client.get(f"/{area.slug}/advertenties/", params)
    assert response.status_code == 200
    return response.content.decode()


def ids(html: str) -> set[int]:
    import re

    return {int(x) for x in re.findall(r'data-ad-id="(\d+)"', html)}


def test_every_area_gets_the_default_categories(area):
    names = list(Category.objects.filter(area=area).values_list("name", flat=True))
    assert names[0] == "Klussen" and names[-1] == "Overig"
    assert len(names) == 14


def test_search_understands_dutch_word_forms(client, area):
    p = participant(area, "Henk")
    dog = ad(p, "Wie wil mijn honden uitlaten?", category="Dieren")
    shop = ad(p, "Hulp bij de boodschap", category="Boodschappen")
    bike = ad(p, "Mijn fietsen repareren", category="Klussen", kind="aanbod")
    other = ad(p, "Tuin snoeien", category="Tuin")
    assert ids(listing(client, area, q="hond")) == {dog.pk}
    assert ids(listing(client, area, q="Honden")) == {dog.pk}
    assert ids(listing(client, area, q="boodschappen")) == {shop.pk}
    assert ids(listing(client, area, q="fiets")) == {bike.pk}
    assert ids(listing(client, area, q="snoeien tuin")) == {other.pk}
    assert ids(listing(client, area, q="snoeien hond")) == set()
    # Stop words alone do not filter everything away.
    assert len(ids(listing(client, area, q="de het een"))) == 4


def test_filters_and_newest_first(client, area):
    p = participant(area, "Ria", neighbourhood="lunetten")
    q = participant(area, "Kees", neighbourhood="hoograven")
    base = dt.datetime(2026, 10, 1, 12, tzinfo=dt.UTC)
    with time_machine.travel(base, tick=False):
        old = ad(p, "Oud verzoek", category="Tuin")
    with time_machine.travel(base + dt.timedelta(days=1), tick=False):
        offer = ad(q, "Ik help met de tuin", kind="aanbod", category="Tuin")
    with time_machine.travel(base + dt.timedelta(days=2), tick=False):
        newest = ad(p, "Nieuw verzoek", category="Klussen")
    html = listing(client, area)
    assert (
        html.index(f'data-ad-id="{newest.pk}"')
        < html.index(f'data-ad-id="{offer.pk}"')
        < html.index(f'data-ad-id="{old.pk}"')
    )
    assert ids(listing(client, area, soort="aanbod")) == {offer.pk}
    assert ids(listing(client, area, soort="vraag")) == {old.pk, newest.pk}
    assert ids(listing(client, area, categorie="tuin")) == {old.pk, offer.pk}
    assert ids(listing(client, area, buurt="hoograven")) == {offer.pk}
    assert ids(listing(client, area, buurt="lunetten", categorie="klussen")) == {newest.pk}
    # Unknown filter values do not crash the page.
    assert "klopt niet" in listing(client, area, soort="iets", buurt="nergens")


def test_pagination(client, area):
    p = participant(area)
    made = [ad(p, f"Klusje nummer {i}") for i in range(45)]
    page1, page3 = ids(listing(client, area)), ids(listing(client, area, page=3))
    assert len(page1) == 20 and len(page3) == 5
    assert page1.isdisjoint(page3)
    assert ids(listing(client, area, page=99)) == page3
    assert ids(listing(client, area, page="abc")) == page1
    assert "Pagina 1 van 3" in listing(client, area)
    assert len(made) == 45


def test_closed_expired_hidden_and_private_ads_are_not_listed(client, area):
    p = participant(area)
    visible = ad(p, "Zichtbaar")
    closed = ad(p, "Gesloten")
    services.set_status(closed, Ad.Status.CLOSED)
    helped = ad(p, "Geholpen")
    services.set_status(helped, Ad.Status.HELPED)
    expired = ad(p, "Verlopen")
    Ad.objects.filter(pk=expired.pk).update(expires_on=dt.date(2020, 1, 1))
    hidden = ad(p, "Gemeld")
    services.report(area=area, reporter=p.user, reason="Klopt niet", ad=hidden)
    members = ad(p, "Voor deelnemers", visibility="participants")
    brokers = ad(p, "Alleen makelaar", visibility="brokers")
    assert ids(listing(client, area)) == {visible.pk}
    assert client.get(f"/{area.slug}/advertenties/{members.pk}/").status_code == 404
    assert client.get(f"/{area.slug}/advertenties/{brokers.pk}/").status_code == 404
    other = participant(area, "Lid", password="lang-genoeg-1")
    client.force_login(other.user)
    assert ids(listing(client, area)) == {visible.pk, members.pk}
    assert client.get(f"/{area.slug}/advertenties/{brokers.pk}/").status_code == 404


def test_ads_of_another_area_are_not_found(client):
    areas = demo.seed_areas()
    p = participant(areas["breda-hoge-vucht"])
    breda_ad = ad(p, "In Breda")
    assert client.get(f"/utrecht-zuid/advertenties/{breda_ad.pk}/").status_code == 404
    assert client.get(f"/breda-hoge-vucht/advertenties/{breda_ad.pk}/").status_code == 200


def post_ad(client, area, **overrides):
    cat = Category.objects.get(area=area, name="Dieren")
    data = {
        "soort": "vraag",
        "title": "Wie wil mijn hond uitlaten?",
        "description": "Twee keer per week een half uurtje.",
        "category": cat.pk,
        "neighbourhood": "",
        "frequency": "wekelijks",
        "duration": "uur",
        "visibility": "public",
        "availability": ["ma-middag", "do-middag"],
        "submission_token": "token-1",
    }
    data.update(overrides)
    return client.post(f"/{area.slug}/advertenties/nieuw/", data)


def test_placing_an_ad_and_the_reciprocity_prompt(client, area):
    p = participant(area, "Lotte", neighbourhood="lunetten")
    client.force_login(p.user)
    response = post_ad(client, area)
    assert response.status_code == 302
    made = Ad.objects.get()
    assert made.owner == p and made.kind == "vraag" and made.placed_by is None
    assert made.availability == ["ma-middag", "do-middag"]
    assert made.expires_on == (made.created_at + dt.timedelta(days=91)).date()
    prompt = client.get(response["Location"]).content.decode()
    assert "Wat zou u voor een ander kunnen doen?" in prompt
    assert "?soort=aanbod" in prompt
    response = post_ad(
        client, area, soort="aanbod", title="Ik help met computers", submission_token="token-2"
    )
    prompt = client.get(response["Location"]).content.decode()
    assert "Kunt u zelf ergens hulp bij gebruiken?" in prompt


def test_double_submit_makes_one_ad(client, area):
    p = participant(area)
    client.force_login(p.user)
    first, second = post_ad(client, area), post_ad(client, area)
    assert first["Location"] == second["Location"]
    assert Ad.objects.count() == 1


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"title": ""}, "Geef uw advertentie een titel."),
        ({"title": "   "}, "Geef uw advertentie een titel."),
        ({"description": "x" * 5000}, "hoogstens 2000 tekens hebben (nu 5000)"),
        ({"title": "t" * 121}, "hoogstens 120 tekens"),
        ({"category": ""}, "Kies een categorie."),
        ({"category": "999999"}, "Kies een categorie uit de lijst."),
        ({"frequency": "altijd"}, "Selecteer een geldige keuze"),
        ({"availability": ["ma-nacht"]}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_ad_input_is_refused_in_dutch(client, area, overrides, message):
    p = participant(area)
    client.force_login(p.user)
    response = post_ad(client, area, **overrides)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Ad.objects.count() == 0


def test_html_is_shown_as_text(client, area):
    p = participant(area)
    client.force_login(p.user)
    post_ad(
        client,
        area,
        title="<script>alert(1)</script> hond",
        description="<b>vet</b> <img src=x onerror=alert(1)>",
    )
    made = Ad.objects.get()
    page = client.get(f"/{area.slug}/advertenties/{made.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert "&lt;b&gt;vet&lt;/b&gt;" in page


def test_big_jobs_get_a_friendly_note(client, area):
    p = participant(area)
    small = ad(p, "Lamp ophangen")
    long = ad(p, "Schilderen", duration="langer")
    days = ad(p, "Hulp bij de verhuizing", description="Het gaat om een paar dagen werk.")
    note = "TijdVoorElkaar is bedoeld voor kleine klussen"
    assert note not in client.get(f"/{area.slug}/advertenties/{small.pk}/").content.decode()
    assert note in client.get(f"/{area.slug}/advertenties/{long.pk}/").content.decode()
    assert note in client.get(f"/{area.slug}/advertenties/{days.pk}/").content.decode()


def test_owner_manages_status_and_renewal_others_cannot(client, area):
    p = participant(area)
    other = participant(area)
    made = ad(p, "Iets")
    client.force_login(other.user)
    assert (
        client.post(
            f"/{area.slug}/advertenties/{made.pk}/status/", {"action": "gesloten"}
        ).status_code
        == 404
    )
    assert client.get(f"/{area.slug}/advertenties/{made.pk}/bewerken/").status_code == 404
    client.force_login(p.user)
    client.post(f"/{area.slug}/advertenties/{made.pk}/status/", {"action": "gesloten"})
    made.refresh_from_db()
    assert made.status == "gesloten"
    with time_machine.travel(dt.datetime(2027, 6, 1, 12, tzinfo=dt.UTC), tick=False):
        client.force_login(p.user)
        client.post(f"/{area.slug}/advertenties/{made.pk}/status/", {"action": "verlengen"})
    made.refresh_from_db()
    assert made.status == "open" and made.expires_on == dt.date(2027, 8, 31)


def test_the_status_buttons_say_what_they_did_and_an_unknown_choice_changes_nothing(client, area):
    p = participant(area)
    made = ad(p, "Iets")
    client.force_login(p.user)
    url = f"/{area.slug}/advertenties/{made.pk}/status/"
    response = client.post(url, {"action": "geholpen"}, follow=True)
    assert response.redirect_chain == [(f"/{area.slug}/advertenties/{made.pk}/", 302)]
    assert "De status is aangepast naar: geholpen." in response.content.decode()
    response = client.post(url, {"action": "weggooien"}, follow=True)
    assert response.redirect_chain == [(f"/{area.slug}/advertenties/{made.pk}/", 302)]
    assert "Die keuze kennen we niet. Er is niets veranderd." in response.content.decode()
    made.refresh_from_db()
    assert made.status == "geholpen"


def test_placed_by_broker_is_shown(client, area):
    p = participant(area, "Mevrouw", email=None)
    demo.seed_users(
        {"utrecht-zuid": area, "breda-hoge-vucht": demo.seed_areas()["breda-hoge-vucht"]}
    )
    from tijdvoorelkaar.accounts.models import User

    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    cat = Category.objects.get(area=area, name="Klussen")
    made, _ = services.create_ad(
        area=area,
        owner=p,
        kind="vraag",
        placed_by=broker,
        data={"title": "Lamp ophangen", "category": cat, "visibility": "public"},
    )
    html = listing(client, area)
    assert f'data-ad-id="{made.pk}"' in html
    assert "geplaatst met hulp van de sociaal makelaar" in html
