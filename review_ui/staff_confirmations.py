"""What each confirmed staff action says it will do (``review_ui.confirmation``).

One place for these sentences, so that each is checked against what the route really
does: removing a member, closing a case, sharing a report with a counsellor, revoking.
"""

from __future__ import annotations

from flask import url_for

from models import Counsellor, Report, SchoolMember
from ozvise.localtime import cs_date
from review_ui.confirmation import Confirmation


def removal_confirmation(member: SchoolMember) -> Confirmation:
    return Confirmation(
        f"Odebrat {member.name} z portálu školy?",
        (f"{member.name} ({member.email}) se do portálu Ozvi se už nepřihlásí: heslo, "
         "ověřovací aplikace, klíč ke hlášením školy i případná nepřijatá pozvánka "
         "se u tohoto účtu smažou.",
         "Hlášení, poznámky a auditní záznamy o tom, co tento člověk dělal, zůstanou.",
         "Vrátit to nejde. Přístup může dostat znovu jen novou pozvánkou."),
        "Ano, odebrat", url_for("portal.members"))


def closing_confirmation(report: Report) -> Confirmation:
    return Confirmation(
        f"Uzavřít hlášení z {cs_date(report.created_at)} jako vyřešené?",
        ("Hlášení se přesune mezi vyřešená a počítá se do doby vyřešení ve statistikách.",
         "Oznamovatel na stránce stavu uvidí „Škola hlášení uzavřela“ a že škola věc "
         "považuje za vyřešenou.",
         "Psát si s oznamovatelem půjde dál; hlášení můžete později vrátit do stavu "
         "„Řeší se“."),
        "Ano, uzavřít jako vyřešené", url_for("portal.report", report_id=report.id))


def sharing_confirmation(report: Report, counsellor: Counsellor, back: str) -> Confirmation:
    return Confirmation(
        f"Sdílet hlášení z {cs_date(report.created_at)} s poradcem {counsellor.name}?",
        (f"{counsellor.name} uvidí celé hlášení včetně jména a třídy oběti, celého textu "
         "a všech skrytých údajů.",
         "Konverzaci s oznamovatelem ani vaše interní poznámky neuvidí.",
         "Sdílení můžete kdykoli zrušit, ale co si poradce už přečetl, tím nezmizí."),
        "Ano, sdílet s poradcem", back)


def revoking_confirmation(counsellor: Counsellor | None, back: str) -> Confirmation:
    name = counsellor.name if counsellor else "Poradce"
    return Confirmation(
        f"Zrušit sdílení hlášení s poradcem {name}?",
        (f"{name} hlášení už neotevře: jeho klíč k tomuto hlášení se smaže.",
         "Rady, které už napsal, zůstanou u hlášení mezi poznámkami.",
         "Znovu sdílet půjde, ale jen dalším potvrzeným sdílením."),
        "Ano, zrušit sdílení", back)
