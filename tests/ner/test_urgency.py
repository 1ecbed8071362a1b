"""The urgency classifier: Czech cases (inflected, undiacritised, slang) and negatives,
and the false-alarm rate on real-looking reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ner.textutil import fold
from ner.urgency import UrgencyCategory, classify_urgency
from ner.urgency_bench import DEFAULT_HELDOUT, DEFAULT_LABELS, case_figures, corpus_figures

DATA = Path(__file__).parent / "data"
CASES = [json.loads(line) for line in (DATA / "urgency_cases.jsonl").read_text(
    encoding="utf-8").splitlines() if line.strip()]
DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "reports_dev.jsonl"
LABELS = json.loads(DEFAULT_LABELS.read_text(encoding="utf-8"))


def test_case_set_is_broad_enough():
    positives = [c for c in CASES if c["urgent"]]
    assert len(CASES) >= 80 and len(CASES) - len(positives) >= 25
    assert {c["category"] for c in positives} == {c.value for c in UrgencyCategory}
    assert sum(1 for c in CASES if c["text"] == fold(c["text"]).capitalize() or
               c["text"] == fold(c["text"])) >= 15  # written without diacritics


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:40])
def test_case(case):
    verdict = classify_urgency(case["text"])
    assert verdict.urgent == case["urgent"], case["text"]
    if case["urgent"]:
        assert case["category"] in verdict.categories
    else:
        assert verdict.category is None and verdict.categories == ()


@pytest.mark.parametrize("case", [c for c in CASES if c["urgent"]], ids=lambda c: c["text"][:40])
def test_same_verdict_on_the_detectors_normalisation(case):
    """Lowercased and undiacritised (``ner.textutil.fold``) text is classified alike."""
    assert classify_urgency(fold(case["text"])) == classify_urgency(case["text"])


@pytest.mark.parametrize("text", [
    "Zabiju se smíchy, když to vidím.", "Mamka mě zabije, až uvidí vysvědčení.",
    "V minecraftu mě zabil a pak mi ukradl diamanty.", "Máme vodní pistolky na výlet.",
    "Zkroutil mi zápěstí a smál se.", "Vzal mi nůžky a rozstříhal mi sešit.",
    "Strčil mě do skříňky.", "Řekl mi, že jsem blbec.", "", "   ", "!!!",
])
def test_figures_of_speech_and_ordinary_bullying_are_not_urgent(text):
    assert not classify_urgency(text).urgent


def test_all_categories_are_reported_in_order():
    verdict = classify_urgency("Má nůž. Řekl, že mě zabije. Chce se zabít.")
    assert verdict.category == UrgencyCategory.WEAPON
    assert verdict.categories == (UrgencyCategory.WEAPON, UrgencyCategory.THREAT_TO_KILL,
                                  UrgencyCategory.SUICIDE_SELF_HARM)


def test_bench_figures_on_the_cases():
    figures = case_figures(DATA / "urgency_cases.jsonl")
    assert figures["misses"] == [] and figures["false_alarms"] == []


@pytest.mark.parametrize("path", [DEV, DEFAULT_HELDOUT], ids=["dev", "heldout"])
def test_false_alarms_on_reports(path):
    """Ordinary bullying stays calm: at most 3 % false alarms among texts a person labelled
    not urgent, and no more than a sixth of all texts flagged (the dev corpus has ~11 %
    genuinely urgent reports: death threats, "ať se zabije", intimate photos)."""
    if not path.exists():
        pytest.skip(f"{path.name} not available")
    figures = corpus_figures(path, LABELS[path.name])
    calm = figures["texts"] - figures["labelled_urgent"]
    assert len(figures["false_alarms"]) <= 0.03 * calm, figures["false_alarms"]
    assert figures["flagged_share"] <= 1 / 6
    assert len(figures["misses"]) <= 0.2 * figures["labelled_urgent"], figures["misses"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gets_a_consistent_verdict(text):
    verdict = classify_urgency(text)
    assert verdict.urgent == bool(verdict.categories)
    assert verdict.category == (verdict.categories[0] if verdict.categories else None)
