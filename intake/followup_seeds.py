"""The report's seed list, sealed to the reporter at intake and opened for a follow-up.

A follow-up ("…kratka zase brečela…") must be redacted knowing the report's names, but the
server alone must read nothing. So at intake the seed list (victim name and class as typed,
and every original the redaction hid) is sealed to the reporter's public key
(``crypto.reporter_seal``); when the reporter writes a follow-up with the receipt, the
re-derived private key opens it in memory and ``ner.redaction`` redacts the follow-up with
the same seeds. Nothing of it is ever stored in clear.
"""

from __future__ import annotations

from crypto.errors import CryptoError
from crypto.reporter_seal import open_for_reporter, seal_for_reporter
from models import Report
from ner.redaction import Seeds

PURPOSE = "followup-seeds"


def seal_followup_seeds(report: Report, seeds: Seeds) -> None:
    """Store ``seeds`` sealed to the report's reporter key (no key: nothing to seal to)."""
    if report.reporter_public_key is None:
        return
    report.followup_seeds_ct = seal_for_reporter(report.id, report.reporter_public_key,
                                                 PURPOSE, seeds.to_bytes())


def open_followup_seeds(report: Report, reporter_private: bytes | None) -> Seeds:
    """The report's seeds for the receipt holder; empty seeds if none were sealed (a report
    from before this existed) or the key does not open them."""
    if reporter_private is None or not report.followup_seeds_ct:
        return Seeds()
    try:
        raw = open_for_reporter(report.id, reporter_private, PURPOSE, report.followup_seeds_ct)
        return Seeds.from_bytes(raw)
    except (CryptoError, ValueError):
        return Seeds()
