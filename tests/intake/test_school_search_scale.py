"""School search on a register of 10,000 schools: prints import and query times.

A benchmark more than a test (timings are printed, the bound is loose): run with
``pytest tests/intake/test_school_search_scale.py -s``.
"""

from __future__ import annotations

import statistics
import time

import pytest

from intake.schools import import_rows, search_schools
from tests.intake.school_register import STREETS, TOWNS, generated_rows

pytestmark = [pytest.mark.slow]
SCHOOLS = 10_000
QUERIES = [q for town in TOWNS[:20] for q in (town.split()[0].lower(), f"{town} husova",
                                              f"zs {town[:3]}")] + \
          [street.lower()[:4] for street in STREETS] + ["plzen", "brno husova 1", "gymnazium",
                                                         "nic takoveho", "z"]


def test_search_stays_fast_on_ten_thousand_schools(session, db_url):
    rows = list(enumerate(generated_rows(SCHOOLS), start=2))
    started = time.perf_counter()
    summary = import_rows(session, rows)
    session.commit()
    import_seconds = time.perf_counter() - started
    assert summary.created == SCHOOLS

    timings, hits = [], 0
    for query in QUERIES * 3:
        started = time.perf_counter()
        found = search_schools(session, query)
        timings.append(time.perf_counter() - started)
        hits += bool(found)
    timings.sort()
    p50 = statistics.median(timings) * 1000
    p95 = timings[int(len(timings) * 0.95)] * 1000
    engine = db_url.split(":")[0]
    print(f"\n[{engine}] import of {SCHOOLS} schools: {import_seconds:.1f} s; "
          f"{len(timings)} searches: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max "
          f"{timings[-1] * 1000:.1f} ms; {hits} with results")
    assert search_schools(session, "plzen")  # generated Plzeň schools are found
    assert p95 < 500  # loose: the measured figures are printed above
