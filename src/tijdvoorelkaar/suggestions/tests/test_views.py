"""The suggestion pages: who may see them, what they show, and dismissals that stick."""

import pytest

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import services as mediation_services
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Stage
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.suggestions import services
from tijdvoorelkaar.suggestions.models import Dismissal
from tijdvoorelkaar.workspace.models import Intake

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    services.clear_cache()
    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    asker = participant(area, "Liesbeth", neighbourhood="lunetten")
    vraag = ad(asker, "Mijn laptop doet raar, wie kan helpen?", category="Overig")
    helpers = {}
    for name, nb, title, category in [
        ("Serkan", "hoograven", "Ik help met computers en tablets", "Computer en digitaal"),
        ("Joke", "lunetten", "Uitleg over de pc en e-mail", "Computer en digitaal"),
        ("Henk", "tolsteeg", "Ik maai uw gras", "Tuin"),
    ]:
        helpers[name] = participant(area, name, neighbourhood=nb)
        helpers[name].offer = ad(helpers[name], title, kind="aanbod", category=category)
    return area, vraag, helpers


URL = "/utrecht-zuid/makelaar/suggesties/{}/"


@pytest.mark.parametrize(
    "email, expected",
    [
        ("makelaar@utrecht-zuid.test", 200),
        ("coordinator@utrecht-zuid.test", 200),
        ("makelaar@breda-hoge-vucht.test", 403),
        ("financier@utrecht-zuid.test", 403),
        ("buurthuis@utrecht-zuid.test", 403),
        ("deelnemer@utrecht-zuid.test", 403),
    ],
)
def test_only_the_areas_staff(client, setup, email, expected):
    area, vraag, helpers = setup
    client.force_login(User.objects.get(email=email))
    assert client.get(URL.format(vraag.pk)).status_code == expected
    assert client.get(URL.format(f"deelnemer/{vraag.owner_id}")).status_code == expected


def test_anonymous_is_sent_to_sign_in_and_other_areas_ad_is_404(client, setup):
    area, vraag, helpers = setup
    response = client.get(URL.format(vraag.pk))
    assert response.status_code == 302 and "/utrecht-zuid/inloggen/" in response["Location"]
    client.force_login(User.objects.get(email="makelaar@breda-hoge-vucht.test"))
    assert client.get(f"/breda-hoge-vucht/makelaar/suggesties/{vraag.pk}/").status_code == 404
    assert (
        client.get(f"/breda-hoge-vucht/makelaar/suggesties/deelnemer/{vraag.owner_id}/").status_code
        == 404
    )
    client.force_login(User.objects.get(email="makelaar@utrecht-zuid.test"))
    assert client.get(URL.format(999999)).status_code == 404


def test_page_lists_computer_help_with_reasons_and_proposal_links(client, setup):
    area, vraag, helpers = setup
    client.force_login(User.objects.get(email="makelaar@utrecht-zuid.test"))
    html = client.get(URL.format(vraag.pk)).content.decode()
    assert "biedt computerhulp" in html
    assert "Ik maai uw gras" not in html
    serkan = helpers["Serkan"]
    assert f"?advertentie={vraag.pk}&amp;helper={serkan.pk}" in html


def test_dismissal_sticks_and_bad_input_changes_nothing(client, setup):
    area, vraag, helpers = setup
    joke = helpers["Joke"]
    client.force_login(User.objects.get(email="makelaar@utrecht-zuid.test"))
    dismiss = "/utrecht-zuid/makelaar/suggesties/niet-geschikt/"
    response = client.post(dismiss, {"advertentie": vraag.pk, "deelnemer": joke.pk})
    assert response.status_code == 302
    client.post(dismiss, {"advertentie": vraag.pk, "deelnemer": joke.pk})  # double click
    assert Dismissal.objects.count() == 1
    html = client.get(URL.format(vraag.pk)).content.decode()
    assert f'data-participant-id="{joke.pk}"' not in html
    assert f'data-participant-id="{helpers["Serkan"].pk}"' in html
    for data in (
        {"advertentie": "x", "deelnemer": joke.pk},
        {"advertentie": 999999, "deelnemer": joke.pk},
    ):
        response = client.post(dismiss, data)
        assert response.status_code == 400
        assert "bestaat niet" in response.content.decode()
    assert client.get(dismiss).status_code == 405
    assert Dismissal.objects.count() == 1


def test_constraints_from_the_database(client, setup):
    area, vraag, helpers = setup
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    serkan, joke = helpers["Serkan"], helpers["Joke"]
    # Serkan and Liesbeth tried before and it ended badly.
    m = mediation_services.propose(area=area, broker=broker, requester=vraag.owner, provider=serkan)
    mediation_services.end(m, actor=broker, reason="verwachtingen_verschilden")
    ids = [r.participant.pk for r in services.suggestions_for_ad(area, vraag)]
    assert serkan.pk not in ids and joke.pk in ids
    # Joke is paused: left out.
    joke.paused_until = clock.today()
    joke.save()
    assert joke.pk not in [r.participant.pk for r in services.suggestions_for_ad(area, vraag)]
    joke.paused_until = None
    joke.routing_stage = Stage.STOPPED
    joke.save()
    assert joke.pk not in [r.participant.pk for r in services.suggestions_for_ad(area, vraag)]


def test_busy_helper_gets_a_note(setup):
    area, vraag, helpers = setup
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    joke = helpers["Joke"]
    for n in range(3):
        other = participant(area, f"Ander{n}")
        m = mediation_services.propose(area=area, broker=broker, requester=other, provider=joke)
        Mediation.objects.filter(pk=m.pk).update(status=Mediation.Status.RUNNING)
    rows = services.suggestions_for_ad(area, vraag)
    row = next(r for r in rows if r.participant.pk == joke.pk)
    assert row.suggestion.notes == ["heeft al 3 lopende koppelingen"]


def test_what_can_this_participant_do_for_another(client, setup):
    area, vraag, helpers = setup
    asker = vraag.owner
    asker.interests = ["tuinieren"]
    asker.save()
    other = participant(area, "Bep", neighbourhood="rotsoord")
    grass = ad(other, "Wie maait mijn gazon?", category="Tuin")
    Intake.objects.create(
        participant=asker,
        held_on=clock.today(),
        good_at="Ik ben handig in de tuin, snoeien en maaien",
        likes_doing="buiten zijn",
        created_at=clock.now(),
    )
    client.force_login(User.objects.get(email="makelaar@utrecht-zuid.test"))
    html = client.get(URL.format(f"deelnemer/{asker.pk}")).content.decode()
    assert "Wie maait mijn gazon?" in html
    assert f"?advertentie={grass.pk}&amp;helper={asker.pk}" in html
    client.post(
        "/utrecht-zuid/makelaar/suggesties/niet-geschikt/",
        {"advertentie": grass.pk, "deelnemer": asker.pk, "terug": "deelnemer"},
    )
    html = client.get(URL.format(f"deelnemer/{asker.pk}")).content.decode()
    assert "wordt niet meer voorgesteld" in html
    assert f'data-ad-id="{grass.pk}"' not in html


def test_index_is_reused_until_ads_change(setup):
    area, vraag, helpers = setup
    first = services.index_for(area)
    assert services.index_for(area) is first
    ad(helpers["Henk"], "Ik help met de laptop", kind="aanbod", category="Overig")
    assert services.index_for(area) is not first
