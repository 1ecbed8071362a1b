"""Real files for the evidence tests, made here with Pillow and pikepdf (nothing downloaded).

Each photo carries what a phone would leak: GPS coordinates, the camera's make, model and
serial number, an owner name, a maker note and an embedded thumbnail, plus an orientation
flag, so a test can prove all of it is gone and the picture is upright.
"""

from __future__ import annotations

import io
import zipfile

import pikepdf
from PIL import Image

SERIAL = "SN-4711-GPS-LEAK-0042"
OWNER = "Jarmila Pokorná"
MAKE, MODEL = "LeakCam", "Spy 3000"
#: 50° 5' 12.5" N, 14° 25' 1.0" E (Prague)
GPS = {1: "N", 2: (50.0, 5.0, 12.5), 3: "E", 4: (14.0, 25.0, 1.0)}
MAKER_NOTE = b"MAKERNOTE-PRIVATE-BLOB"


def exif_block(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = MAKE
    exif[0x0110] = MODEL
    exif[0x013B] = OWNER           # Artist
    exif[0x0112] = orientation
    exif[0x8825] = GPS             # GPS IFD
    ifd = exif.get_ifd(0x8769)     # Exif IFD
    ifd[0xA431] = SERIAL           # BodySerialNumber
    ifd[0x927C] = MAKER_NOTE       # MakerNote
    return exif.tobytes()


def photo_with_gps(width: int = 400, height: int = 300, orientation: int = 6) -> bytes:
    """A JPEG 'photo' (left half red, right half blue) with EXIF GPS, serial and orientation."""
    image = Image.new("RGB", (width, height), (220, 30, 30))
    image.paste((30, 30, 220), (width // 2, 0, width, height))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif_block(orientation),
               icc_profile=b"", comment=f"owner {OWNER}".encode())
    return out.getvalue()


def screenshot_png(width: int = 360, height: int = 640, colour=(250, 250, 250),
                   text_chunk: str = OWNER) -> bytes:
    """A PNG 'screenshot' with a text chunk (tools write the author or the device there)."""
    from PIL import PngImagePlugin

    image = Image.new("RGB", (width, height), colour)
    image.paste((0, 120, 255), (20, 40, width - 20, 120))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", text_chunk)
    info.add_text("Serial", SERIAL)
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, exif=exif_block(1))
    return out.getvalue()


def decompression_bomb() -> bytes:
    """A tiny PNG (tens of kB) that would decode to 30 000 × 30 000 pixels (900 MP)."""
    out = io.BytesIO()
    Image.new("1", (30_000, 30_000)).save(out, "PNG", optimize=True)
    return out.getvalue()


def truncated_png() -> bytes:
    data = screenshot_png(800, 800, colour=(10, 200, 10))
    return data[: len(data) * 2 // 3]


def png_zip_polyglot() -> bytes:
    """A valid PNG followed by a valid ZIP archive: both a PNG viewer and unzip open it."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("payload.txt", "hidden second file")
    return screenshot_png() + archive.getvalue()


def pdf_with_javascript() -> bytes:
    """A one-page PDF with an OpenAction script, a JavaScript name tree, an embedded file,
    a form, an author in its info dictionary and an XMP metadata stream."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 300))
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 20 150 Td (Dukaz) Tj ET")
    script = pdf.make_indirect(pikepdf.Dictionary(
        S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('stealCookies()')")))
    pdf.Root.OpenAction = script
    embedded = pdf.make_stream(b"EMBEDDED-SECRET-FILE")
    embedded.Type = pikepdf.Name.EmbeddedFile
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("x"), script])),
        EmbeddedFiles=pikepdf.Dictionary(Names=pikepdf.Array([
            pikepdf.String("secret.txt"),
            pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String("secret.txt"),
                               EF=pikepdf.Dictionary(F=embedded))])))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array())
    pdf.Root.Metadata = pdf.make_stream(f"<x:xmpmeta>{OWNER}</x:xmpmeta>".encode())
    pdf.docinfo["/Author"] = OWNER
    out = io.BytesIO()
    pdf.save(out, compress_streams=False, fix_metadata_version=False)
    return out.getvalue()


def exe_named_jpg() -> bytes:
    """The start of a Windows executable (what an .exe renamed to .jpg really is)."""
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 50 + \
        b"PE\x00\x00" + b"\x90" * 400
