"""Encrypt a PDF with AES-256 (PDF 2.0, standard security handler revision 6) from a slot.

pypdf writes the encrypted file; we only hand it the slot's file key and the values
prepared under the school's password (``crypto.pdf_password``) instead of letting it
derive them from a password the server no longer has. Any reader (pypdf, poppler,
Acrobat) then opens the file with the school's password.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf._encryption import AlgV5
from pypdf.constants import UserAccessPermissions
from pypdf.generic import ByteStringObject, NameObject

from crypto.pdf_password import SlotValues

#: print, copy text (screen readers), fill forms; not modify
PERMISSIONS = (UserAccessPermissions.PRINT | UserAccessPermissions.EXTRACT
               | UserAccessPermissions.FILL_FORM_FIELDS
               | UserAccessPermissions.EXTRACT_TEXT_AND_GRAPHICS
               | UserAccessPermissions.PRINT_TO_REPRESENTATION)


def encrypt_with_slot(plain_pdf: bytes, slot: SlotValues) -> bytes:
    """The same document, AES-256 encrypted so that the slot's password opens it."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain_pdf)))
    # A throwaway password makes pypdf set up revision 6; then the slot replaces the file
    # key and every password-derived value before anything is written.
    writer.encrypt(user_password="placeholder", algorithm="AES-256",  # noqa: S106
                   permissions_flag=PERMISSIONS)
    encryption = writer._encryption
    entry = writer._encrypt_entry
    if encryption is None or entry is None or encryption.R != 6:
        raise RuntimeError("pypdf did not set up AES-256 revision 6 encryption")
    encryption._key = slot.file_key
    values = {"/U": slot.u_value, "/O": slot.o_value, "/UE": slot.ue_value,
              "/OE": slot.oe_value,
              "/Perms": AlgV5.compute_Perms_value(slot.file_key, encryption.P,
                                                  encryption.EncryptMetadata)}
    encryption.values.U, encryption.values.O = values["/U"], values["/O"]
    encryption.values.UE, encryption.values.OE = values["/UE"], values["/OE"]
    encryption.values.Perms = values["/Perms"]
    for name, value in values.items():
        entry[NameObject(name)] = ByteStringObject(value)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
