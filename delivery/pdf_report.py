"""The report as a Czech PDF, rendered in memory at intake (the only time plaintext exists).

The caller encrypts the bytes at once (``delivery.pdf_encryption``) and drops them; the
plain PDF is never written anywhere.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fpdf import FPDF
from PIL import Image

from delivery.pdf_fonts import FONT_FAMILY, new_document, printable
from evidence.kinds import MIME_PNG, neutral_name
from evidence.sandbox import CleanFile

#: longest side of an attached image as placed in the PDF
PDF_IMAGE_SIDE = 2400

NEXT_STEPS = (
    "Situaci prošetřete bez zbytečného odkladu, nejlépe se školním metodikem prevence "
    "nebo výchovným poradcem (Metodické doporučení MŠMT k prevenci a řešení šikany).",
    "Nejdřív zajistěte bezpečí toho, komu se ubližuje. Nekonfrontujte ho společně s těmi, "
    "kdo mu ubližují, a nepodnikejte nic, co by ho prozradilo.",
    "Oznamovatel je anonymní. Nesnažte se zjistit, kdo hlášení poslal.",
    "Zvažte spolupráci s rodiči, školským poradenským zařízením a v závažných případech "
    "s OSPOD nebo Policií ČR.",
    "Dokument obsahuje osobní údaje. Uložte ho zabezpečeně a nepřeposílejte ho nikomu, "
    "kdo se případem nezabývá.",
)


@dataclass(frozen=True)
class ReportPdfContent:
    """What the PDF shows: all of it in memory only."""

    report_id: str
    received_at: datetime
    school_name: str
    school_address: str
    red_izo: str
    victim_name: str
    victim_class: str
    text: str
    registration_url: str
    #: sanitised evidence files: images are placed in the PDF, PDFs attached inside it
    attachments: tuple[CleanFile, ...] = field(default=())


def local_time(moment: datetime) -> str:
    """``21. 11. 2026 14:05`` in Czech local time (UTC if the zone database is missing)."""
    try:
        moment = moment.astimezone(ZoneInfo("Europe/Prague"))
    except (ZoneInfoNotFoundError, ValueError):
        pass
    return f"{moment.day}. {moment.month}. {moment.year} {moment:%H:%M}"


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font(FONT_FAMILY, "B", 13)
    pdf.multi_cell(0, 7, printable(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT_FAMILY, "", 11)


def _field(pdf: FPDF, label: str, value: str) -> None:
    pdf.set_font(FONT_FAMILY, "B", 11)
    pdf.cell(45, 6.5, printable(label))
    pdf.set_font(FONT_FAMILY, "", 11)
    pdf.multi_cell(0, 6.5, printable(value) or "–", align="L", new_x="LMARGIN", new_y="NEXT")


def render_report_pdf(content: ReportPdfContent, *, reuse_parsed_fonts: bool = True) -> bytes:
    """An unencrypted PDF of the whole report (school, date, id, victim, text, next steps).

    ``reuse_parsed_fonts``: see ``delivery.pdf_fonts.new_document`` (False only to compare).
    """
    pdf = new_document(reuse_parsed_fonts=reuse_parsed_fonts)
    pdf.set_title("Hlášení šikany")
    pdf.set_font(FONT_FAMILY, "B", 18)
    pdf.multi_cell(0, 9, "Hlášení šikany – Ozvi se", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT_FAMILY, "I", 10)
    pdf.multi_cell(0, 5, "Anonymní hlášení žáka nebo svědka, předané platformou Ozvi se "
                         "po kontrole moderátorem.", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    _field(pdf, "Škola:", content.school_name)
    _field(pdf, "Adresa:", content.school_address)
    _field(pdf, "RED-IZO:", content.red_izo)
    _field(pdf, "Přijato:", local_time(content.received_at))
    _field(pdf, "Číslo hlášení:", content.report_id)
    _heading(pdf, "Komu se to děje")
    _field(pdf, "Jméno:", content.victim_name)
    _field(pdf, "Třída:", content.victim_class)
    _heading(pdf, "Popis od oznamovatele")
    pdf.multi_cell(0, 6, printable(content.text), align="L", new_x="LMARGIN", new_y="NEXT")
    if content.attachments:
        _attachment_list(pdf, content.attachments)
    _heading(pdf, "Co má škola udělat dál")
    for step in NEXT_STEPS:
        pdf.multi_cell(0, 6, f"• {step}", align="L", new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, "Jak se zaregistrovat")
    pdf.multi_cell(0, 6, printable(
        "Zaregistrujte školu na adrese " + content.registration_url + " (název právnické "
        "osoby a alespoň dvě kontaktní osoby). Po ověření registrace najdete hesla ke všem "
        "PDF, která vaše škola dostala, v zabezpečeném portálu školy u čísla hlášení "
        "(každé PDF má své heslo); na rozšířeném tarifu tam uvidíte i nová hlášení a můžete "
        "oznamovateli anonymně odpovědět."), align="L", new_x="LMARGIN", new_y="NEXT")
    for number, clean in enumerate(content.attachments, start=1):
        if clean.is_image:
            _image_page(pdf, number, clean)
    return bytes(pdf.output())


def _attachment_list(pdf: FPDF, attachments: tuple[CleanFile, ...]) -> None:
    """What came with the report, and where each file is in this document."""
    _heading(pdf, "Přílohy od oznamovatele")
    pdf.multi_cell(0, 6, "Soubory jsme před uložením očistili: z fotek jsou odstraněné údaje "
                         "o místě a zařízení, z PDF skripty, formuláře a metadata.",
                   align="L", new_x="LMARGIN", new_y="NEXT")
    for number, clean in enumerate(attachments, start=1):
        where = ("obrázek na konci tohoto dokumentu" if clean.is_image else
                 "dokument PDF vložený do tohoto PDF jako příloha (v prohlížeči PDF panel "
                 "„Přílohy“ nebo ikona sponky)")
        pdf.multi_cell(0, 6, f"• Příloha {number} ({neutral_name(number, clean.mime)}): {where}",
                       align="L", new_x="LMARGIN", new_y="NEXT")


def _image_page(pdf: FPDF, number: int, clean: CleanFile) -> None:
    """One attached image on a page of its own, as large as the page allows."""
    pdf.add_page()
    pdf.set_font(FONT_FAMILY, "B", 12)
    pdf.cell(0, 8, f"Příloha {number} ({neutral_name(number, clean.mime)})",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT_FAMILY, "", 11)
    room_w, room_h = pdf.epw, pdf.eph - 12
    data, width, height = _for_print(clean)
    scale = min(room_w / width, room_h / height)
    pdf.image(io.BytesIO(data), w=width * scale, h=height * scale)


def _for_print(clean: CleanFile) -> tuple[bytes, int, int]:
    """The image at most ``PDF_IMAGE_SIDE`` pixels on its longer side: an A4 page shows no
    more (about 290 dpi), and the mailed PDF stays small enough for school mailboxes. The
    bytes are the sanitiser's own output, so decoding them here is safe."""
    width, height = max(clean.width, 1), max(clean.height, 1)
    if max(width, height) <= PDF_IMAGE_SIDE:
        return clean.data, width, height
    image = Image.open(io.BytesIO(clean.data))
    image.thumbnail((PDF_IMAGE_SIDE, PDF_IMAGE_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if clean.mime == MIME_PNG:
        image.save(out, format="PNG")
    else:
        image.save(out, format="JPEG", quality=85)
    return out.getvalue(), image.width, image.height
