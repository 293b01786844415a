"""A resident adds a profile photo through the form, sees it, and a neighbour sees it."""

from io import BytesIO

import pytest
from PIL import Image

from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.browser


def test_resident_uploads_a_profile_photo(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    area = demo.seed_areas()["utrecht-zuid"]
    ayse = participant(
        area,
        "Ayse",
        neighbourhood="lunetten",
        email="ayse@example.org",
        password="ayse-wachtwoord-1",
    )
    fake = tmp_path / "vakantie.jpg"
    fake.write_text("Dit is geen foto maar een tekstbestand.\n")
    real = tmp_path / "ik.jpg"
    out = BytesIO()
    Image.new("RGB", (900, 1200), (180, 90, 60)).save(out, format="JPEG")
    real.write_bytes(out.getvalue())

    sign_in_with_password(page, "utrecht-zuid", "ayse@example.org", "ayse-wachtwoord-1")
    page.goto("/utrecht-zuid/mijn/")
    page.click("text=Mijn gegevens wijzigen")
    assert_accessible(page)
    page.set_input_files("#id_photo", str(fake))
    page.click("button:has-text('Opslaan')")
    assert "Dit bestand is geen foto die we kunnen gebruiken" in page.content()
    assert_accessible(page)

    page.set_input_files("#id_photo", str(real))
    page.check("#id_profile_visibility_0")  # iedereen
    page.click("button:has-text('Opslaan')")
    page.wait_for_url("**/mijn/")
    assert "Uw gegevens zijn opgeslagen." in page.content()
    photo = page.locator("img[alt='Uw profielfoto']")
    assert photo.evaluate("img => img.complete && img.naturalWidth") == 900
    assert_accessible(page)

    page.click("text=Bekijk mijn pagina zoals anderen hem zien")
    assert page.locator("img[alt='Foto van Ayse']").evaluate("img => img.naturalHeight") == 1200
    page.context.clear_cookies()
    page.goto(f"/utrecht-zuid/deelnemers/{ayse.pk}/")
    assert page.locator("img[alt='Foto van Ayse']").evaluate("img => img.naturalWidth") == 900
    assert_accessible(page)

    sign_in_with_password(page, "utrecht-zuid", "ayse@example.org", "ayse-wachtwoord-1")
    page.goto("/utrecht-zuid/mijn/gegevens/")
    page.check("#id_remove_photo")
    page.click("button:has-text('Opslaan')")
    page.wait_for_url("**/mijn/")
    assert page.locator("img[alt='Uw profielfoto']").count() == 0
    ayse.refresh_from_db()
    assert not ayse.photo
