"""A4 PDF documents with an embedded Unicode font, so every Czech diacritic renders.

Reuse it for any PDF the product makes (the report PDF here; e.g. the printable
recovery key in the portal)::

    from delivery.pdf_fonts import FONT_FAMILY, new_document, printable

    pdf = new_document()            # A4, margins set, one page added, regular 11 pt
    pdf.set_font(FONT_FAMILY, "B", 16)
    pdf.multi_cell(0, 8, printable("Záchranný klíč školy"), new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())

The font comes from the PyPI package ``fontpkg-pt-sans`` (PT Sans, OFL, covers Latin
Extended-A), so ``make run`` needs no system fonts; Debian's ``fonts-dejavu-core`` is the
fallback. Styles: ``""`` regular, ``"B"`` bold, ``"I"`` italic. ``printable`` replaces
characters the font lacks (emoji, rare scripts) by their code point, so no character of
a report is silently dropped.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF

FONT_FAMILY = "OzviSans"
_DEBIAN_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@lru_cache(maxsize=1)
def font_files() -> dict[str, Path]:
    """Style → TTF path: the PyPI font package first, Debian's DejaVu as the fallback."""
    try:
        from fontpkg_pt_sans import ROOT

        files = {"": "PT_Sans-Web-Regular.ttf", "B": "PT_Sans-Web-Bold.ttf",
                 "I": "PT_Sans-Web-Italic.ttf"}
        found = {style: ROOT / "files" / name for style, name in files.items()}
        if all(path.exists() for path in found.values()):
            return found
    except ImportError:
        pass
    found = {"": _DEBIAN_DEJAVU / "DejaVuSans.ttf", "B": _DEBIAN_DEJAVU / "DejaVuSans-Bold.ttf",
             "I": _DEBIAN_DEJAVU / "DejaVuSans-Oblique.ttf"}
    if all(path.exists() for path in found.values()):
        return found
    raise RuntimeError("no Unicode font found: pip install fontpkg-pt-sans "
                       "(or apt-get install fonts-dejavu-core)")


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points every style of the font can draw."""
    maps = [set(TTFont(path, lazy=True).getBestCmap()) for path in font_files().values()]
    return frozenset(set.intersection(*maps))


def printable(text: str) -> str:
    """NFC text with control characters dropped and glyph-less characters spelled out."""
    covered = _covered()
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char == "\n":
            out.append(char)
        elif char == "\t":
            out.append("    ")
        elif unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn"}:
            continue
        elif ord(char) in covered:
            out.append(char)
        else:
            out.append(f"[U+{ord(char):04X}]")
    return "".join(out)


def new_document() -> FPDF:
    """A4 portrait, 18 mm margins, automatic page breaks, the Unicode font in 3 styles."""
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(auto=True, margin=18)
    for style, path in font_files().items():
        pdf.add_font(FONT_FAMILY, style, str(path))
    pdf.set_creator("Ozvi se")
    pdf.add_page()
    pdf.set_font(FONT_FAMILY, "", 11)
    return pdf
