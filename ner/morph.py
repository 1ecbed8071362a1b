"""Czech name morphology in folded space: map an inflected form back to candidate bases.

Analysis instead of generation: we strip a case/possessive ending and propose base forms,
and the gazetteer decides which exist. That covers every case of every name in the
gazetteers (and the seeded victim name) without storing paradigms.

Working on folded text (no diacritics) makes alternations simple: Sáře → sare → sar+a,
Lucce → lucc → luck+a (c→k), Olze → olz → olg+a (z→g), Markovi → mark → marek
(mobile e), Lucčina → lucc+ina → lucka (possessive).
"""

from __future__ import annotations

from functools import lru_cache

# (ending of the inflected form, ending of the base), folded.
_CONSONANT = (
    "a",
    "ovi",
    "e",
    "em",
    "u",
    "i",
    "ove",
    "um",
    "y",
    "ech",
    "ich",
    "ama",
    "ou",
    # possessive adjectives Petrův, Petrova, Petrových …
    "uv",
    "ova",
    "ovo",
    "ovy",
    "ovu",
    "ovou",
    "ovych",
    "ovym",
    "ovymi",
    "ove",
    "ovi",
)
_A_STEM = (
    "y",
    "e",
    "u",
    "o",
    "ou",
    "ovi",
    "ove",
    "ach",
    "am",
    "ami",
    "ech",
    "i",
    "in",
    "ina",
    "ino",
    "iny",
    "inu",
    "inou",
    "ine",
    "inych",
    "inym",
    "inymi",
    "ini",
    "uv",
    "ova",
    "ovo",
    "ovy",
    "ovu",
    "ovou",
    "ovych",
    "ovym",
)
_IE_STEM = ("ii", "iin", "iina", "iino", "iiny", "iinu", "iinou", "iine", "iinych", "iinym")
_I_STEM = ("iho", "imu", "im", "ich", "imi")
_ADJ_Y = ("eho", "emu", "em", "ym", "i", "ych", "ymi", "e")
_ADJ_A = ("e", "ou", "ych", "ym")
_O_STEM = ("a", "ovi", "em", "e", "u")

RULES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {(e, "") for e in _CONSONANT}
        | {(e, "a") for e in _A_STEM}
        | {(e, "ie") for e in _IE_STEM}
        | {(e, "i") for e in _I_STEM}
        | {(e, "y") for e in _ADJ_Y}
        | {(e, "a") for e in _ADJ_A}
        | {(e, "o") for e in _O_STEM}
        | {("ove", "ova"), ("ovou", "ova"), ("ovu", "ova")},
        key=lambda r: (-len(r[0]), r),
    )
)

# RULES indexed by ending, longest first (same order as RULES): one dict probe per length.
_BY_ENDING: dict[str, list[str]] = {}
for _ending, _base_end in RULES:
    _BY_ENDING.setdefault(_ending, []).append(_base_end)
_END_LENGTHS = sorted({len(e) for e in _BY_ENDING}, reverse=True)

_VOWELS = set("aeiouy")
# softenings before -e / -in: Lucka→Lucce/Lucčina, Olga→Olze, Saša… (folded)
_ALTERN = {"c": ("k",), "z": ("h", "g"), "s": ("ch",)}


def _matching_rules(folded: str):  # noqa: ANN202 - a generator of (ending, base ending)
    for n in _END_LENGTHS:
        if len(folded) - n < 2:
            continue
        ending = folded[-n:]
        for base_end in _BY_ENDING.get(ending, ()):
            yield ending, base_end


@lru_cache(maxsize=65536)
def base_candidates(folded: str) -> tuple[str, ...]:
    """Possible folded base forms of a folded word, the word itself first."""
    out: list[str] = [folded]
    if len(folded) < 3:
        return tuple(out)
    for ending, base_end in _matching_rules(folded):
        stem = folded[: len(folded) - len(ending)]
        stems = [stem]
        if (
            base_end == "a"
            and stem[-1] in _ALTERN
            and (ending.startswith(("e", "i")) or ending == "e")
        ):
            stems += [stem[:-1] + alt for alt in _ALTERN[stem[-1]]]
        if (
            base_end == ""
            and len(stem) >= 3
            and stem[-1] not in _VOWELS
            and stem[-2] not in _VOWELS
        ):
            stems.append(stem[:-1] + "e" + stem[-1])  # mobile e: Mark-a → Marek, Pavl-a → Pavel
        for s in stems:
            cand = s + base_end
            if cand not in out:
                out.append(cand)
    return tuple(out)
