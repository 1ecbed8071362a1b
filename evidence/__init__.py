"""Evidence files attached to a report: type sniffing, sanitising, limits.

Knows nothing of Flask or the database: the surfaces (``intake``, ``review_ui``,
``delivery``) call ``sanitise_upload`` with the bytes they received and store only what
comes back, sealed (``evidence.sealing``).
"""
