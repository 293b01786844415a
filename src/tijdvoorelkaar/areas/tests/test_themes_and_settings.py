import pytest

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.areas import configuration
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace import categories
from tijdvoorelkaar.marketplace.models import Category
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def areas():
    areas = demo.seed_areas()
    demo.seed_users(areas)
    return areas


@pytest.fixture
def coordinator(client, areas):
    user = User.objects.get(email="coordinator@utrecht-zuid.test")
    client.force_login(user)
    return user


def form_data(area, **changes):
    data = {
        "name": area.name,
        "theme": area.theme,
        "matching_mode": area.matching_mode,
        "max_support_conversations": area.max_support_conversations,
        "follow_up_days": area.follow_up_days,
        "domain": area.domain or "",
        "new_category": "",
    }
    if area.time_credits_enabled:
        data["time_credits_enabled"] = "on"
    for category in Category.objects.filter(area=area):
        data[f"category_{category.pk}"] = category.name
    data.update(changes)
    return data


def test_each_area_loads_its_own_theme(client, areas):
    utrecht = client.get("/utrecht-zuid/").content.decode()
    breda = client.get("/breda-hoge-vucht/").content.decode()
    assert "css/themes/utrecht.css" in utrecht and "theme-utrecht" in utrecht
    assert "css/themes/breda.css" in breda and "theme-breda" in breda
    # Outside an area and for an unknown theme: the default, never a missing file.
    assert "css/themes/utrecht.css" in client.get("/").content.decode()
    Area.objects.filter(slug="utrecht-zuid").update(theme="bestaat-niet")
    assert "css/themes/utrecht.css" in client.get("/utrecht-zuid/").content.decode()


def test_area_on_its_own_domain(client, areas, settings):
    settings.ALLOWED_HOSTS = ["*"]
    Area.objects.filter(slug="breda-hoge-vucht").update(domain="tijdvoorelkaar-breda.nl")
    response = client.get("/", HTTP_HOST="tijdvoorelkaar-breda.nl")
    assert response.status_code == 302 and response["Location"] == "/breda-hoge-vucht/"
    assert client.get("/", HTTP_HOST="TijdVoorElkaar-Breda.nl:443")["Location"] == (
        "/breda-hoge-vucht/"
    )
    # Other addresses on that domain work as usual; the main domain still lists areas.
    assert client.get("/utrecht-zuid/", HTTP_HOST="tijdvoorelkaar-breda.nl").status_code == 200
    assert client.get("/", HTTP_HOST="testserver").status_code == 200


def test_coordinator_changes_settings_and_categories(client, areas, coordinator):
    area = areas["utrecht-zuid"]
    dieren = Category.objects.get(area=area, name="Dieren")
    response = client.post(
        "/utrecht-zuid/makelaar/instellingen/",
        form_data(
            area,
            name="Utrecht Zuid en Lunetten",
            theme="breda",
            matching_mode="broker",
            max_support_conversations="5",
            follow_up_days="91, 14,30",
            time_credits_enabled="on",
            domain="https://TVE-Zuid.example.nl/",
            new_category="Computerhulp",
            **{f"category_{dieren.pk}": "Huisdieren"},
        ),
    )
    assert response.status_code == 302
    area.refresh_from_db()
    assert area.name == "Utrecht Zuid en Lunetten"
    assert area.theme == "breda"
    assert area.matching_mode == "broker"
    assert area.max_support_conversations == 5
    assert area.follow_up_days == "14,30,91"
    assert area.time_credits_enabled
    assert area.domain == "tve-zuid.example.nl"
    dieren.refresh_from_db()
    assert dieren.name == "Huisdieren" and dieren.slug == "dieren"
    assert Category.objects.filter(area=area, name="Computerhulp", slug="computerhulp").exists()
    assert AuditEvent.objects.filter(action="area_settings_changed", area=area).exists()


def test_bad_input_changes_nothing(client, areas, coordinator):
    area = areas["utrecht-zuid"]
    Area.objects.filter(slug="breda-hoge-vucht").update(domain="bezet.nl")
    before = Area.objects.get(pk=area.pk)
    categories = list(Category.objects.filter(area=area).values_list("name", flat=True))
    for changes, message in [
        ({"follow_up_days": "twee weken"}, "hele getallen"),
        ({"domain": "geen domein"}, "geen geldige domeinnaam"),
        ({"domain": "bezet.nl"}, "al in gebruik"),
        ({"theme": "paars"}, "Selecteer een geldige keuze"),
        ({"new_category": "Dieren"}, "bestaat al"),
    ]:
        data = form_data(area, **{"name": "Veranderd", "new_category": "Nieuw", **changes})
        response = client.post("/utrecht-zuid/makelaar/instellingen/", data)
        assert response.status_code == 400, changes
        assert message in response.content.decode(), changes
    after = Area.objects.get(pk=area.pk)
    assert after.name == before.name and after.domain is None
    assert list(Category.objects.filter(area=area).values_list("name", flat=True)) == categories


def test_saving_without_a_change_says_so_as_information(client, areas, coordinator):
    area = areas["utrecht-zuid"]
    response = client.post("/utrecht-zuid/makelaar/instellingen/", form_data(area), follow=True)
    assert response.redirect_chain == [("/utrecht-zuid/makelaar/instellingen/", 302)]
    said = [(m.level_tag, str(m)) for m in response.context["messages"]]
    assert said == [("info", "Er was niets veranderd.")]
    assert not AuditEvent.objects.filter(action="area_settings_changed", area=area).exists()


def test_a_category_in_use_cannot_be_deleted(client, areas, coordinator):
    area = areas["utrecht-zuid"]
    used = Category.objects.get(area=area, name="Dieren")
    ad(participant(area, "Henk"), "Hond uitlaten", category="Dieren")
    free = Category.objects.get(area=area, name="Vervoer en begeleiding")
    page = client.get("/utrecht-zuid/makelaar/instellingen/").content.decode()
    assert f"delete_{free.pk}" in page and f"delete_{used.pk}" not in page
    client.post(
        "/utrecht-zuid/makelaar/instellingen/", form_data(area, **{f"delete_{free.pk}": "on"})
    )
    assert not Category.objects.filter(pk=free.pk).exists()
    with pytest.raises(configuration.SettingsError, match="wordt door advertenties gebruikt"):
        categories.delete_category(area, None, used)


@pytest.mark.parametrize(
    "email, expected",
    [
        ("makelaar@utrecht-zuid.test", 403),
        ("deelnemer@utrecht-zuid.test", 403),
        ("coordinator@breda-hoge-vucht.test", 403),
        ("coordinator@utrecht-zuid.test", 200),
    ],
)
def test_only_the_areas_coordinator(client, areas, email, expected):
    client.force_login(User.objects.get(email=email))
    assert client.get("/utrecht-zuid/makelaar/instellingen/").status_code == expected


def test_each_theme_has_its_own_logo(client):
    from tijdvoorelkaar.areas.models import Area
    from tijdvoorelkaar.demo import seed as demo

    demo.seed_areas()
    Area.objects.filter(slug="breda-hoge-vucht").update(theme="breda")
    utrecht = client.get("/utrecht-zuid/").content.decode()
    breda = client.get("/breda-hoge-vucht/").content.decode()
    assert "img/themes/utrecht.svg" in utrecht and "img/themes/breda.svg" in breda
