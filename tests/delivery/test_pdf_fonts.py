"""Fonts parsed once per process: the same pages, no state shared between documents."""

from __future__ import annotations

import io
import subprocess
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from pypdf import PdfReader

from delivery.pdf_report import ReportPdfContent, render_report_pdf

LONG = ("Ťuhýk Řehoř Čermák a Ůna Šťastná z 9.Ž berou Želmíře Ďurišové svačinu. "
        "Олена каже, що це триває з вересня 🙁\n") * 40


def _content(text: str = LONG, name: str = "Želmíra Ďurišová") -> ReportPdfContent:
    return ReportPdfContent(
        report_id="r0123456789", received_at=datetime(2026, 3, 2, 8, 15, tzinfo=UTC),
        school_name="ZŠ Testov, Školní 1", school_address="Školní 1, 123 45 Testov",
        red_izo="700000001", victim_name=name, victim_class="9.Ž", text=text,
        registration_url="http://127.0.0.1:5000/skola/registrace")


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _pixels(pdf: bytes, tmp_path, name: str) -> list[bytes]:
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "72", "-gray", str(source), str(tmp_path / name)],
                   check=True)
    return [p.read_bytes() for p in sorted(tmp_path.glob(f"{name}-*.pgm"))]


def _font_programs(pdf: bytes) -> list[bytes]:
    reader = PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    return [fonts[key].get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            .get_object()["/FontFile2"].get_object().get_data() for key in sorted(fonts)]


def test_reused_fonts_give_the_same_pages(tmp_path):
    plain = render_report_pdf(_content(), reuse_parsed_fonts=False)
    fast = render_report_pdf(_content(), reuse_parsed_fonts=True)
    assert len(PdfReader(io.BytesIO(fast)).pages) > 1
    assert _text(fast) == _text(plain)
    assert "Želmíra Ďurišová" in _text(fast)[0] and "[U+1F641]" in "".join(_text(fast))
    pages = _pixels(fast, tmp_path, "fast")
    assert len(pages) > 1 and pages == _pixels(plain, tmp_path, "plain")


def test_documents_share_no_font_state():
    short = _content(text="Krátké hlášení.", name="Petr")
    first = render_report_pdf(short)
    render_report_pdf(_content())  # many more glyphs in between
    again = render_report_pdf(short)
    assert _font_programs(again) == _font_programs(first)  # the same small subsets
    with ThreadPoolExecutor(max_workers=4) as pool:  # intake renders in server threads
        results = list(pool.map(lambda c: render_report_pdf(c),
                                [short, _content()] * 4))
    assert all(_text(r) == _text(first) for r in results[::2])
    assert all(_text(r) == _text(results[1]) for r in results[1::2])
