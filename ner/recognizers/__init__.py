"""One recognizer per kind of personal data (Presidio-style); each returns ``list[Span]``.

- ``contacts``: e-mails, phones, handles, URLs, game/Discord names (CONTACT)
- ``ids``: birth numbers with checksum, street addresses, car plates (ID)
- ``classes``: school class designations (CLASS)
- ``cards``: ISIC student cards, Luhn-valid payment cards (ID)
- ``class_codes``: secondary-school class codes "2.M", "3.EB", cued "8 c" (CLASS)
- ``usernames``: dotted/digit handles after a platform cue or in parentheses (CONTACT)
- ``bank_accounts``: Czech accounts with the mod-11 checksum (ID)
- ``numeric_ids``: numeric platform ids after a cue (CONTACT)
- ``slash_phones``: phones written with slashes (CONTACT)
- ``obfuscated_emails``: "(at)", "zavináč … tečka" e-mails (CONTACT)
- ``addresses``: street + number after a cue, in any letter case (ID)
- ``spoken_phones``: phone numbers partly or wholly in words (CONTACT)
- ``credentials``: school logins (CONTACT) and passwords (ID) after their cue
- ``ip_addresses``: IPv4 addresses (ID)
- ``document_numbers``: ID-card, passport, pupil and canteen-card numbers after a cue (ID)
- ``seeded``: the victim's name and class from the form fields (PERSON, CLASS)
- ``names``: gazetteers + morphology + spaCy + context cues (PERSON)
"""
