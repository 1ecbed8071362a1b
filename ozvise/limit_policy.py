"""What each rate limit counts (Flask-Limiter's ``deduct_when``).

A limit that counts every request punishes the wrong people: a pupil whose report was
refused for a typo, or a reporter who looks at their own status every few minutes. So:

- report limits count *accepted* reports only (the API's 201, the web form's 303 to the
  receipt page, which it answers only for a stored report); a refused submission costs
  nothing;
- receipt-lookup limits count *failed* lookups only (unknown receipt: 404 on the form,
  401 on the API) — guessing is what they are there to stop.
"""

from __future__ import annotations

from flask import Response

FAILED_LOOKUP_STATUSES = frozenset({401, 404})
ACCEPTED_REPORT_STATUSES = frozenset({201, 303})


def accepted_report(response: Response) -> bool:
    return response.status_code in ACCEPTED_REPORT_STATUSES


def failed_lookup(response: Response) -> bool:
    return response.status_code in FAILED_LOOKUP_STATUSES
