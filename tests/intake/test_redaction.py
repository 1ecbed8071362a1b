"""Field values and repetitions are hidden whatever the detector decided (no database)."""

from __future__ import annotations

import re

from intake.redaction import field_spans, redact
from ner import PLACEHOLDER_RE


def test_field_value_found_without_case_and_diacritics():
    text = "KAROLINA POKORNA a karolína pokorná a Karolína Pokorná"
    spans = field_spans(text, "Karolína Pokorná", "")
    whole = [text[s.start:s.end] for s in spans if " " in text[s.start:s.end]]
    assert whole == ["KAROLINA POKORNA", "karolína pokorná", "Karolína Pokorná"]


def test_class_value_in_its_spellings():
    text = "chodí do 6.B, dřív 6b a pak 6. b, ne 16.B ani 6.BC"
    found = [text[s.start:s.end] for s in field_spans(text, "", "6.B")]
    assert found == ["6.B", "6b", "6. b"]


def test_junk_name_field_is_still_hidden():
    # "test" is an ordinary word the detector rightly ignores; the field value must go anyway
    result = redact("Tohle je test, jestli to funguje. TEST.", "test", "")
    assert "test" not in result.text.lower()
    assert {item.original for item in result.items} == {"test", "TEST"}


def test_victim_mentions_share_one_placeholder():
    result = redact("Petr Novák brečí. Petrovi berou svačinu a petr to nikomu neřekne.",
                    "Petr Novák", "7.B")
    placeholders = {item.placeholder for item in result.items if item.label == "PERSON"}
    assert placeholders == {"[OSOBA 1]"}
    assert "etr" not in result.text and "Novák" not in result.text


def test_what_is_hidden_once_is_hidden_everywhere():
    text = "Kuba mi nadává. Pak kuba a KUBA znovu."
    result = redact(text, "", "")
    assert "kuba" not in result.text.lower()
    assert len({i.placeholder for i in result.items}) == 1


def test_redacted_text_keeps_everything_else():
    text = "Ve třídě 7.B mi Tomáš Marek píše na tomas.marek@example.cz, že mě zbije."
    result = redact(text, "", "")
    assert result.text.startswith("Ve třídě [TŘÍDA 1] mi [OSOBA 1] píše na [KONTAKT 1]")
    assert result.text.endswith(", že mě zbije.")
    rebuilt = PLACEHOLDER_RE.sub("", result.text)
    assert re.sub(r"\s+", " ", rebuilt).strip().startswith("Ve třídě mi píše na")
