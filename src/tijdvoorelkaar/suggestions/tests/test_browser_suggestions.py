"""A broker looks for the right neighbour for a laptop question, in Chromium."""

import re

import pytest
from playwright.sync_api import expect

from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.suggestions import engine, inputs, meaning, services
from tijdvoorelkaar.suggestions.models import TextEmbedding
from tijdvoorelkaar.workspace.models import Intake

pytestmark = pytest.mark.browser


def test_broker_finds_computer_help_dismisses_one_and_proposes(page):
    services.clear_cache()
    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    liesbeth = participant(area, "Liesbeth", last_name="de Boer", neighbourhood="lunetten")
    liesbeth.languages = ["Turks", "Nederlands"]
    liesbeth.save()
    vraag = ad(liesbeth, "Mijn laptop doet raar, wie kan helpen?", category="Overig")
    serkan = participant(area, "Serkan", last_name="Demir", neighbourhood="hoograven")
    serkan.languages = ["Turks"]
    serkan.save()
    ad(serkan, "Ik help met computers en tablets", kind="aanbod", category="Computer en digitaal")
    kees = participant(area, "Kees", last_name="Smit", neighbourhood="tolsteeg")
    ad(kees, "Uitleg over de smartphone", kind="aanbod", category="Computer en digitaal")
    gerda = participant(area, "Gerda", last_name="Vos", neighbourhood="lunetten")
    ad(gerda, "Koffie en een praatje", kind="aanbod", category="Overig")
    Intake.objects.create(
        participant=gerda,
        held_on=area.created_at.date(),
        good_at="Vroeger systeembeheerder, ik ken alles van pc's",
        created_at=area.created_at,
    )
    henk = participant(area, "Henk", last_name="Bos", neighbourhood="rotsoord")
    ad(henk, "Ik maai uw gras", kind="aanbod", category="Tuin")

    sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto(f"/utrecht-zuid/makelaar/suggesties/{vraag.pk}/")
    assert page.locator("h1").inner_text() == "Wie zou kunnen helpen?"
    cards = page.locator("li.suggestion")
    top3 = [cards.nth(i).get_attribute("data-participant-id") for i in range(3)]
    assert str(serkan.pk) in top3
    serkan_card = page.locator(f"li.suggestion[data-participant-id='{serkan.pk}']")
    reasons = serkan_card.locator(".suggestion-reasons").inner_text()
    assert "biedt computerhulp" in reasons and "spreekt Turks" in reasons
    assert "buurt dichtbij" in reasons
    assert page.locator(f"li.suggestion[data-participant-id='{henk.pk}']").count() == 0
    assert_accessible(page)

    # Kees is not suitable: he disappears, and stays away after a reload.
    page.locator(f"li.suggestion[data-participant-id='{kees.pk}'] button").click()
    assert "wordt niet meer voorgesteld" in page.content()
    assert page.locator(f"li.suggestion[data-participant-id='{kees.pk}']").count() == 0
    page.reload()
    assert page.locator(f"li.suggestion[data-participant-id='{kees.pk}']").count() == 0
    assert page.locator(f"li.suggestion[data-participant-id='{gerda.pk}']").count() == 1
    assert_accessible(page)

    # One click starts the proposal with both people filled in.
    serkan_card.get_by_role("link", name="Voorstellen").click()
    assert "/makelaar/bemiddelingen/nieuw/" in page.url
    facts = page.locator("dl.profile-facts").inner_text()
    assert "Liesbeth de Boer" in facts and "Serkan Demir" in facts
    page.click("button:has-text('Voorstel vastleggen')")
    assert "Teksten om beiden te benaderen" in page.content()


def test_what_can_this_participant_do(page):
    services.clear_cache()
    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    fatma = participant(area, "Fatma", last_name="Kaya", neighbourhood="lunetten")
    ad(fatma, "Hulp met de belastingaangifte", category="Administratie en formulieren")
    Intake.objects.create(
        participant=fatma,
        held_on=area.created_at.date(),
        good_at="Naaien en kleding verstellen",
        likes_doing="koken",
        created_at=area.created_at,
    )
    bep = participant(area, "Bep", last_name="Jansen", neighbourhood="hoograven")
    ad(bep, "Wie kan mijn broek inkorten?", category="Overig")

    sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto(f"/utrecht-zuid/makelaar/suggesties/deelnemer/{fatma.pk}/")
    assert "Wie kan mijn broek inkorten?" in page.locator("li.suggestion").first.inner_text()
    assert_accessible(page)
    page.locator("li.suggestion").first.get_by_role("link", name="Voorstellen").click()
    facts = page.locator("dl.profile-facts").inner_text()
    assert "Bep Jansen" in facts and "Fatma Kaya" in facts


def test_an_english_request_finds_the_dutch_dog_walker(page):
    """On the demo data: a neighbour who writes English asks for a dog walker; the broker
    finds Fatima's Dutch offer among the first three, with reasons that say why."""
    services.clear_cache()
    area = demo.seed()["utrecht-zuid"]
    grace = participant(area, "Grace", last_name="Mensah", neighbourhood="hoograven")
    request = ad(
        grace,
        "Looking for someone to walk my dog",
        description="I broke my ankle and cannot go out for a few weeks.",
        category="Overig",
    )
    walker = Ad.objects.get(area=area, title="Ik laat uw hond uit")

    sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto(f"/utrecht-zuid/makelaar/suggesties/{request.pk}/")
    expect(page.locator("h1")).to_have_text("Wie zou kunnen helpen?")
    # Building the area's index had the texts embedded (inline in tests, no worker).
    for text in (engine.ad_text(inputs.ad_doc(row)) for row in [_row(request), _row(walker)]):
        assert TextEmbedding.objects.filter(area=area, digest=meaning.digest(text)).exists()
    cards = page.locator("li.suggestion")
    top3 = [cards.nth(i).get_attribute("data-participant-id") for i in range(3)]
    assert str(walker.owner_id) in top3
    card = page.locator(f"li.suggestion[data-participant-id='{walker.owner_id}']")
    reasons = card.locator(".suggestion-reasons").inner_text()
    assert "biedt hulp met de hond" in reasons
    for quoted in re.findall(r"‘([^’]+)’", reasons):
        assert len(quoted) >= 4
    assert_accessible(page)


def _row(ad_object):
    return Ad.objects.filter(pk=ad_object.pk).values_list(*inputs.AD_FIELDS).get()
