"""Encrypt a PDF with AES-256 (PDF 2.0, standard security handler revision 6).

pypdf writes the encrypted file with a fresh random file key (``secrets``) that lives only
in the writer; the caller's password is the user and the owner password. Any reader
(pypdf, poppler, Acrobat) then opens the file with that password.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter
from pypdf.constants import UserAccessPermissions

#: print, copy text (screen readers), fill forms; not modify
PERMISSIONS = (UserAccessPermissions.PRINT | UserAccessPermissions.EXTRACT
               | UserAccessPermissions.FILL_FORM_FIELDS
               | UserAccessPermissions.EXTRACT_TEXT_AND_GRAPHICS
               | UserAccessPermissions.PRINT_TO_REPRESENTATION)


def encrypt_pdf(plain_pdf: bytes, password: str,
                attachments: Sequence[tuple[str, bytes]] = ()) -> bytes:
    """The same document, AES-256 (revision 6) encrypted so that ``password`` opens it.

    ``attachments`` (file name, bytes) are embedded before encrypting, so they are
    encrypted with the document (the evidence PDFs a pupil sent, already sanitised).
    """
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain_pdf)))
    for name, data in attachments:
        writer.add_attachment(name, data)
    writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256",
                   permissions_flag=PERMISSIONS)
    encryption = writer._encryption
    if encryption is None or encryption.R != 6:
        raise RuntimeError("pypdf did not set up AES-256 revision 6 encryption")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
