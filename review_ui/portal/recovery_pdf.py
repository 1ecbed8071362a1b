"""The printable recovery key: a one-page PDF with the key as text and as a QR code.

Made on request from the key the admin's browser sends back (the server never stores
the recovery key), in memory, and sent with ``no-store``. ``delivery.pdf_fonts`` embeds
a Unicode font, so Czech renders on any machine.
"""

from __future__ import annotations

import io

import segno
from flask import Response, render_template, request
from flask_login import current_user

from crypto.errors import DecryptionError
from crypto.school_keys import unlock_with_recovery
from delivery.pdf_fonts import FONT_FAMILY, new_document, printable
from models import School
from models.audit import record
from ozvise.db import db
from review_ui.auth import require
from review_ui.portal import bp

WARNING = ("Tento klíč odemyká všechna hlášení vaší školy. Uložte ho na bezpečné místo "
           "(trezor, zapečetěná obálka u ředitele). Kdo ho má, může hlášení číst.")
LOSS = ("Pokud zapomenou hesla všichni členové školy a ztratí se i tento klíč, hlášení "
        "už nikdo nepřečte – ani provozovatel Ozvi se.")


def render_recovery_pdf(school: School, recovery_key: str) -> bytes:
    pdf = new_document()
    pdf.set_title("Záchranný klíč – Ozvi se")
    pdf.set_font(FONT_FAMILY, "B", 20)
    pdf.multi_cell(0, 10, "Záchranný klíč školy", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT_FAMILY, "", 12)
    pdf.multi_cell(0, 7, printable(f"{school.name}\n{school.legal_entity_name or ''}"),
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(FONT_FAMILY, "B", 18)
    pdf.multi_cell(0, 10, recovery_key, new_x="LMARGIN", new_y="NEXT")
    qr = io.BytesIO()
    segno.make(recovery_key, error="m").save(qr, kind="png", scale=8, border=2)
    qr.seek(0)
    pdf.image(qr, w=60)
    pdf.ln(4)
    pdf.set_font(FONT_FAMILY, "", 12)
    pdf.multi_cell(0, 7, WARNING, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT_FAMILY, "B", 12)
    pdf.multi_cell(0, 7, LOSS, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@bp.post("/zachranny-klic.pdf")
@require("admin")
def recovery_pdf():
    """Only a key that really opens this school's key gets printed (no typo on paper)."""
    school: School = current_user.account.school
    school_key = school.active_key()
    recovery_key = (request.form.get("recovery_key") or "").strip()[:80]
    try:
        if school_key is None:
            raise DecryptionError("no key")
        unlock_with_recovery(school_key, recovery_key)
    except DecryptionError:
        return render_template("portal/message.html", title="Klíč nesouhlasí",
                               message="Zadaný záchranný klíč k vaší škole nepatří."), 400
    record(db(), current_user.get_id(), "school.recovery_pdf", f"school:{school.id}")
    db().commit()
    response = Response(render_recovery_pdf(school, recovery_key), mimetype="application/pdf")
    response.headers["Content-Disposition"] = 'attachment; filename="zachranny-klic.pdf"'
    return response
