"""The normalisation layer: disguises undone, and an exact map back to the original."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ner.normalise import normalise

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = ["Petr", "Novák", "ᴘᴇᴛʀ", "Pеtr", "P3tr", "N0vák", "P e t r", "P.e.t.r", "UUU", "a",
          " ", ".", "\n", "7.B", "kuba2011", "\u200b", "\u00ad", "\u200c", "\u200d", "\u2060",
          "\ufeff", "\u202e", "e\u0301", "ﬁ", "Ｐｅｔｒ", "𝐏𝐞𝐭𝐫", "½", "ß", "İ", "😀", "x"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Pe\u200btr No\u200bvák", "Petr Novák"),
        ("Pe\u00adtr", "Petr"),
        ("Pe\u200ctr Nov\u200dák\u2060", "Petr Novák"),
        ("\ufeffPetr", "Petr"),
        ("P e t r N o v á k je", "Petr Novák je"),
        ("P.e.t.r", "Petr"),
        ("P-e-t-r", "Petr"),
        ("ᴘᴇᴛʀ ɴᴏᴠáᴋ", "PETR NOVÁK"),
        ("Pеtr Nоvák", "Petr Novák"),  # Cyrillic е and о
        ("Ρetr", "Petr"),  # Greek capital rho
        ("P3tr N0vák", "Petr Novák"),
        ("PEPÍKUUU", "PEPÍKU"),
        ("Ｐｅｔｒ", "Petr"),
        ("Nova\u0301k", "Novák"),
    ],
)
def test_disguises_are_undone(raw, expected):
    assert normalise(raw).text == expected


@pytest.mark.parametrize(
    "kept",
    ["kuba2011 4T2 8815", "S 420 123 456 789", "www.seznam.cz", "VIII.B a XXX", "J.R.R. Tolkien",
     "Anna a Ota", "7.B, 6a, 2.M", "Петро Шевченко", "a i v", "Mp3"],
)
def test_ordinary_text_is_left_alone(kept):
    assert normalise(kept).text == kept


def _check_map(text: str) -> None:
    norm = normalise(text)
    if not norm.changed:
        assert norm.text == text
        return
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    if not norm.text:
        assert all(unicodedata.category(ch) == "Cf" or ch == "\u034f" for ch in text)
        return
    previous_end = 0
    for i in range(len(norm.text)):
        start, end = norm.to_original(i, i + 1)
        assert 0 <= start < end <= len(text)
        assert start >= norm.starts[max(0, i - 1)]  # monotone
        previous_end = max(previous_end, end)
    covered = set()
    for i in range(len(norm.text)):
        covered.update(range(*norm.to_original(i, i + 1)))
    # every original character that is not dropped whitespace/format is covered by some char
    for k, ch in enumerate(text):
        if k not in covered:
            assert ch.isspace() or ch in ".-_*·" or unicodedata.category(ch) == "Cf" \
                or ch in "\u034f" or 0xFE00 <= ord(ch) <= 0xFE0F, (text, k, ch)
    # a whole-text span maps onto the whole original (up to dropped edges)
    start, end = norm.to_original(0, len(norm.text))
    assert start <= min(covered) and end >= max(covered) + 1


@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
@SETTINGS
def test_map_is_exact_on_disguised_text(text):
    _check_map(text)


@given(st.text(max_size=60))
@SETTINGS
def test_map_is_exact_on_any_unicode(text):
    _check_map(text)


@given(st.lists(st.sampled_from(["Petr", "Novák", "Kuba", "Eliška"]), min_size=1, max_size=3),
       st.lists(st.sampled_from(["\u200b", "\u00ad", "\u200c", "\u200d", "\u2060", "\ufeff"]),
                min_size=1, max_size=4), st.randoms(use_true_random=False))
@SETTINGS
def test_name_with_invisible_characters_maps_to_all_of_it(names, invisible, rnd):
    name = " ".join(names)
    chars = list(name)
    for ch in invisible:
        pos = rnd.randint(1, len(chars) - 1)
        chars.insert(pos, ch)
    disguised = "".join(chars)
    text = f"včera {disguised} brečel"
    norm = normalise(text)
    at = norm.text.index(name)
    start, end = norm.to_original(at, at + len(name))
    original = text[start:end]
    assert "".join(c for c in original if unicodedata.category(c) != "Cf") == name
    assert start == text.index(disguised[0]) and end == text.index(disguised) + len(disguised) \
        or original.strip("\u200b\u00ad\u200c\u200d\u2060\ufeff") == original
    # no invisible character of the disguised name is left outside the span
    first, last = text.index(disguised), text.index(disguised) + len(disguised)
    inner = [k for k in range(first, last) if text[k] in invisible and first < k < last - 1]
    assert all(start <= k < end for k in inner)
