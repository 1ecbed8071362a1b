"""PDFs rewritten by pikepdf (qpdf) without anything active or identifying.

Removed: JavaScript (document, page, annotation and field actions, the ``/JavaScript``
name tree), every action except links to a page or a web address, embedded files and
file-attachment annotations, forms (``/AcroForm``, including XFA), multimedia, the
document information dictionary and every XMP ``/Metadata`` stream, page piece info and
thumbnails. Metadata segments of JPEG images inside the PDF (EXIF with GPS, maker notes)
are cut out of their streams (``evidence.jpeg_segments``). qpdf writes only objects still
reachable from the document, so what was removed is not in the output at all. The result
is opened again and checked: if anything active is still found, the file is refused.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf

from evidence.jpeg_segments import strip_metadata_segments
from evidence.kinds import MAX_PDF_PAGES, MIME_PDF
from evidence.refusals import FileRefused, Reason

#: catalog entries removed outright
_CATALOG_KEYS = ("/OpenAction", "/AA", "/AcroForm", "/Metadata", "/Outlines", "/Threads",
                 "/SpiderInfo", "/PieceInfo", "/Perms", "/Collection", "/Legal",
                 "/Requirements", "/URI", "/StructTreeRoot", "/MarkInfo", "/Lang")
#: keys removed from every dictionary in the file
_ANYWHERE = ("/JS", "/JavaScript", "/AA", "/Metadata", "/PieceInfo", "/EmbeddedFiles",
             "/EmbeddedFile", "/RichMediaContent", "/XFA")
#: annotation types kept (markup and links); everything else goes
_SAFE_ANNOTATIONS = {"/Link", "/Text", "/Highlight", "/Underline", "/StrikeOut", "/Squiggly",
                     "/Square", "/Circle", "/Line", "/Polygon", "/PolyLine", "/Ink",
                     "/FreeText", "/Popup", "/Stamp", "/Caret"}
#: actions kept on links
_SAFE_ACTIONS = {"/URI", "/GoTo"}
#: actions that run something, send something or open another file: emptied wherever found
_DANGEROUS_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/ResetForm",
                      "/GoToR", "/GoToE", "/Rendition", "/Sound", "/Movie",
                      "/RichMediaExecute"}
#: names that must not occur in the result
_FORBIDDEN = {"/JS", "/JavaScript", "/EmbeddedFile", "/EmbeddedFiles", "/AcroForm",
              "/OpenAction", "/AA", "/Launch", "/SubmitForm", "/ImportData", "/XFA",
              "/RichMedia", "/Metadata", "/FileAttachment", "/Rendition",
              "/GoToR", "/GoToE"}


@dataclass(frozen=True)
class CleanPdf:
    mime: str
    data: bytes
    pages: int


def _clean_annotations(page: pikepdf.Page) -> None:
    annots = page.obj.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        if annots is not None:
            del page.obj["/Annots"]
        return
    kept = pikepdf.Array()
    for annot in annots:
        if not isinstance(annot, pikepdf.Dictionary):
            continue
        if str(annot.get("/Subtype", "")) not in _SAFE_ANNOTATIONS:
            continue
        action = annot.get("/A")
        safe = isinstance(action, pikepdf.Dictionary) and str(action.get("/S", "")) in _SAFE_ACTIONS
        if action is not None and not safe:
            del annot["/A"]
        for key in ("/AA", "/Parent"):
            if key in annot:
                del annot[key]
        kept.append(annot)
    page.obj["/Annots"] = kept


def _strip_everywhere(pdf: pikepdf.Pdf) -> None:
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            dictionary = obj.stream_dict
            if dictionary.get("/Subtype") == pikepdf.Name.Image and \
                    dictionary.get("/Filter") == pikepdf.Name.DCTDecode:
                raw = obj.read_raw_bytes()
                stripped = strip_metadata_segments(raw)
                if stripped != raw:
                    obj.write(stripped, filter=pikepdf.Name.DCTDecode)
        elif isinstance(obj, pikepdf.Dictionary):
            dictionary = obj
        else:
            continue
        for key in _ANYWHERE:
            if key in dictionary:
                del dictionary[key]
        if str(dictionary.get("/S", "")) in _DANGEROUS_ACTIONS:
            for key in list(dictionary.keys()):
                del dictionary[key]


def _forbidden_left(data: bytes) -> bool:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            dictionary = obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj
            if not isinstance(dictionary, pikepdf.Dictionary):
                continue
            if any(key in _FORBIDDEN for key in dictionary.keys()):
                return True
            if any(str(dictionary.get(key, "")) in _FORBIDDEN for key in ("/S", "/Type",
                                                                           "/Subtype")):
                return True
    return False


def sanitise_pdf(data: bytes) -> CleanPdf:
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError as exc:
        raise FileRefused(Reason.PDF_ENCRYPTED) from exc
    except (pikepdf.PdfError, ValueError, OSError) as exc:
        raise FileRefused(Reason.DAMAGED) from exc
    with pdf:
        try:
            pages = len(pdf.pages)
            if pages == 0:
                raise FileRefused(Reason.DAMAGED)
            if pages > MAX_PDF_PAGES:
                raise FileRefused(Reason.PDF_TOO_MANY_PAGES)
            root = pdf.Root
            for key in _CATALOG_KEYS:
                if key in root:
                    del root[key]
            names = root.get("/Names")
            if isinstance(names, pikepdf.Dictionary):
                dests = names.get("/Dests")
                root.Names = pikepdf.Dictionary(Dests=dests) if dests is not None \
                    else pikepdf.Dictionary()
            if "/Info" in pdf.trailer:
                del pdf.trailer["/Info"]
            for page in pdf.pages:
                for key in ("/AA", "/Metadata", "/PieceInfo", "/Thumb"):
                    if key in page.obj:
                        del page.obj[key]
                _clean_annotations(page)
            _strip_everywhere(pdf)
            out = io.BytesIO()
            pdf.save(out, encryption=False, fix_metadata_version=False,
                     object_stream_mode=pikepdf.ObjectStreamMode.generate,
                     compress_streams=True, deterministic_id=True)
        except FileRefused:
            raise
        except (pikepdf.PdfError, ValueError, KeyError, TypeError, OSError) as exc:
            raise FileRefused(Reason.DAMAGED) from exc
    cleaned = out.getvalue()
    if _forbidden_left(cleaned):
        raise FileRefused(Reason.DAMAGED)
    return CleanPdf(mime=MIME_PDF, data=cleaned, pages=pages)
