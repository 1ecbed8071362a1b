"""Images re-encoded from their pixels only (Pillow), so no metadata can survive.

What goes in is decoded to pixels; what is stored is a *new* image made from those pixels
(``Image.frombytes``), which has no ``info`` at all, then encoded. EXIF (GPS, camera
serial, maker notes, thumbnails), XMP, IPTC, text chunks and ICC profiles therefore cannot
be copied along by accident, whatever the encoder does with ``info``. Before that the EXIF
orientation is applied (the picture looks as it did on the phone) and colours are
converted from an embedded ICC profile to sRGB, after which the profile is dropped.

PNG stays PNG (screenshots: lossless, text stays sharp); JPEG, WebP and HEIC become JPEG.
"""

from __future__ import annotations

import io
import struct
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageFile, ImageOps

from evidence.kinds import MAX_PIXELS, MIME_JPEG, MIME_PNG, STORED_PIXELS, Kind
from evidence.refusals import FileRefused, Reason

#: which Pillow format each sniffed kind must decode as (a mismatch is a damaged file)
_FORMATS = {Kind.JPEG: {"JPEG", "MPO"}, Kind.PNG: {"PNG"}, Kind.WEBP: {"WEBP"},
            Kind.HEIC: {"HEIF"}}
JPEG_QUALITY = 88


@dataclass(frozen=True)
class CleanImage:
    mime: str
    data: bytes
    width: int
    height: int


def _open(data: bytes, kind: Kind) -> Image.Image:
    if kind is Kind.HEIC:
        from pillow_heif import register_heif_opener

        register_heif_opener()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=sorted(_FORMATS[kind]))
            width, height = image.size
            if width * height > MAX_PIXELS or width < 1 or height < 1:
                raise FileRefused(Reason.TOO_MANY_PIXELS)
            image.load()  # decodes every byte: a truncated or corrupt file fails here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise FileRefused(Reason.TOO_MANY_PIXELS) from exc
    except FileRefused:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, MemoryError) as exc:
        raise FileRefused(Reason.DAMAGED) from exc
    return image


def _to_srgb(image: Image.Image) -> Image.Image:
    """Colours as the embedded ICC profile meant them, in sRGB (the profile is then dropped)."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "L", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        target_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"),
                                         outputMode=target_mode) or image
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: the pixels as they are


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info)


def sanitise_image(data: bytes, kind: Kind) -> CleanImage:
    """Decode, orient, convert to sRGB, rebuild from pixels, scale down, encode."""
    image = _open(data, kind)
    try:
        image = ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError):
        pass  # unreadable orientation: keep the pixels as stored
    image = _to_srgb(image)
    keep_png = kind is Kind.PNG
    mode = "RGBA" if _has_alpha(image) and keep_png else "RGB"
    if _has_alpha(image) and not keep_png:  # photos with transparency: on white
        rgba = image.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        canvas.alpha_composite(rgba)
        image = canvas
    pixels = image.convert(mode)
    clean = Image.frombytes(mode, pixels.size, pixels.tobytes())  # pixel data, nothing else
    width, height = clean.size
    if width * height > STORED_PIXELS:
        scale = (STORED_PIXELS / (width * height)) ** 0.5
        clean = clean.resize((max(1, int(width * scale)), max(1, int(height * scale))),
                             Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if keep_png:
        clean.save(out, format="PNG", optimize=False, compress_level=6)
        mime = MIME_PNG
    else:
        clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        mime = MIME_JPEG
    return CleanImage(mime=mime, data=out.getvalue(), width=clean.width, height=clean.height)
