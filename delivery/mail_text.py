"""The Czech texts of every e-mail delivery sends (no report content, ever, in a body)."""

from __future__ import annotations

REPORT_PDF_SUBJECT = "Nové anonymní hlášení šikany pro vaši školu (Ozvi se)"


def report_pdf_body(school_name: str, report_id: str, registration_url: str,
                    passwords_url: str, password_in_portal: bool) -> str:
    """Cover text of the e-mail that carries one encrypted report PDF.

    Every PDF has its own password, never sent by e-mail: the school finds it in its
    portal next to the report's number (``report_id``, also printed in the PDF).
    ``password_in_portal``: the school is registered and its key already holds this
    password; otherwise it appears there after registration, verification and the
    operator's release (``ozvise onboarding release``).
    """
    if password_in_portal:
        how_to_open = (
            "Heslo k tomuto PDF najdete po přihlášení do portálu školy v části „Hesla k PDF“\n"
            f"({passwords_url}) u čísla hlášení uvedeného výše. Každé PDF má své vlastní heslo.")
    else:
        how_to_open = (
            "Heslo k tomuto PDF e-mailem neposíláme. Uvidíte ho v portálu školy v části\n"
            "„Hesla k PDF“ u čísla hlášení uvedeného výše, jakmile se škola zaregistruje,\n"
            "registraci ověříme a hlášení vaší škole zpřístupníme. Každé PDF má své vlastní\n"
            "heslo a v čitelné podobě ho nemáme ani my na serveru.")
    return f"""Dobrý den,

prostřednictvím platformy Ozvi se (anonymní hlášení šikany) přišlo hlášení, které se
týká vaší školy: {school_name}. Hlášení prošlo kontrolou moderátora a je v příloze
jako PDF chráněné heslem (šifrování AES-256).

Číslo hlášení: {report_id}

{how_to_open}

Jak školu zaregistrovat:
  1. Otevřete {registration_url}
  2. Vyplňte název právnické osoby a alespoň dvě kontaktní osoby (jméno, e-mail, telefon).
  3. Po ověření registrace najdete v portálu školy hesla ke všem PDF, která vám přišla.
     Na rozšířeném tarifu tam uvidíte i nová hlášení a můžete oznamovateli anonymně
     odpovědět.

PDF obsahuje osobní údaje. Uložte ho zabezpečeně a nepřeposílejte ho nikomu, kdo se
případem nezabývá. Oznamovatel je anonymní; nesnažte se prosím zjistit, kdo hlášení poslal.

Ozvi se
"""


RELEASE_SUBJECT = "Hlášení vaší školy jsou zpřístupněna (Ozvi se)"


def release_body(school_name: str, portal_url: str, released: int, passwords: int) -> str:
    """Notice to verified contacts after ``ozvise onboarding release`` (no secrets in it).

    The PDF passwords themselves are not in the e-mail: the outbox keeps bodies at rest
    until they are sent, and a password must never rest in clear. Members see them after
    login.
    """
    how_to_open = (
        "Hesla k PDF, která vaše škola dostala nebo ještě dostane e-mailem, najdete po "
        "přihlášení\nv portálu v části „Hesla k PDF“ u čísla hlášení uvedeného v každém PDF."
        if passwords else "")
    return f"""Dobrý den,

registrace školy {school_name} je dokončena. Hlášení, která pro vaši školu přišla před
registrací ({released}), jsme zpřístupnili vašemu klíči školy.

Přihlaste se do portálu školy: {portal_url}
{how_to_open}

Ozvi se
"""
