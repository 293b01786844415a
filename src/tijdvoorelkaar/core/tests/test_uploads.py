"""Photo uploads: the content decides, metadata goes, bombs and animations are refused."""

import struct
import zlib
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tijdvoorelkaar.core.uploads import UploadRefused, process_image

GPS_IFD = 0x8825


def photo_bytes(fmt="JPEG", size=(800, 600), mode="RGB", color=(200, 120, 40), **save) -> bytes:
    out = BytesIO()
    Image.new(mode, size, color).save(out, format=fmt, **save)
    return out.getvalue()


def jpeg_with_exif(size=(2400, 1800)) -> bytes:
    image = Image.new("RGB", size, (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0131] = "Camera app 1.0"  # Software
    exif[0x0112] = 6  # Orientation: rotate 90 degrees to show upright
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (52.0, 5.0, 30.0)
    gps[3] = "E"
    gps[4] = (5.0, 7.0, 10.0)
    out = BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes(), comment=b"secret comment")
    return out.getvalue()


def upload(data: bytes, name="foto.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def reopen(content) -> Image.Image:
    image = Image.open(BytesIO(content.read()))
    image.load()
    return image


def test_exif_and_gps_are_stripped_and_the_photo_turned_upright():
    raw = jpeg_with_exif()
    original = Image.open(BytesIO(raw))
    assert original.getexif().get_ifd(GPS_IFD), "test photo should carry GPS data"
    stored = process_image(upload(raw))
    image = reopen(stored)
    assert image.format == "JPEG"
    assert not image.getexif() and "exif" not in image.info
    assert "comment" not in image.info and "xmp" not in image.info
    assert b"PhoneMaker" not in stored.open().read()
    # 2400x1800 with orientation 6 is a portrait photo: scaled to at most 1600 high.
    assert image.size == (1200, 1600)


def test_random_name_and_jpeg_for_opaque_images():
    first = process_image(upload(photo_bytes("PNG"), name="mijn huis.png"))
    second = process_image(upload(photo_bytes("PNG"), name="mijn huis.png"))
    assert first.name.endswith(".jpg") and first.name != second.name
    assert "huis" not in first.name and len(first.name) == 36


def test_transparent_png_stays_png_and_webp_is_accepted():
    transparent = process_image(upload(photo_bytes("PNG", mode="RGBA", color=(0, 0, 0, 0))))
    assert transparent.name.endswith(".png") and reopen(transparent).mode == "RGBA"
    webp = process_image(upload(photo_bytes("WEBP"), name="a.webp", content_type="image/webp"))
    assert reopen(webp).format == "JPEG"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"Dit is gewoon tekst, geen foto.\n" * 20, "geen foto die we kunnen gebruiken"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "geen foto die we kunnen gebruiken"),
        (b"GIF89a" + b"\x00" * 100, "geen foto die we kunnen gebruiken"),
        (b"", "Het bestand is leeg"),
    ],
)
def test_type_is_decided_by_content_not_by_name(data, message):
    with pytest.raises(UploadRefused, match=message):
        process_image(upload(data, name="vakantie.jpg", content_type="image/jpeg"))


def test_gif_and_bmp_are_refused_even_when_they_are_real_images():
    for fmt in ("GIF", "BMP", "TIFF"):
        with pytest.raises(UploadRefused, match="JPEG-, PNG- of WebP"):
            process_image(upload(photo_bytes(fmt), name="foto.png"))


def test_truncated_jpeg_is_refused():
    data = photo_bytes("JPEG", size=(1000, 1000))
    with pytest.raises(UploadRefused, match="geen foto"):
        process_image(upload(data[: len(data) // 3]))


def test_too_large_file_is_refused_before_decoding():
    data = photo_bytes("PNG", size=(50, 50)) + b"\x00" * 6_000_000
    with pytest.raises(UploadRefused, match="hoogstens 5 MB"):
        process_image(upload(data, name="foto.png"))
    with pytest.raises(UploadRefused, match="hoogstens 0,1 MB"):
        process_image(upload(b"x" * 200_000), max_bytes=100_000)


def png_bomb(width: int, height: int) -> bytes:
    """A tiny PNG whose header promises width x height pixels (a decompression bomb)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    rows = zlib.compress(b"\x00" * (1 + width // 8) * 4)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("side", [7_000, 20_000, 60_000])
def test_pixel_bomb_is_refused(side):
    # 7000 x 7000 is over our limit (49 megapixel), 20000 x 20000 over Pillow's own
    # warning level, 60000 x 60000 over Pillow's hard limit: all refused the same way.
    data = png_bomb(side, side)
    assert len(data) < 20_000
    with pytest.raises(UploadRefused, match="te veel beeldpunten"):
        process_image(upload(data, name="klein.png"))


def test_animated_images_are_refused():
    frames = [Image.new("RGB", (40, 40), c) for c in ((255, 0, 0), (0, 255, 0))]
    for fmt in ("PNG", "WEBP"):
        out = BytesIO()
        frames[0].save(out, format=fmt, save_all=True, append_images=frames[1:], duration=100)
        with pytest.raises(UploadRefused, match="Bewegende afbeeldingen"):
            process_image(upload(out.getvalue(), name=f"a.{fmt.lower()}"))


def test_small_photo_keeps_its_size():
    image = reopen(process_image(upload(photo_bytes(size=(300, 200)))))
    assert image.size == (300, 200)
