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

Speed (``scripts/bench_pdf.py``): a report PDF is rendered inside the intake request of
every school without portal access, so the fonts are parsed once per process, not once
per document. ``new_document`` deep-copies a template document whose three fonts were
added once (fpdf2's own ``TTFFont.__deepcopy__``, which it uses for dry-run rendering:
widths, glyph ids and the subset map are copied, the parsed cmap is shared read-only)
and then gives each copy what fpdf2 mutates while writing: its own font descriptor, and
its own lazily parsed ``TTFont`` (fpdf2 subsets that font in place at ``output()``), read
from the font file's bytes cached in memory. That ``TTFont`` keeps the glyphs' stored
bounding boxes instead of recomputing them (``recalcBBoxes=False``): the subsetter then
copies glyph data as is rather than decompiling and recompiling every glyph. The pages
(text, layout, glyph shapes, metadata) are the same as with freshly parsed fonts; only
the embedded subset's bytes differ (``tests/delivery/test_pdf_fonts.py`` compares the
text and the rendered pixels). ``new_document(reuse_parsed_fonts=False)`` is the plain
path, kept for that comparison and for the benchmark.
"""

from __future__ import annotations

import copy
import io
import unicodedata
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import TTFFont

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


def _page_setup(pdf: FPDF) -> FPDF:
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_creator("Ozvi se")
    pdf.add_page()
    pdf.set_font(FONT_FAMILY, "", 11)
    return pdf


def _with_fonts_parsed_now() -> FPDF:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    for style, path in font_files().items():
        pdf.add_font(FONT_FAMILY, style, str(path))
    return pdf


@lru_cache(maxsize=4)
def _font_bytes(path: Path) -> bytes:
    return Path(path).read_bytes()


@lru_cache(maxsize=1)
def _template() -> FPDF | None:
    """A page-less document with the fonts parsed once; never written out itself.

    ``None`` (use the plain path) if a font needed fpdf2's synthetic ``.notdef`` glyph,
    which lives only in the ``TTFont`` it was added to.
    """
    pdf = _with_fonts_parsed_now()
    for font in pdf.fonts.values():
        if not isinstance(font, TTFFont) or ".notdef" not in TTFont(
                io.BytesIO(_font_bytes(font.ttffile)), lazy=True)["glyf"]:
            return None
    return pdf


def _from_template(template: FPDF) -> FPDF:
    pdf = copy.deepcopy(template)
    pdf.creation_date = datetime.now(UTC)  # the copy's own, not the template's
    for font in pdf.fonts.values():
        font.desc = copy.deepcopy(font.desc)  # fpdf2 names and numbers it while writing
        font.ttfont = TTFont(io.BytesIO(_font_bytes(font.ttffile)), lazy=True,
                             recalcTimestamp=False, recalcBBoxes=False)
    return pdf


def new_document(*, reuse_parsed_fonts: bool = True) -> FPDF:
    """A4 portrait, 18 mm margins, automatic page breaks, the Unicode font in 3 styles.

    ``reuse_parsed_fonts=False`` parses the font files anew (slower; same pages).
    """
    template = _template() if reuse_parsed_fonts else None
    return _page_setup(_from_template(template) if template is not None
                       else _with_fonts_parsed_now())
