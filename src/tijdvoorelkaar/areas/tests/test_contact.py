"""The organisation behind an area and its phone number: edited by the coordinator, shown
on every public page, in the privacy statement and on the notice-board papers."""

from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.outreach import pdf
from tijdvoorelkaar.outreach import services as outreach

pytestmark = pytest.mark.django_db

URL = "/utrecht-zuid/makelaar/instellingen/contact/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def png(size=(120, 60)) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def form_data(**changes):
    data = {
        "organisation_name": "Stichting Buurtkracht",
        "phone": "030 765 43 21",
        "phone_hours": "dinsdag en donderdag van 10.00 tot 12.00 uur",
        "contact_email": "buurt@buurtkracht.test",
        "visiting_address": "Dorpsstraat 1, 3500 AA Utrecht",
        "broker_first_name": "Ilse",
    }
    data.update(changes)
    return data


def test_the_demo_areas_can_be_phoned(client, areas):
    for area in areas.values():
        page = client.get(f"/{area.slug}/").content.decode()
        assert area.phone and f'href="{area.tel_uri}"' in page
        sign_up = client.get(f"/{area.slug}/aanmelden/").content.decode()
        assert f'href="{area.tel_uri}"' in sign_up


def test_coordinator_saves_and_every_public_page_shows_it(client, demo_coordinator, areas):
    client.force_login(demo_coordinator)
    response = client.post(URL, form_data())
    assert response.status_code == 302
    area = Area.objects.get(slug="utrecht-zuid")
    assert (area.phone, area.broker_first_name) == ("030 765 43 21", "Ilse")
    assert AuditEvent.objects.filter(action="area_contact_changed").count() == 1
    client.logout()
    for path in ("/utrecht-zuid/", "/utrecht-zuid/aanmelden/", "/utrecht-zuid/advertenties/"):
        page = client.get(path).content.decode()
        assert 'href="tel:+31307654321"' in page, path
        assert "Stichting Buurtkracht" in page and "dinsdag en donderdag" in page
    privacy = client.get("/utrecht-zuid/privacy/").content.decode()
    assert "uitgevoerd door Stichting Buurtkracht" in privacy
    assert "Dorpsstraat 1, 3500 AA Utrecht" in privacy
    # The other area keeps its own number.
    assert "030 765 43 21" not in client.get("/breda-hoge-vucht/").content.decode()


def test_a_wrong_number_is_refused_and_nothing_is_saved(client, demo_coordinator, areas):
    client.force_login(demo_coordinator)
    before = Area.objects.get(slug="utrecht-zuid")
    response = client.post(URL, form_data(phone="030 12"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "10 cijfers" in page
    assert "Stichting Buurtkracht" in page  # what was typed stays in the form
    after = Area.objects.get(slug="utrecht-zuid")
    assert (after.phone, after.organisation_name) == (before.phone, before.organisation_name)
    assert not AuditEvent.objects.filter(action="area_contact_changed").exists()


def test_a_file_that_is_no_picture_is_refused(client, demo_coordinator, areas):
    client.force_login(demo_coordinator)
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = client.post(URL, {**form_data(), "logo": fake})
    assert response.status_code == 400
    assert "geen foto" in response.content.decode()
    assert not Area.objects.get(slug="utrecht-zuid").logo


def test_logo_and_photo_are_served_publicly_and_can_be_removed(
    client, demo_coordinator, areas, django_capture_on_commit_callbacks
):
    client.force_login(demo_coordinator)
    files = {
        "logo": SimpleUploadedFile("logo.png", png(), content_type="image/png"),
        "broker_photo": SimpleUploadedFile("ilse.png", png((300, 300)), content_type="image/png"),
    }
    assert client.post(URL, {**form_data(), **files}).status_code == 302
    area = Area.objects.get(slug="utrecht-zuid")
    stored = area.logo.path
    client.logout()
    logo = client.get("/utrecht-zuid/logo/")
    assert logo.status_code == 200 and logo["Content-Type"] == "image/jpeg"
    assert client.get("/utrecht-zuid/makelaar-foto/").status_code == 200
    home = client.get("/utrecht-zuid/").content.decode()
    assert 'src="/utrecht-zuid/logo/"' in home and "/utrecht-zuid/makelaar-foto/" in home
    # Breda has no logo of its own: its theme's logo, and 404 at its address.
    assert client.get("/breda-hoge-vucht/logo/").status_code == 404

    client.force_login(demo_coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {**form_data(), "remove_logo": "on"})
    assert not Area.objects.get(slug="utrecht-zuid").logo
    assert not Path(stored).exists()


def test_staff_pages_do_not_carry_the_number_in_the_header(client, demo_broker, areas):
    client.force_login(demo_broker)
    page = client.get("/utrecht-zuid/makelaar/").content.decode()
    header = page.split("</header>")[0]
    assert "tel:" not in header


def pdf_text(content: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    return " ".join(text.split())


def test_the_notice_board_papers_print_the_number(areas):
    area = areas["utrecht-zuid"]
    for paper in (
        pdf.ads_list_pdf(outreach.ads_list(area)),
        pdf.poster_pdf(outreach.poster(area, "https://x.test")),
    ):
        text = pdf_text(paper)
        assert "Bel de sociaal makelaar: 030 123 45 67" in text
        assert "Welzijn Utrecht Zuid" in text and "maandag tot en met vrijdag" in text
        assert "Rivierenlaan 2, 3522 AB Utrecht" in text
