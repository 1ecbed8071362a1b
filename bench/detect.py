#!/usr/bin/env python3
"""Detector benchmark (same as ``ozvise bench detect``): ours vs spaCy cs_core_news_sm NER alone.

.venv/bin/python bench/detect.py [--dev ../shared/corpora/reports_dev.jsonl] \
        [--cnec ...] [--out ...]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ner.bench import bench_detect  # noqa: E402

if __name__ == "__main__":
    bench_detect()
