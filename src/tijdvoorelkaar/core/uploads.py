"""Photo uploads: checked by their content, re-encoded, without metadata.

`process_image` trusts nothing the browser says (file name, content type). Pillow decides
what the bytes are; only JPEG, PNG and WebP stills are accepted. The picture is decoded,
turned upright (EXIF orientation), scaled down and written into a fresh image, so EXIF
(including GPS), XMP, comments and anything appended to the file are left behind. An ICC
colour profile may stay: it describes colours, not people.
"""

import secrets
import warnings
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from .errors import ServiceError

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
MAX_PIXELS = 40_000_000  # 40 megapixels: more than any phone photo at normal settings
JPEG_QUALITY = 85


class UploadRefused(ServiceError):
    """An upload we do not store; the message is fit to show to the person (translated)."""


def _not_a_photo() -> str:
    return _("Dit bestand is geen foto die we kunnen gebruiken. Kies een JPEG-, PNG- of WebP-foto.")


def _read(uploaded_file, max_bytes: int) -> bytes:
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > max_bytes:
        raise UploadRefused(_too_large(max_bytes))
    if hasattr(uploaded_file, "seek"):
        uploaded_file.seek(0)
    data = uploaded_file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadRefused(_too_large(max_bytes))
    if not data:
        raise UploadRefused(_("Het bestand is leeg. Kies een foto."))
    return data


def _too_large(max_bytes: int) -> str:
    megabytes = max_bytes / 1_000_000
    decimals = 0 if megabytes >= 1 else 1
    shown = number_format(round(megabytes, decimals), decimal_pos=decimals)
    return _("Deze foto is te groot. Een foto mag hoogstens %(megabytes)s MB zijn.") % {
        "megabytes": shown
    }


def _has_transparency(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        low, _high = rgba.getchannel("A").getextrema()
        return low < 255
    return False


def process_image(
    uploaded_file,
    *,
    max_bytes: int = 5_000_000,
    max_side: int = 1600,
    max_pixels: int = MAX_PIXELS,
) -> ContentFile:
    """A safe copy of an uploaded photo, ready to store, with a random file name.

    JPEG, or PNG when the picture is really transparent; at most `max_side` pixels wide
    and high. Raises `UploadRefused` (a message for the person) for anything else."""
    data = _read(uploaded_file, max_bytes)
    not_a_photo = _not_a_photo()
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(BytesIO(data), formats=ALLOWED_FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise UploadRefused(_too_many_pixels(max_pixels)) from None
        except Exception:  # Pillow raises many kinds of errors for hostile input
            raise UploadRefused(not_a_photo) from None
        # Some cameras write JPEGs with extra pictures inside (MPO); the first one counts.
        multi_picture_jpeg = image.format == "MPO"
        if image.format not in ALLOWED_FORMATS and not multi_picture_jpeg:
            raise UploadRefused(not_a_photo)
        width, height = image.size
        if width < 1 or height < 1:
            raise UploadRefused(not_a_photo)
        if width * height > max_pixels:
            raise UploadRefused(_too_many_pixels(max_pixels))
        animated = getattr(image, "is_animated", False) or getattr(image, "n_frames", 1) > 1
        if animated and not multi_picture_jpeg:
            raise UploadRefused(
                _("Bewegende afbeeldingen kunnen we niet gebruiken. Kies een gewone foto.")
            )
        try:
            if image.format in ("JPEG", "MPO"):
                # Decode big JPEGs at a reduced scale straight away: faster, less memory.
                image.draft("RGB", (max_side, max_side))
            image.load()
            icc_profile = image.info.get("icc_profile") if image.mode != "CMYK" else None
            image = ImageOps.exif_transpose(image)
            transparent = _has_transparency(image)
            image = image.convert("RGBA" if transparent else "RGB")
            image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            # A fresh image holds only pixels: no EXIF, XMP, comments or text chunks.
            clean = Image.frombytes(image.mode, image.size, image.tobytes())
        except UploadRefused:
            raise
        except Exception:
            raise UploadRefused(not_a_photo) from None

    out = BytesIO()
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if transparent:
        clean.save(out, format="PNG", optimize=True, **options)
        extension = "png"
    else:
        clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True, **options)
        extension = "jpg"
    return ContentFile(out.getvalue(), name=f"{secrets.token_hex(16)}.{extension}")


def _too_many_pixels(max_pixels: int) -> str:
    return _(
        "Deze foto heeft te veel beeldpunten (hoogstens %(megapixels)s megapixel). "
        "Kies een kleinere foto."
    ) % {"megapixels": max_pixels // 1_000_000}


STORED_IMAGE_TYPES = {"jpg": "image/jpeg", "png": "image/png"}


def serve_stored_image(field_file, *, cache_control: str):
    """A FileResponse for a photo stored by process_image (so JPEG or PNG); Http404 when
    there is none, the file is gone, or it is of another type. The caller has checked who
    may see it and says how it may be cached."""
    from django.http import FileResponse, Http404

    if not field_file:
        raise Http404
    content_type = STORED_IMAGE_TYPES.get(field_file.name.rsplit(".", 1)[-1].lower())
    if content_type is None:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = cache_control
    return response
