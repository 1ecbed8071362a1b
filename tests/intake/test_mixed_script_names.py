"""Czech reports that mix in Ukrainian (Cyrillic or transliterated) and Slovak names are
still pseudonymised before the moderator sees them (issue 17, item 6: pupils who speak
Ukrainian or Slovak write about their classmates by their own names)."""

from __future__ import annotations

import pytest

from intake.receipts import report_for_receipt
from tests.factories import moderators_text, register_school

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)

CASES = [
    ("Олег Шевченко mě každý den strká do skříňky a Богдана se směje.",
     ["Олег", "Шевченко", "Богдана"]),
    ("Oleh z 6.B mě mlátí, spolu s Bohdanem Kovalenkem.", ["Oleh", "Bohdan", "Kovalenk"]),
    ("Janko Hrušovský a Zuzka Kováčová ze 7.A mi berou svačinu.",
     ["Janko", "Hrušovsk", "Zuzka", "Kováčov"]),
    ("Dmytro Melnyk a Tetjana Bondarenková mi nadávají, že jsem Ukrajinka.",
     ["Dmytro", "Melnyk", "Tetjana", "Bondarenkov"]),
]


def test_mixed_script_and_slovak_names_are_hidden(client, session):
    school = register_school(session).school
    for text, names in CASES:
        response = client.post("/api/v1/reports", json={"school_id": school.id, "text": text})
        assert response.status_code == 201
        session.expire_all()
        report = report_for_receipt(session, response.get_json()["receipt"])
        redacted = moderators_text(session, report.id)
        assert not [n for n in names if n in redacted], redacted
        assert "[OSOBA" in redacted
