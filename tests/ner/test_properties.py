"""Property tests (hypothesis): arbitrary Unicode never crashes, spans are well-formed, every
occurrence of a detected name is masked, redaction is idempotent, time stays bounded."""

import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ner import LABELS, pseudonymise

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = [
    "Petr",
    "petrovi",
    "Nováková",
    "kuba",
    "Kubou",
    "Liška",
    "černý",
    "7.B",
    "sexta",
    "@kuba_n",
    "777 123 456",
    "a",
    "mi",
    "bere",
    "svačinu",
    ",",
    ".",
    "\n",
    "Honzo",
    "Nguyen",
    "Thi",
    "Mai",
    "😀",
    "<b>",
    "</b>",
    "\u0000",
    "\u202e",
    "Ж",
    "مرحبا",
    "paní",
    "učitelka",
    "[OSOBA 1]",
    "J.",
    "H.",
]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=40).map("".join),
)


def well_formed(text, spans):
    prev_end = 0
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= prev_end, "spans overlap or are unsorted"
        assert s.label in LABELS
        prev_end = s.end


@SETTINGS
@given(
    text=texts,
    name=st.one_of(st.none(), st.text(max_size=20), st.sampled_from(["Petr Novák", "kuba"])),
)
def test_never_crashes_and_spans_well_formed(detector, text, name):
    spans = detector.detect(text, victim_name=name, victim_class=name)
    well_formed(text, spans)


@SETTINGS
@given(text=texts)
def test_every_occurrence_of_a_detected_name_is_masked(detector, text):
    spans = detector.detect(text)
    cover = bytearray(len(text))
    for s in spans:
        cover[s.start : s.end] = b"\1" * (s.end - s.start)
    for s in spans:
        if s.label != "PERSON":
            continue
        for word in re.findall(r"\w{2,}", text[s.start : s.end]):
            for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text):
                assert all(cover[m.start() : m.end()]), (word, text)


@SETTINGS
@given(text=texts)
def test_redacting_twice_changes_nothing(detector, text):
    once = pseudonymise(text, detector.detect(text)).text
    twice = pseudonymise(once, detector.detect(once)).text
    assert twice == once


def test_huge_input_bounded_time(detector):
    chunk = (
        "Petr Novák ze 7.B 😀 <script>alert(1)</script> \u0007 píše na 777 123 456. lukas a kuba. "
    )
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    # CPU time of this process, not wall time: a shared, loaded CI machine stretches wall time
    # (a 60 s wall bound once failed at 71 s), CPU time stays ~3 s; the bound is 20x that
    t0 = time.process_time()
    spans = detector.detect(text)
    assert time.process_time() - t0 < 60
    well_formed(text, spans)
    assert spans


def test_empty_and_whitespace(detector):
    assert detector.detect("") == []
    assert detector.detect(" \n\t ") == []
