"""What a reporter is told about their report: one table, one row per situation.

A *situation* is the report's status refined by facts the pupil needs to understand it
(was the school's copy a PDF because the school has not registered, or has not been
verified yet? did the school write when it closed the report?). ``situation_of`` decides it
from metadata only (never a decryption, never who handled the report);
``STATUS_TEXTS`` says it, in the pupil's language. A new state is one row in the table and
one line in ``situation_of``.

``moderation_ahead`` is true only while a moderator has yet to look at the report, so the
page says "a moderator checks it first" only while that is true.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import LazyString, lazy_gettext
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from delivery.pdf_mail import KIND_REPORT_PDF
from delivery.pdf_passwords import password_in_portal
from models import Message, MessageAuthor, OutboxMessage, Report, ReportStatus, School
from models.trust import trusted_key

_ = lazy_gettext


@dataclass(frozen=True)
class StatusText:
    label: LazyString
    explanation: LazyString
    moderation_ahead: bool = False


STATUS_TEXTS: dict[str, StatusText] = {
    "pending": StatusText(
        _("Přijato, čeká na kontrolu"),
        _("Hlášení je bezpečně uložené. Teď ho zkontroluje moderátor platformy: ověří, že nejde "
          "o žert, a zkontroluje, že automatika skryla všechna jména. Vidí jen text bez jmen. "
          "Potom hlášení předáme škole."),
        moderation_ahead=True),
    "delivered": StatusText(
        _("Předáno škole"),
        _("Moderátor hlášení zkontroloval a předal ho škole do její zabezpečené aplikace. "
          "Škola ho zatím neotevřela."),
    ),
    "delivered_opened": StatusText(
        _("Škola hlášení otevřela"),
        _("Škola si hlášení přečetla. Až ho začne řešit nebo ti napíše, uvidíš to tady."),
    ),
    "pdf_unregistered": StatusText(
        _("Čeká, až se škola zaregistruje"),
        _("Moderátor hlášení zkontroloval. Tvoje škola ale zatím není v Ozvi se zaregistrovaná, "
          "a tak jsme jí hlášení poslali e-mailem jako zašifrované PDF. Heslo k němu škola "
          "dostane, až se zaregistruje; do té doby ho ve škole nikdo nepřečte. Když to nemůže "
          "čekat, řekni to prosím někomu dospělému, komu věříš, nebo zavolej na Linku "
          "bezpečí 116 111 (zdarma, nonstop)."),
    ),
    "pdf_registered": StatusText(
        _("Předáno škole jako PDF"),
        _("Moderátor hlášení zkontroloval a poslali jsme ho škole e-mailem jako PDF chráněné "
          "heslem. Heslo škola najde ve svém účtu v Ozvi se."),
    ),
    "pdf_awaiting_release": StatusText(
        _("Předáno škole jako PDF"),
        _("Moderátor hlášení zkontroloval a poslali jsme ho škole e-mailem jako PDF chráněné "
          "heslem. Hlášení přišlo dřív, než byla registrace školy ověřená, a tak heslo "
          "škola uvidí ve svém účtu v Ozvi se, až jí ho provozovatel předá."),
    ),
    "waiting_access": StatusText(
        _("Čeká, až škola získá přístup k hlášením"),
        _("Moderátor hlášení zkontroloval. Škola ho uvidí ve svém účtu v Ozvi se, až jí "
          "provozovatel předá hlášení, která přišla před ověřením její registrace. Když to "
          "nemůže čekat, řekni to prosím někomu dospělému, komu věříš, nebo zavolej na Linku "
          "bezpečí 116 111 (zdarma, nonstop)."),
    ),
    "spam": StatusText(
        _("Hlášení jsme škole nepředali"),
        _("Moderátor usoudil, že nejde o skutečné hlášení (třeba test nebo žert), a proto "
          "ho škole nepředal. Jestli to byla chyba, pošli hlášení prosím znovu a popiš, co se "
          "děje, vlastními slovy. Když potřebuješ pomoc hned, zavolej na Linku bezpečí "
          "116 111 (zdarma, nonstop)."),
    ),
    "in_progress": StatusText(
        _("Škola hlášení řeší"),
        _("Škola hlášení přečetla a řeší ho. Může ti sem napsat; ty jí můžeš odpovědět."),
    ),
    "resolved_message": StatusText(
        _("Škola hlášení uzavřela"),
        _("Škola považuje věc za vyřešenou a napsala ti zprávu – najdeš ji níže."),
    ),
    "resolved_silent": StatusText(
        _("Škola hlášení uzavřela"),
        _("Škola považuje věc za vyřešenou, zprávu ti nenapsala. Jestli se to děje dál, "
          "napiš jí níže nebo pošli nové hlášení."),
    ),
    "anonymised": StatusText(
        _("Hlášení je anonymizované"),
        _("Uplynula doba, po kterou hlášení uchováváme, a jeho obsah jsme nevratně smazali."),
    ),
}


def _school_wrote(session: Session, report: Report) -> bool:
    return bool(session.scalar(select(func.count(Message.id)).where(
        Message.report_id == report.id, Message.author == MessageAuthor.SCHOOL)))


def _pdf_mailed(session: Session, report: Report) -> bool:
    return session.scalars(select(OutboxMessage.id).where(
        OutboxMessage.kind == KIND_REPORT_PDF,
        OutboxMessage.dedupe_key.startswith(f"report-pdf:{report.id}:", autoescape=True))
        .limit(1)).first() is not None


def _awaiting_pdf_situation(session: Session, report: Report) -> str:
    """A passed report outside the portal: mailed as a PDF (is its password already in the
    school's account?) or waiting for the operator's release (no register address)."""
    if not _pdf_mailed(session, report):
        return "waiting_access"
    school = session.get(School, report.school_id)
    if school is None or trusted_key(school) is None:  # unregistered or not yet verified
        return "pdf_unregistered"
    if password_in_portal(session, school, report.id):
        return "pdf_registered"
    return "pdf_awaiting_release"


def situation_of(session: Session, report: Report) -> str:
    """The row of ``STATUS_TEXTS`` that tells this report's state truthfully."""
    status = report.status
    if status in (ReportStatus.PENDING_MODERATION, ReportStatus.SECOND_LOOK):
        return "pending"
    if status == ReportStatus.DELIVERED:
        return "delivered_opened" if report.read_by_school_at else "delivered"
    if status == ReportStatus.AWAITING_PDF:
        return _awaiting_pdf_situation(session, report)
    if status == ReportStatus.RESOLVED:
        return "resolved_message" if _school_wrote(session, report) else "resolved_silent"
    return {ReportStatus.SPAM: "spam", ReportStatus.IN_PROGRESS: "in_progress",
            ReportStatus.ANONYMISED: "anonymised"}.get(status, "pending")


def status_text(session: Session, report: Report) -> StatusText:
    return STATUS_TEXTS[situation_of(session, report)]


#: The short label by status alone (the JSON API's ``status_label``, the conversation page).
REPORTER_STATUS_LABELS: dict[ReportStatus, LazyString] = {
    ReportStatus.PENDING_MODERATION: STATUS_TEXTS["pending"].label,
    ReportStatus.SECOND_LOOK: STATUS_TEXTS["pending"].label,
    ReportStatus.SPAM: STATUS_TEXTS["spam"].label,
    ReportStatus.AWAITING_PDF: _("Předáváme škole"),
    ReportStatus.DELIVERED: STATUS_TEXTS["delivered"].label,
    ReportStatus.IN_PROGRESS: STATUS_TEXTS["in_progress"].label,
    ReportStatus.RESOLVED: STATUS_TEXTS["resolved_silent"].label,
    ReportStatus.ANONYMISED: STATUS_TEXTS["anonymised"].label,
}


def status_label(session: Session, report: Report) -> str:
    """The short label of this report's situation (the JSON API, the conversation page)."""
    return str(status_text(session, report).label)
