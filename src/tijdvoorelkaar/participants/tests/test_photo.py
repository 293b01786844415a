"""Profile photos: checked and cleaned on upload, shown only to who may see the page,
gone on erasure."""

from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.privacy import services as privacy

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2], gps[3], gps[4] = "N", (52.0, 5.0, 30.0), "E", (5.0, 7.0, 10.0)
    out = BytesIO()
    Image.new("RGB", (640, 480), (30, 140, 90)).save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def form_data(me, **extra):
    return {
        "display_name": "",
        "neighbourhood": me.neighbourhood_id,
        "intro": "",
        "languages_text": "",
        "interests_text": "",
        "phone": "",
        "profile_visibility": me.profile_visibility,
        **extra,
    }


def upload_photo(client, area, me, data: bytes, name="foto.jpg", **extra):
    photo = SimpleUploadedFile(name, data, content_type="image/jpeg")
    return client.post(f"/{area.slug}/mijn/gegevens/", form_data(me, photo=photo, **extra))


def test_uploaded_photo_is_stored_without_exif_or_gps(client, area, media):
    me = participant(area, "Ayse", neighbourhood="lunetten")
    client.force_login(me.user)
    assert Image.open(BytesIO(jpeg_with_gps())).getexif().get_ifd(GPS_IFD)
    response = upload_photo(client, area, me, jpeg_with_gps(), name="IMG_0001.jpg")
    assert response.status_code == 302
    me.refresh_from_db()
    assert me.photo.name.startswith("profielfoto/") and "IMG" not in me.photo.name
    stored = Path(media) / me.photo.name
    image = Image.open(stored)
    assert image.format == "JPEG" and not image.getexif() and "exif" not in image.info
    assert b"PhoneMaker" not in stored.read_bytes()
    served = client.get(f"/{area.slug}/deelnemers/{me.pk}/foto/")
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert b"".join(served.streaming_content) == stored.read_bytes()
    page = client.get(f"/{area.slug}/mijn/").content.decode()
    assert f"/{area.slug}/deelnemers/{me.pk}/foto/" in page and 'alt="Uw profielfoto"' in page


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"Dit is een tekstbestand met een .jpg-naam.\n" * 10, "foto.jpg", "geen foto"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 5_000_001, "groot.jpg", "te groot"),
    ],
)
def test_refused_upload_changes_nothing(client, area, media, data, name, message):
    me = participant(area, "Ayse", neighbourhood="lunetten")
    client.force_login(me.user)
    response = upload_photo(client, area, me, data, name=name, intro="Nieuwe tekst")
    assert response.status_code == 400
    assert message in response.content.decode()
    me.refresh_from_db()
    assert not me.photo and me.intro == ""
    assert not Path(media).exists() or not any(Path(media).rglob("*.*"))


def test_replacing_and_removing_deletes_the_old_file(
    client, area, media, django_capture_on_commit_callbacks
):
    me = participant(area, "Ayse", neighbourhood="lunetten")
    client.force_login(me.user)
    upload_photo(client, area, me, jpeg_with_gps())
    me.refresh_from_db()
    first = Path(media) / me.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        upload_photo(client, area, me, jpeg_with_gps())
    me.refresh_from_db()
    second = Path(media) / me.photo.name
    assert second.exists() and not first.exists()
    assert "Mijn foto verwijderen" in client.get(f"/{area.slug}/mijn/gegevens/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/{area.slug}/mijn/gegevens/", form_data(me, remove_photo="on"))
    me.refresh_from_db()
    assert not me.photo and not second.exists()
    assert client.get(f"/{area.slug}/deelnemers/{me.pk}/foto/").status_code == 404


def test_photo_follows_the_profile_visibility(client, area):
    me = participant(area, "Kees", neighbourhood="lunetten")
    client.force_login(me.user)
    upload_photo(client, area, me, jpeg_with_gps())
    me.refresh_from_db()
    url = f"/{area.slug}/deelnemers/{me.pk}/foto/"
    other = participant(area, "Buur")
    breda = participant(demo.seed_areas()["breda-hoge-vucht"], "Fatma")
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
        client.force_login(breda.user)  # a participant elsewhere counts as a visitor here
        assert client.get(url).status_code == anonymous, visibility
        assert client.get(f"/breda-hoge-vucht/deelnemers/{me.pk}/foto/").status_code == 404
    client.force_login(me.user)
    assert client.get(url).status_code == 200
    me.profile_visibility = "public"
    me.save()
    client.logout()
    profile = client.get(f"/{area.slug}/deelnemers/{me.pk}/").content.decode()
    assert url in profile and 'alt="Foto van Kees"' in profile
    assert client.post(url).status_code == 405


def test_photo_in_export_and_erased_with_the_person(
    client, area, media, django_capture_on_commit_callbacks
):
    me = participant(area, "Ayse", neighbourhood="lunetten")
    client.force_login(me.user)
    upload_photo(client, area, me, jpeg_with_gps())
    me.refresh_from_db()
    stored = Path(media) / me.photo.name
    exported = privacy.export_data(me.user)
    assert exported["deelname"][0]["gegevens"]["profielfoto"] == me.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase_person(me.user, reason="verzoek van de deelnemer")
    me.refresh_from_db()
    assert not me.photo and not stored.exists()
    assert client.get(f"/{area.slug}/deelnemers/{me.pk}/foto/").status_code == 404
