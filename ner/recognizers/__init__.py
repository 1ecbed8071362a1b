"""One recognizer per kind of personal data (Presidio-style); each returns ``list[Span]``.

- ``contacts``: e-mails, phones, handles, URLs, game/Discord names (CONTACT)
- ``ids``: birth numbers with checksum, street addresses, car plates (ID)
- ``classes``: school class designations (CLASS)
- ``seeded``: the victim's name and class from the form fields (PERSON, CLASS)
- ``names``: gazetteers + morphology + spaCy + context cues (PERSON)
"""
