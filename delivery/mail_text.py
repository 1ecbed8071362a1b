"""The Czech texts of every e-mail delivery sends (no report content, ever, in a body)."""

from __future__ import annotations

REPORT_PDF_SUBJECT = "Nové anonymní hlášení šikany pro vaši školu (Ozvi se)"


def report_pdf_body(school_name: str, registration_url: str, password_known: bool) -> str:
    """Cover text of the e-mail that carries one encrypted report PDF."""
    if password_known:
        how_to_open = (
            "Heslo k PDF najdete po přihlášení v portálu školy v části „Heslo k PDF“ "
            "(platí pro všechna PDF vaší školy).")
    else:
        how_to_open = (
            "Heslo k PDF vám pošleme, jakmile se škola zaregistruje. Je jedno pro všechna "
            "hlášení vaší školy a PDF bez něj nelze otevřít – ani my ho na serveru nemáme.")
    return f"""Dobrý den,

prostřednictvím platformy Ozvi se (anonymní hlášení šikany) přišlo hlášení, které se
týká vaší školy: {school_name}. Hlášení prošlo kontrolou moderátora a je v příloze
jako PDF chráněné heslem (šifrování AES-256).

{how_to_open}

Jak školu zaregistrovat:
  1. Otevřete {registration_url}
  2. Vyplňte název právnické osoby a alespoň dvě kontaktní osoby (jméno, e-mail, telefon).
  3. Po ověření kontaktů vám pošleme přístup k heslu a další hlášení uvidíte
     v zabezpečeném portálu školy, kde můžete oznamovateli i anonymně odpovědět.

PDF obsahuje osobní údaje. Uložte ho zabezpečeně a nepřeposílejte ho nikomu, kdo se
případem nezabývá. Oznamovatel je anonymní; nesnažte se prosím zjistit, kdo hlášení poslal.

Ozvi se
"""


RELEASE_SUBJECT = "Hlášení vaší školy jsou nyní v portálu (Ozvi se)"


def release_body(school_name: str, portal_url: str, released: int, has_password: bool) -> str:
    """Notice to verified contacts after ``ozvise onboarding release`` (no secrets in it).

    The PDF password itself is not in the e-mail: the outbox keeps bodies at rest until
    they are sent, and the password must never rest in clear. Members see it after login.
    """
    how_to_open = (
        "Heslo k PDF, která vaše škola dostala e-mailem, najdete po přihlášení v portálu "
        "v části „Heslo k PDF“." if has_password else "")
    return f"""Dobrý den,

registrace školy {school_name} je dokončena. Hlášení, která pro vaši školu přišla před
registrací ({released}), jsme zpřístupnili vašemu klíči školy.

Přihlaste se do portálu školy: {portal_url}
{how_to_open}

Ozvi se
"""
