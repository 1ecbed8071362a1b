"""Sanitising real files: metadata gone, orientation applied, hostile files refused.

Runs the real sandboxed child process (``evidence.sandbox``) on files made by
``tests.evidence.files``; no database.
"""

from __future__ import annotations

import io

import pikepdf
import pytest
from PIL import Image

from evidence.jpeg_segments import strip_metadata_segments
from evidence.kinds import MIME_JPEG, MIME_PDF, MIME_PNG, Kind, sniff
from evidence.refusals import FileRefused, Reason
from evidence.sandbox import sanitise_upload
from tests.evidence import files

LEAKS = (files.SERIAL.encode(), files.OWNER.encode("utf-8"), files.MAKE.encode(),
         files.MODEL.encode(), files.MAKER_NOTE, b"Exif", b"GPS")


def _refused(data: bytes) -> Reason:
    with pytest.raises(FileRefused) as caught:
        sanitise_upload(data)
    return caught.value.reason


def test_photo_loses_gps_serial_and_every_metadata_and_is_turned_upright():
    original = files.photo_with_gps(400, 300, orientation=6)
    assert files.SERIAL.encode() in original and b"Exif" in original
    clean = sanitise_upload(original)
    assert clean.mime == MIME_JPEG
    for leak in LEAKS:
        assert leak not in clean.data, leak
    image = Image.open(io.BytesIO(clean.data))
    assert dict(image.getexif()) == {}
    assert not {"exif", "icc_profile", "xmp", "comment", "photoshop"} & set(image.info)
    # orientation 6 = rotate 90° clockwise: 400 × 300 stored, 300 × 400 shown; red on top
    assert image.size == (300, 400) == (clean.width, clean.height)
    top, bottom = image.getpixel((150, 20)), image.getpixel((150, 380))
    assert top[0] > 180 and top[2] < 80 and bottom[2] > 180 and bottom[0] < 80


def test_screenshot_stays_png_without_text_chunks_or_exif():
    clean = sanitise_upload(files.screenshot_png())
    assert clean.mime == MIME_PNG and (clean.width, clean.height) == (360, 640)
    for leak in LEAKS:
        assert leak not in clean.data
    image = Image.open(io.BytesIO(clean.data))
    assert image.text == {} and dict(image.getexif()) == {}
    assert image.getpixel((30, 50))[:3] == (0, 120, 255)  # the pixels are the same


def test_webp_is_read_and_stored_as_jpeg():
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (5, 200, 5)).save(out, "WEBP", exif=files.exif_block())
    assert sniff(out.getvalue()) is Kind.WEBP
    clean = sanitise_upload(out.getvalue())
    assert clean.mime == MIME_JPEG and files.SERIAL.encode() not in clean.data


def test_heic_from_a_phone_is_read_and_stored_as_jpeg():
    from pillow_heif import register_heif_opener

    register_heif_opener()
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 5, 5)).save(out, "HEIF", exif=files.exif_block())
    assert sniff(out.getvalue()) is Kind.HEIC
    clean = sanitise_upload(out.getvalue())
    assert clean.mime == MIME_JPEG and (clean.width, clean.height) == (64, 48)
    assert files.SERIAL.encode() not in clean.data


def test_decompression_bomb_is_refused_unread():
    bomb = files.decompression_bomb()
    assert len(bomb) < 200_000
    assert _refused(bomb) is Reason.TOO_MANY_PIXELS


def test_truncated_png_is_refused():
    assert _refused(files.truncated_png()) is Reason.DAMAGED


def test_png_that_is_also_a_zip_is_refused():
    polyglot = files.png_zip_polyglot()
    import zipfile

    assert zipfile.ZipFile(io.BytesIO(polyglot)).read("payload.txt")  # really both
    Image.open(io.BytesIO(polyglot)).load()
    assert _refused(polyglot) is Reason.POLYGLOT


def test_exe_renamed_jpg_is_refused_by_its_bytes():
    assert _refused(files.exe_named_jpg()) is Reason.WRONG_TYPE


def test_jpeg_signature_with_garbage_is_damaged_not_a_crash():
    assert _refused(b"\xff\xd8\xff\xe0" + b"\x00garbage" * 100) is Reason.DAMAGED


def test_oversize_and_empty_are_refused_before_any_parser():
    assert _refused(b"\xff\xd8\xff" + b"\x00" * (10 * 1024 * 1024)) is Reason.TOO_LARGE
    assert _refused(b"") is Reason.EMPTY


def test_pdf_loses_javascript_embedded_files_forms_and_metadata():
    original = files.pdf_with_javascript()
    assert b"stealCookies" in original and b"EMBEDDED-SECRET-FILE" in original
    clean = sanitise_upload(original)
    assert clean.mime == MIME_PDF and clean.pages == 1
    for leak in (b"stealCookies", b"EMBEDDED-SECRET-FILE", files.OWNER.encode("utf-8"),
                 b"JavaScript", b"EmbeddedFile", b"AcroForm", b"OpenAction"):
        assert leak not in clean.data, leak
    with pikepdf.open(io.BytesIO(clean.data)) as pdf:
        assert len(pdf.pages) == 1 and "/Info" not in pdf.trailer
        assert not set(pdf.Root.keys()) & {"/OpenAction", "/AcroForm", "/Metadata"}
        assert b"Dukaz" in pdf.pages[0].Contents.read_bytes()  # the content is still there


def test_password_protected_pdf_is_refused():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(user="tajne", owner="tajne"))
    assert _refused(out.getvalue()) is Reason.PDF_ENCRYPTED


def test_jpeg_inside_a_pdf_loses_its_exif():
    photo = files.photo_with_gps(orientation=1)
    stripped = strip_metadata_segments(photo)
    assert files.SERIAL.encode() not in stripped and b"Exif" not in stripped
    assert Image.open(io.BytesIO(stripped)).size == (400, 300)
    pdf = pikepdf.new()
    pdf.add_blank_page()
    image = pikepdf.Stream(pdf, photo)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = 400, 300, 8
    image.ColorSpace, image.Filter = pikepdf.Name.DeviceRGB, pikepdf.Name.DCTDecode
    pdf.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    out = io.BytesIO()
    pdf.save(out)
    assert files.SERIAL.encode() in out.getvalue()
    clean = sanitise_upload(out.getvalue())
    assert files.SERIAL.encode() not in clean.data


def test_large_photo_is_placed_in_the_report_pdf_at_print_size():
    from datetime import UTC, datetime

    from pypdf import PdfReader

    from delivery.pdf_report import PDF_IMAGE_SIDE, ReportPdfContent, render_report_pdf

    clean = sanitise_upload(files.photo_with_gps(4000, 3000, orientation=1))
    content = ReportPdfContent(
        report_id="r1", received_at=datetime.now(UTC), school_name="ZŠ", school_address="",
        red_izo="1", victim_name="", victim_class="", text="Text.", registration_url="x",
        attachments=(clean,))
    reader = PdfReader(io.BytesIO(render_report_pdf(content)))
    (placed,) = [image for page in reader.pages for image in page.images]
    shown = Image.open(io.BytesIO(placed.data))
    assert shown.size == (PDF_IMAGE_SIDE, PDF_IMAGE_SIDE * 3 // 4)
    assert len(placed.data) < len(clean.data)
